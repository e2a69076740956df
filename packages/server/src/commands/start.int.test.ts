/**
 * The embedded server as a real process: a second process on the same data directory refuses
 * to start, and a SIGKILL in the middle of work loses nothing that was acknowledged — every
 * workspace answered 201 exists after a restart, every check answered 202 gets done. A port
 * already taken is told in words, with how to choose another; the `--demo` banner is the one the
 * package's README shows.
 */
import { createEmulator, startServer, type RunningServer } from '@ghl-bridge/emulator';
import { readFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/backends.js';
import { ADMIN_TOKEN, SECRET_KEY } from '../../test/harness.js';
import { spawnCli, type CliProcess } from '../../test/processes.js';
import { waitFor } from '../../test/waitFor.js';
import { openDatabase } from '../db/database.js';

describe('ghl-bridge start on the embedded database', () => {
  let testDb: TestDatabase;
  let highLevel: RunningServer;
  const processes: CliProcess[] = [];
  const emulator = createEmulator();

  beforeAll(async () => {
    testDb = await createTestDatabase('pglite');
    highLevel = await startServer(emulator, { port: 0 });
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill('SIGKILL')));
    await highLevel?.close();
    await testDb?.drop();
  });

  const env = () => ({
    GHL_BRIDGE_ADMIN_TOKEN: ADMIN_TOKEN,
    GHL_BRIDGE_SECRET_KEY: SECRET_KEY,
    GHL_API_BASE_URL: highLevel.url,
  });
  const start = async () => {
    const proc = spawnCli(['start', '--port', '0', '--data-dir', testDb.dataDir], env());
    processes.push(proc);
    const [, base] = await proc.waitForOutput(/API\s+(http:\/\/\S+)\/v1/);
    return { proc, base: base! };
  };
  const api = (base: string, method: string, path: string, body?: unknown) =>
    fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('refuses a second process on the same data directory, then survives SIGKILL', async () => {
    const first = await start();

    const second = spawnCli(['start', '--port', '0', '--data-dir', testDb.dataDir], env());
    expect(await second.exited).toBe(2);
    expect(second.output()).toContain(`Another ghl-bridge process (pid ${first.proc.child.pid}`);
    expect(second.output()).toContain('is already using the data directory');

    // A connected workspace whose checks are slow at HighLevel: jobs are mid-work at the kill.
    const { locationId, token } = emulator.control.createLocation({ name: 'Spa' });
    const ws = (await (
      await api(first.base, 'POST', '/v1/workspaces', { name: 'Spa' })
    ).json()) as {
      id: string;
    };
    const connect = await api(
      first.base,
      'PUT',
      `/v1/workspaces/${ws.id}/integrations/gohighlevel`,
      {
        apiKey: token,
        locationId,
      },
    );
    expect(connect.status).toBe(200);
    emulator.control.setFaults([
      { latencyMs: 300, match: { path: '/locations/{locationId}', locationId } },
    ]);

    const acknowledged = { workspaces: [] as string[], jobs: [] as string[] };
    let killed = false;
    const traffic = async (lane: number) => {
      for (let i = 0; !killed; i++) {
        try {
          const created = await api(first.base, 'POST', '/v1/workspaces', {
            name: `w${lane}-${i}`,
          });
          if (created.status === 201)
            acknowledged.workspaces.push(((await created.json()) as { id: string }).id);
          const check = await api(
            first.base,
            'POST',
            `/v1/workspaces/${ws.id}/integrations/gohighlevel/check`,
          );
          if (check.status === 202)
            acknowledged.jobs.push(((await check.json()) as { jobId: string }).jobId);
        } catch {
          return; // the server is gone
        }
      }
    };
    const lanes = [0, 1, 2, 3].map(traffic);
    await waitFor(() => acknowledged.jobs.length >= 20, { what: '20 acknowledged checks' });
    killed = true;
    expect(await first.proc.kill('SIGKILL')).toBeNull();
    await Promise.all(lanes);
    emulator.control.clearFaults();

    const again = await start();
    for (const id of acknowledged.workspaces) {
      expect((await api(again.base, 'GET', `/v1/workspaces/${id}`)).status, id).toBe(200);
    }
    // Jobs that were in hand when the process died come back once their heartbeat lapses.
    await waitFor(
      async () => {
        const metrics = await (await fetch(`${again.base}/metrics`)).text();
        const pending = [
          ...metrics.matchAll(/^ghl_bridge_jobs\{.*state="(queued|active|deferred)".*\} (\d+)$/gm),
        ];
        return pending.length > 0 && pending.every((m) => m[2] === '0');
      },
      { what: 'every acknowledged check to be done', timeoutMs: 45_000, intervalMs: 500 },
    );
    expect(await again.proc.kill('SIGTERM')).toBe(0);

    const database = await openDatabase(testDb);
    try {
      const done = await database.db
        .selectFrom('job_runs')
        .select('job_id')
        .where('job_id', 'in', acknowledged.jobs)
        .execute();
      expect(done.map((r) => r.job_id).sort()).toEqual([...acknowledged.jobs].sort());
    } finally {
      await database.close();
    }
  });
});

