/**
 * The embedded server as a real process: a second process on the same data directory refuses
 * to start, and a SIGKILL in the middle of work loses nothing that was acknowledged — every
 * workspace answered 201 exists after a restart, every check answered 202 gets done.
 */
import { createEmulator, startServer, type RunningServer } from '@ghl-bridge/emulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
