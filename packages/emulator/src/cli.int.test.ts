import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { main, type CliHandle } from './cli.js';
import { DEMO } from './index.js';

const headers = {
  Authorization: `Bearer ${DEMO.token}`,
  Version: '2021-07-28',
  'Content-Type': 'application/json',
};

let running: CliHandle | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

describe('ghl-emulator over a real port', () => {
  it('serves HighLevel with the demo token and prints where', async () => {
    const lines: string[] = [];
    running = await main(['--port', '0', '--seed', 'demo'], {
      out: (l) => lines.push(l),
      handleSignals: false,
    });
    const { url } = running.server;
    expect(lines).toContain(`HighLevel emulator listening on ${url}`);
    expect(lines.join('\n')).toContain(DEMO.token);

    const created = await fetch(`${url}/contacts/`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ locationId: DEMO.locationId, email: 'wire@example.com' }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('x-ratelimit-remaining')).toBe('99');
    const { contact } = (await created.json()) as { contact: { id: string } };
    const got = await fetch(`${url}/contacts/${contact.id}`, { headers });
    expect(((await got.json()) as { contact: { email: string } }).contact.email).toBe(
      'wire@example.com',
    );
  });

  it('drops the connection on a commit-then-fail drop fault; the write is kept', async () => {
    running = await main(['--port', '0', '--seed', 'demo'], {
      out: () => {},
      handleSignals: false,
    });
    const { url } = running.server;
    await fetch(`${url}/_emulator/faults`, {
      method: 'PUT',
      body: JSON.stringify([{ match: { method: 'POST' }, commitThenFail: 'drop', count: 1 }]),
    });
    const err = await fetch(`${url}/contacts/`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ locationId: DEMO.locationId, email: 'dropped@example.com' }),
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(TypeError);
    const state = running.emulator.control.locationState(DEMO.locationId);
    expect(state.contacts.map((c) => c.email)).toEqual(['dropped@example.com']);
  });

  it('rejects bad arguments with the usage', async () => {
    await expect(main(['--port', 'x'], { out: () => {}, handleSignals: false })).rejects.toThrow(
      /--port must be a port number/,
    );
    await expect(main(['--seed', 'big'], { out: () => {}, handleSignals: false })).rejects.toThrow(
      /--seed accepts only "demo"/,
    );
  });

  it('as a process: prints its version and its help, and exits 0', async () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const run = (arg: string) =>
      new Promise<{ code: number | null; stdout: string }>((resolve) => {
        const child = spawn(
          process.execPath,
          ['--import', 'tsx', '--conditions=@ghl-bridge/source', cli, arg],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.once('exit', (code) => resolve({ code, stdout }));
      });
    const { version } = JSON.parse(
      readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(await run('--version')).toEqual({ code: 0, stdout: `${version}\n` });
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: ghl-emulator [--port 4010]');
    expect(help.stdout).toContain('GET /_emulator');
  });

  it('as a process: saves --state on SIGTERM and loads it on the next start', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ghl-emulator-'));
    const stateFile = path.join(dir, 'state.json');
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const start = () => {
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          '--conditions=@ghl-bridge/source',
          cli,
          '--port',
          '0',
          '--seed',
          'demo',
          '--state',
          stateFile,
        ],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      let output = '';
      const url = new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const m = /listening on (\S+)/.exec(output);
          if (m) resolve(m[1]!);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${output}`)));
      });
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      return { child, url, exited, output: () => output };
    };

    const first = start();
    const url1 = await first.url;
    const created = await fetch(`${url1}/contacts/`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ locationId: DEMO.locationId, email: 'persisted@example.com' }),
    });
    expect(created.status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const saved = JSON.parse(readFileSync(stateFile, 'utf8')) as {
      contacts: Record<string, { email: string }>;
    };
    expect(Object.values(saved.contacts).map((c) => c.email)).toEqual(['persisted@example.com']);

    const second = start();
    const url2 = await second.url;
    expect(second.output()).toContain(`Loaded state from ${stateFile}`);
    const found = await fetch(`${url2}/contacts/search`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ locationId: DEMO.locationId, pageLimit: 10 }),
    });
    const body = (await found.json()) as { contacts: { email: string }[] };
    expect(body.contacts.map((c) => c.email)).toEqual(['persisted@example.com']);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});