describe('ghl-bridge start on a port already in use', () => {
  let testDb: TestDatabase | undefined;
  let taken: Server | undefined;
  afterEach(async () => {
    await new Promise((closed) => taken?.close(closed) ?? closed(undefined));
    await testDb?.drop();
  });

  /** A port of 127.0.0.1 another server listens on. */
  async function takenPort(): Promise<number> {
    taken = createServer();
    await new Promise<void>((listening) => taken!.listen(0, '127.0.0.1', listening));
    return (taken.address() as AddressInfo).port;
  }

  it.each([
    ['start', []],
    // `npm start` runs `start --demo`: its emulator takes a free port, so the API's is the one.
    ['start --demo', ['--demo']],
  ])('%s names the address and how to choose another port, and exits 2', async (_, flags) => {
    testDb = await createTestDatabase('pglite');
    const port = await takenPort();
    const proc = spawnCli(
      ['start', ...flags, '--port', String(port), '--data-dir', testDb.dataDir],
      {},
    );
    expect(await proc.exited).toBe(2);
    expect(proc.stderr()).toContain(`Cannot listen on 127.0.0.1:${port}: another process`);
    expect(proc.stderr()).toContain(
      `choose another port with --port N or the PORT variable, e.g. --port ${port + 1} (or PORT=${port + 1} npm start).`,
    );
    expect(proc.output()).not.toContain('EADDRINUSE');
    expect(proc.output()).not.toContain('ghl-bridge is running');
  });
});

describe('ghl-bridge start --demo, as the README shows it', () => {
  let testDb: TestDatabase | undefined;
  let proc: CliProcess | undefined;
  afterEach(async () => {
    await proc?.kill('SIGKILL');
    await testDb?.drop();
  });

  it('prints the banner of the README, line for line', async () => {
    testDb = await createTestDatabase('pglite');
    proc = spawnCli(['start', '--demo', '--port', '0', '--data-dir', testDb.dataDir], {});
    await proc.waitForOutput(/Stop with Ctrl\+C\./);
    const api = /API\s+http:\/\/127\.0\.0\.1:(\d+)\/v1/.exec(proc.stderr())![1]!;
    const emulator = /HighLevel\s+http:\/\/127\.0\.0\.1:(\d+)/.exec(proc.stderr())![1]!;
    // The README shows the default port and data directory, and an emulator port of its own.
    const banner = proc
      .stderr()
      .replaceAll(`127.0.0.1:${api}`, '127.0.0.1:3000')
      .replaceAll(`127.0.0.1:${emulator}`, '127.0.0.1:41234')
      .replaceAll(testDb.dataDir, '.ghl-bridge')
      .trim()
      .split('\n');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const sample = /```\n(ghl-bridge is running in demo mode[^]*?)\n```/
      .exec(readme)![1]!
      .split('\n');
    // Each "…" of the README stands for what differs from run to run: ids, tokens, dates.
    const pattern = (line: string) =>
      new RegExp(`^${line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replaceAll('…', '.*')}$`);
    expect(banner).toHaveLength(sample.length);
    sample.forEach((line, i) => expect(banner[i], `README line: ${line}`).toMatch(pattern(line)));
  });
});
