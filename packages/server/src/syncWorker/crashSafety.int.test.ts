/**
 * The booking sync survives HighLevel misbehaving and its workers being killed. 500 booking
 * changes for 100 customers (four salons, each its own workspace and Location; a third of the
 * customers known by phone only) go through the booking API while HighLevel, emulated on a real
 * port, answers 10% of calls with a 503, applies 5% of writes and then answers a 5xx or drops the
 * connection, sends bursts of 429s and adds latency — and `ghl-bridge worker` processes are
 * SIGKILLed at seeded random moments, a fresh one started each time. Then the faults stop and
 * the last workers finish: HighLevel holds exactly one contact per customer, one note per booking
 * change that earns one, the stats and tags the ledger gives, every booking is `synced`, and no
 * job is left over.
 *
 * Four Locations, not one: the bridge keeps each Location under HighLevel's 100 requests per
 * 10 s itself, and ~1,300 calls in one Location would not fit the time budget.
 *
 * The scenario comes from a seed, printed at the start and in every failure message; rerun one
 * with CRASH_SAFETY_SEED=<seed> (process timing still varies from run to run).
 */
import {
  createEmulator,
  startServer,
  type Emulator,
  type FaultRule,
  type RunningServer,
} from '@ghl-bridge/emulator';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, createTestDatabase, type TestDatabase } from '../../test/backends.js';
import {
  bookingTraffic,
  expectedContacts,
  seededRandom,
  type BookingTraffic,
} from '../../test/bookingChanges.js';
import { userContacts, type SyncJobView } from '../../test/bookings.js';
import { ADMIN_TOKEN, SECRET_KEY } from '../../test/harness.js';
import { spawnCli, type CliProcess } from '../../test/processes.js';
import { waitFor } from '../../test/waitFor.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { customerKey } from '../sync/bookingEvent.js';
import { CONTACT_SYNC_QUEUE } from './syncJobStore.js';

const SEED = Number(process.env.CRASH_SAFETY_SEED ?? Math.floor(Math.random() * 2 ** 31));
const CUSTOMERS = 100;
const CHANGES = 500;
const SALONS = 4;
/** Single kills after the first crash, which takes both workers. */
const KILLS = 4;
/** The whole test; the final drain gets what is left of it. */
const BUDGET_MS = 140_000;
/** Faults stop when 80% of the sync is done, or at the latest this long after the start. */
const FAULTS_UNTIL_MS = 65_000;
const postgres = backends().find((b) => b.name === 'postgres')!;
const seedNote = `seed ${SEED} (rerun with CRASH_SAFETY_SEED=${SEED})`;

