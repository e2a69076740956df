/**
 * Scale-out on PostgreSQL: two `ghl-bridge worker` processes share one queue of connection
 * checks against one Location. Each job is done once, both processes take part, and the shared
 * per-Location limiter keeps the two together within HighLevel's 100 requests per sliding 10 s
 * (the emulator, served on a real port, counts what arrives).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { backends } from '../../test/backends.js';
import { workerWorldPerSuite } from '../../test/workerWorld.js';
import { SECRET_KEY } from '../../test/harness.js';
import { busiestWindow } from '../../test/rateWindow.js';
import { spawnCli, type CliProcess } from '../../test/processes.js';
import { waitFor } from '../../test/waitFor.js';
import { keyringFrom } from '../crypto/keyring.js';
import { CONNECTION_CHECK_QUEUE } from '../highlevel/connectionCheckJob.js';
import { saveConnection } from '../highlevel/connectionStore.js';
import { createJobQueue } from '../queue/jobQueue.js';
import { QUEUES } from '../runtime.js';
import { createWorkspace } from '../workspaces/workspaceStore.js';

const JOBS = 160;
const postgres = backends().find((b) => b.name === 'postgres')!;

describe.skipIf(!postgres.available)('two ghl-bridge workers on PostgreSQL', () => {
  const world = workerWorldPerSuite();
  const workers: CliProcess[] = [];

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.kill('SIGKILL')));
  });

  it('do each job once, share the load and together stay under 100 requests per 10 s', async () => {
    const { locationId, token } = world.emulator.control.createLocation({ name: 'Busy Spa' });
    const { workspace } = await createWorkspace(world.database.db, {
      name: 'Busy',
      features: ['bookings'],
    });
    await saveConnection(world.database.db, keyringFrom([SECRET_KEY]), {
      workspaceId: workspace.id,
      locationId,
      locationName: 'Busy Spa',
      credentials: { kind: 'api_key', apiKey: token },
      scopes: [],
      connectedAt: new Date(),
    });

    const env = {
      DATABASE_URL: world.testDb.databaseUrl!,
      GHL_BRIDGE_SECRET_KEY: SECRET_KEY,
      GHL_API_BASE_URL: world.highLevel.url,
    };
    for (let i = 0; i < 2; i++) workers.push(spawnCli(['worker'], env));
    await Promise.all(workers.map((w) => w.waitForOutput(/is processing jobs from PostgreSQL/)));

    const queue = createJobQueue({ database: world.database, queues: QUEUES });
    await queue.start();
    const jobIds = await world.database.db.transaction().execute(async (trx) => {
      const ids: string[] = [];
      for (let i = 0; i < JOBS; i++) {
        ids.push(await queue.enqueue(trx, CONNECTION_CHECK_QUEUE, { workspaceId: workspace.id }));
      }
      return ids;
    });
    await queue.stop();

    const runs = await waitFor(
      async () => {
        const rows = await world.database.db
          .selectFrom('job_runs')
          .select(['job_id', 'runs', 'worker'])
          .where('job_id', 'in', jobIds)
          .execute();
        return rows.length === JOBS && rows;
      },
      { what: `${JOBS} jobs done`, timeoutMs: 60_000, intervalMs: 250 },
    );

    // Each job done once.
    expect(runs.every((r) => r.runs === 1)).toBe(true);
    // Both processes took part.
    const perWorker = new Map<string, number>();
    for (const r of runs) perWorker.set(r.worker, (perWorker.get(r.worker) ?? 0) + 1);
    expect([...perWorker.keys()]).toHaveLength(2);
    for (const count of perWorker.values()) expect(count).toBeGreaterThanOrEqual(JOBS * 0.1);

    // What HighLevel saw: one request per job, never a 429, never over 100 in any 10 s.
    const requests = world.emulator.control.requests({ locationId });
    expect(requests.filter((r) => r.status === 429)).toEqual([]);
    expect(requests.filter((r) => r.operation === '/locations/{locationId}')).toHaveLength(JOBS);
    const times = requests.map((r) => Date.parse(r.time)).sort((a, b) => a - b);
    const busiest = busiestWindow(times);
    expect(busiest).toBeLessThanOrEqual(100);
    expect(busiest).toBeGreaterThanOrEqual(90);
    // 160 requests under 100 per 10 s cannot all fit in the first 10 s.
    expect(times.at(-1)! - times[0]!).toBeGreaterThan(10_000);

    const stats = await world.database.db
      .selectFrom('gohighlevel_connections')
      .select(['last_error', 'last_checked_at'])
      .where('workspace_id', '=', workspace.id)
      .executeTakeFirstOrThrow();
    expect(stats.last_error).toBeNull();
  });
});
