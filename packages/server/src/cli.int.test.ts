/**
 * The CLI as a process: production commands never load the emulator (a test double); only
 * `--demo` does. The process runs with a module hook that makes importing the emulator fail.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../test/backends.js';
import { spawnCli, type CliProcess } from '../test/processes.js';

const FORBID_EMULATOR = fileURLToPath(new URL('../test/forbidEmulator.mjs', import.meta.url));
const withoutEmulator = { nodeArgs: ['--import', FORBID_EMULATOR] };

describe('ghl-bridge and the emulator', () => {
  let testDb: TestDatabase | undefined;
  let proc: CliProcess | undefined;
  afterEach(async () => {
    await proc?.kill('SIGKILL');
    proc = undefined;
    await testDb?.drop();
  });

  it('starts and serves without loading the emulator; JSON logs on stdout, the banner on stderr', async () => {
    testDb = await createTestDatabase('pglite');
    proc = spawnCli(
      ['start', '--port', '0', '--data-dir', testDb.dataDir],
      { LOG_LEVEL: 'info' },
      undefined,
      withoutEmulator,
    );
    const [, url] = await proc.waitForOutput(/API\s+(http:\/\/\S+)\/v1/);
    await proc.waitForOutput(/Stop with Ctrl\+C\./);
    expect((await fetch(`${url!}/healthz`)).status).toBe(200);
    await proc.waitForOutput(/"path":"\/healthz"/);
    expect(proc.output()).not.toContain('@ghl-bridge/emulator was imported');
    expect(proc.stderr()).toContain('ghl-bridge is running.');
    const logLines = proc.stdout().split('\n').filter(Boolean);
    expect(logLines.length).toBeGreaterThan(0);
    for (const line of logLines) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    expect(await proc.kill('SIGTERM')).toBe(0);
  });

  it('loads it for --demo, and only then (the hook would stop it)', async () => {
    testDb = await createTestDatabase('pglite');
    proc = spawnCli(
      ['start', '--demo', '--port', '0', '--data-dir', testDb.dataDir],
      {},
      undefined,
      withoutEmulator,
    );
    expect(await proc.exited).not.toBe(0);
    expect(proc.output()).toMatch(/@ghl-bridge\/emulator was imported by \S+demo\.ts/);
  });
});