describe.skipIf(!postgres.available)(
  'booking sync under HighLevel faults and worker crashes',
  () => {
    let testDb: TestDatabase;
    let runtime: Runtime;
    let emulator: Emulator;
    let highLevel: RunningServer;
    let workers: WorkerPool;
    const salons: Array<{ id: string; locationId: string }> = [];

    const api = async (method: string, path: string, json?: unknown) => {
      const res = await runtime.app!.request(path, {
        method,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };

    beforeAll(async () => {
      console.log(`[crash safety] ${seedNote}`);
      testDb = await createTestDatabase('postgres');
      // HighLevel's own limit is not what this test is about: its 429s come as faults.
      emulator = createEmulator({ limits: { burst: 100_000 }, random: seededRandom(SEED + 1) });
      highLevel = await startServer(emulator, { port: 0 });
      const env = {
        DATABASE_URL: testDb.databaseUrl!,
        GHL_BRIDGE_SECRET_KEY: SECRET_KEY,
        GHL_API_BASE_URL: highLevel.url,
      };
      workers = workerPool(env);
      // The HTTP API in this process (no workers): bookings come in as a booking app sends them.
      runtime = await createRuntime({
        config: loadConfig(
          { ...env, GHL_BRIDGE_ADMIN_TOKEN: ADMIN_TOKEN },
          { dataDir: testDb.dataDir, databaseUrl: testDb.databaseUrl },
        ),
        logger: createLogger({ level: 'silent' }),
        worker: false,
      });
      for (let i = 0; i < SALONS; i++) {
        const created = await api('POST', '/v1/workspaces', {
          name: `Salon ${i}`,
          features: ['bookings'],
        });
        const id = created.body.id as string;
        const { locationId, token } = emulator.control.createLocation({ name: `Salon ${i}` });
        const connected = await api('PUT', `/v1/workspaces/${id}/integrations/gohighlevel`, {
          apiKey: token,
          locationId,
        });
        expect(connected.status).toBe(200);
        salons.push({ id, locationId });
      }
    });

    afterAll(async () => {
      await workers?.killAll('SIGKILL');
      await runtime?.stop();
      await highLevel?.close();
      await testDb?.drop();
    });

    it(
      'ends exact: one contact per customer, one note per change, exact stats, nothing lost',
      { timeout: BUDGET_MS + 10_000 },
      async () => {
        const started = Date.now();
        const at = () => `${Math.round((Date.now() - started) / 1000)} s`;
        const traffic = bookingTraffic(seededRandom(SEED), {
          customers: CUSTOMERS,
          changes: CHANGES,
          groups: SALONS,
        });
        const random = seededRandom(SEED + 2);
        const { db } = runtime.database;

        await Promise.all([workers.start(), workers.start()]);
        const faults = faultSchedule(emulator, random);

        // Bookings arrive while the workers crash.
        const answers: Record<number, number> = {};
        const ingest = (async () => {
          for (const { group, body } of traffic.events) {
            const res = await api('POST', `/v1/workspaces/${salons[group]!.id}/bookings`, body);
            answers[res.status] = (answers[res.status] ?? 0) + 1;
          }
        })();

        // pg-boss gives up on a job after 7 attempts. Rather than kill one job's worker 7 times,
        // the jobs in hand at the first crash are put on their last attempt, and both workers die.
        await waitFor(async () => (await countJobs(runtime, 'active')) >= 2, {
          what: `jobs in hand (${seedNote})`,
          timeoutMs: 30_000,
        });
        const { rows: lastAttempt } = await sql<{ id: string }>`update pgboss.job
        set retry_limit = retry_count where name = ${CONTACT_SYNC_QUEUE} and state = 'active'
        returning data->>'syncJobId' as id`.execute(db);
        await workers.killAll('SIGKILL');
        void workers.start();
        void workers.start();
        // The kill schedule itself is time, not a state: seeded random moments mid-traffic.
        for (let kill = 0; kill < KILLS; kill++) {
          await pause(2_000 + random() * 3_000);
          await workers.killOne(random);
          void workers.start();
        }
        await ingest;
        // 202 a new version, 200 a repeat or a stale one: never an error.
        expect(Object.keys(answers).sort(), seedNote).toEqual(['200', '202']);

        // Faults go on until most of the work went through them, then the last workers finish.
        const total = await countSyncJobs(runtime);
        await waitFor(async () => (await countSyncJobs(runtime, 'done')) >= total * 0.8, {
          what: `80% of the sync done under faults (${seedNote})`,
          timeoutMs: Math.max(1_000, FAULTS_UNTIL_MS - (Date.now() - started)),
          intervalMs: 250,
        }).catch(() => undefined);
        const hits = faults.stop();
        console.log(`[crash safety] faults off at ${at()}: hits ${JSON.stringify(hits)}`);
        const drained = () => waitForDrain(runtime, BUDGET_MS - (Date.now() - started));
        await drained();

        // The jobs pg-boss gave up on are `failed` with the reason in plain words, not `running` ...
        const givenUp: Array<SyncJobView & { workspaceId: string }> = [];
        for (const salon of salons) {
          const res = await api('GET', `/v1/workspaces/${salon.id}/sync-jobs?status=failed`);
          for (const job of res.body.jobs as SyncJobView[]) {
            givenUp.push({ ...job, workspaceId: salon.id });
          }
        }
        expect(givenUp.length, seedNote).toBeGreaterThan(0);
        for (const job of givenUp) {
          expect(job.reason, seedNote).toMatch(
            /^Gave up after \d+ attempts: the last one never finished.* retry with POST/,
          );
          expect(
            lastAttempt.map((j) => j.id),
            seedNote,
          ).toContain(job.id);
        }
        // ... and a user retries them.
        for (const job of givenUp) {
          const res = await api(
            'POST',
            `/v1/workspaces/${job.workspaceId}/sync-jobs/${job.id}/retry`,
          );
          expect(res.status, seedNote).toBe(202);
        }
        await drained();
        console.log(`[crash safety] drained at ${at()}, ${givenUp.length} given up and retried`);
        await workers.killAll('SIGTERM');

        assertHighLevel(traffic);
        const bookings = await db
          .selectFrom('bookings')
          .select(['booking_id', 'sync_state'])
          .execute();
        expect(
          bookings.filter((b) => b.sync_state !== 'synced'),
          seedNote,
        ).toEqual([]);
        expect(await countSyncJobs(runtime, 'done'), seedNote).toBe(await countSyncJobs(runtime));
        expect(await countJobs(runtime, 'created', 'retry', 'active'), seedNote).toBe(0);

        // The run went through what it claims to.
        expect(workers.kills(), seedNote).toBe(2 + KILLS);
        expect(hits.commitThenFail, seedNote).toBeGreaterThan(0);
        expect(hits.serverError, seedNote).toBeGreaterThan(0);
        expect(hits.tooManyRequests, seedNote).toBeGreaterThan(0);
      },
    );

    function assertHighLevel(traffic: BookingTraffic) {
      for (const [group, salon] of salons.entries()) {
        const expected = expectedContacts(
          traffic.events.filter((e) => e.group === group).map((e) => e.body),
        ).contacts;
        const contacts = userContacts(emulator, salon.locationId);
        const keyOf = (c: (typeof contacts)[number]) =>
          customerKey({ email: c.email ?? undefined, phone: c.phone ?? undefined });
        // Exactly one contact per customer: none twice, none missing.
        expect(contacts.map(keyOf).sort(), seedNote).toEqual([...expected.keys()].sort());
        for (const contact of contacts) {
          const want = expected.get(keyOf(contact))!;
          const markers = contact.notes.map(
            (note) => /\[ghl-bridge booking \S+ v\d+\]/.exec(note)?.[0] ?? note,
          );
          expect(
            { key: want.key, fields: contact.fields, tags: contact.tags, notes: markers.sort() },
            seedNote,
          ).toEqual({
            key: want.key,
            fields: want.fields,
            tags: want.tags,
            notes: want.noteMarkers,
          });
        }
      }
    }
  },
);

/**
 * The faults, named: 503s, writes applied and then answered with a 5xx or a dropped connection,
 * latency, and a burst of 429s every few seconds. Returns the hits when stopped.
 */
function faultSchedule(emulator: Emulator, random: () => number) {
  const hits = { serverError: 0, commitThenFail: 0, tooManyRequests: 0 };
  const write = '^/contacts';
  const base: FaultRule[] = [
    { match: { method: 'POST', path: write }, commitThenFail: 'status', probability: 0.025 },
    { match: { method: 'POST', path: write }, commitThenFail: 'drop', probability: 0.025 },
    { match: { method: 'PUT', path: write }, commitThenFail: 'status', probability: 0.05 },
    { status: 503, probability: 0.1 },
    { latencyMs: 300, probability: 0.02 },
    { latencyMs: 15 },
  ];
  const count = () => {
    for (const { rule, hits: n } of emulator.control.faults()) {
      if (rule.commitThenFail) hits.commitThenFail += n;
      else if (rule.status === 429) hits.tooManyRequests += n;
      else if (rule.status) hits.serverError += n;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  // A burst lasts a moment (as when a Location goes over its budget), whatever the traffic.
  const burst = () => {
    count();
    emulator.control.setFaults([{ status: 429, count: 5 + Math.floor(random() * 10) }, ...base]);
    timer = setTimeout(calm, 300 + random() * 400);
  };
  const calm = () => {
    count();
    emulator.control.setFaults(base);
    timer = setTimeout(burst, 2_000 + random() * 3_000);
  };
  timer = setTimeout(burst, 1_000);
  emulator.control.setFaults(base);
  return {
    stop() {
      clearTimeout(timer);
      count();
      emulator.control.clearFaults();
      return hits;
    },
  };
}

interface WorkerPool {
  /** Starts a `ghl-bridge worker`; resolves when it takes jobs. */
  start(): Promise<void>;
  /** SIGKILLs one worker that is taking jobs, chosen by `random`. */
  killOne(random: () => number): Promise<void>;
  killAll(signal: NodeJS.Signals): Promise<void>;
  kills(): number;
}

function workerPool(env: Record<string, string>): WorkerPool {
  const running = new Set<CliProcess>();
  const ready: CliProcess[] = [];
  let kills = 0;
  const kill = async (worker: CliProcess, signal: NodeJS.Signals) => {
    running.delete(worker);
    const i = ready.indexOf(worker);
    if (i >= 0) ready.splice(i, 1);
    if (signal === 'SIGKILL' && worker.child.exitCode === null) kills++;
    await worker.kill(signal);
  };
  return {
    async start() {
      const worker = spawnCli(['worker'], env);
      running.add(worker);
      try {
        await worker.waitForOutput(/is processing jobs from PostgreSQL/, 60_000);
        if (running.has(worker)) ready.push(worker);
      } catch (error) {
        // Killed while starting, at the end of the test: not a failure to start.
        if (running.has(worker)) throw error;
      }
    },
    async killOne(random) {
      await waitFor(() => ready.length > 0, { what: 'a worker taking jobs', timeoutMs: 60_000 });
      await kill(ready[Math.floor(random() * ready.length)]!, 'SIGKILL');
    },
    async killAll(signal) {
      await Promise.all([...running].map((worker) => kill(worker, signal)));
    },
    kills: () => kills,
  };
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** pg-boss jobs of the contact sync (and of its given-up queue) in `states`. */
async function countJobs(runtime: Runtime, ...states: string[]): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pgboss.job
    where name like ${`${CONTACT_SYNC_QUEUE}%`} and state::text = any(${states})`.execute(
    runtime.database.db,
  );
  return rows[0]!.n;
}

async function countSyncJobs(runtime: Runtime, ...statuses: string[]): Promise<number> {
  let query = runtime.database.db
    .selectFrom('sync_jobs')
    .select((eb) => eb.fn.countAll<string>().as('n'));
  if (statuses.length > 0) query = query.where('status', 'in', statuses);
  return Number((await query.executeTakeFirstOrThrow()).n);
}

/** Waits until no sync job is queued, running or retrying and pg-boss has nothing left to run. */
async function waitForDrain(runtime: Runtime, timeoutMs: number): Promise<void> {
  await waitFor(
    async () =>
      (await countSyncJobs(runtime, 'queued', 'running', 'retrying')) === 0 &&
      (await countJobs(runtime, 'created', 'retry', 'active')) === 0,
    { what: 'the sync to drain', timeoutMs: Math.max(timeoutMs, 1_000), intervalMs: 250 },
  ).catch(async (error: unknown) => {
    const { rows } = await sql<{ status: string; n: number }>`select status, count(*)::int as n
      from sync_jobs group by status`.execute(runtime.database.db);
    const left = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    throw new Error(`${(error as Error).message}; sync jobs ${JSON.stringify(left)}; ${seedNote}`, {
      cause: error,
    });
  });
}
