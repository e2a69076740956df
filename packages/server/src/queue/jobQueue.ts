/**
 * The job queue: pg-boss on the same database as the data, behind a small facade. `enqueue` runs
 * inside the caller's transaction, so a job exists exactly when the data it belongs to was
 * committed. Work is at-least-once: handlers are idempotent.
 *
 * Settings follow measured caveats (docs/architecture.md#measured-caveats): per-key serialization
 * with `policy: 'singleton'` + `singletonKey` (not `groupConcurrency`), batches larger than one
 * with `burstWhenBatchFull`, and a heartbeat so the jobs of a crashed worker come back in seconds.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  PgBoss,
  fromKysely,
  type ConstructorOptions,
  type Job,
  type JobResult,
  type JobWithMetadata,
} from 'pg-boss';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/database.js';
import { PreparingClient } from '../db/preparedStatements.js';
import type { DB } from '../db/schema.js';
import type { Write } from '../db/writeTogether.js';

export interface QueueDefinition {
  /**
   * `singleton`: one active job per `singletonKey` at a time, across every worker. `stately`:
   * besides, at most one waiting; `enqueueIfRoom` answers whether a job was added.
   */
  policy: 'standard' | 'singleton' | 'stately';
  /** Attempts after the first before a job is marked failed. Default 5. */
  retryLimit?: number;
  /** A job still active this long without finishing is retried. Default 60 s. */
  expireInSeconds?: number;
  /** Without a heartbeat for this long (>= 10), a job is taken as lost and retried. Default 10. */
  heartbeatSeconds?: number;
  /** Seconds before the first retry, doubling after. Default 1. */
  retryDelaySeconds?: number;
  /**
   * Hand every job pg-boss gives up on to the handler's `givenUp`: retries used up, including
   * attempts lost with a crashed worker (no heartbeat) or past `expireInSeconds`, which never
   * return to the handler. pg-boss moves such a job to the queue `<name>/given-up`
   * (`givenUpQueue`); a queue with this set needs a handler with `givenUp`.
   */
  reportGivenUp?: boolean;
}

/** Jobs by state: `queued` ready to run (new or awaiting retry), `deferred` not before a later time. */
export type JobStateCounts = Record<'queued' | 'active' | 'deferred' | 'failed', number>;

export interface QueuedJob<T> {
  id: string;
  data: T;
  /** 0 on the first attempt. */
  retryCount: number;
  /**
   * This run's entry in the `job_runs` ledger, not written yet, for a handler that ends with a
   * write of its own to make in the same statement (one round trip fewer per job). Once taken,
   * the handler must write it; otherwise the queue writes it when the handler returns.
   */
  takeRunRecord?: () => Write;
}

/** A job pg-boss gave up on (see `QueueDefinition.reportGivenUp`). */
export interface GivenUpJob<T> {
  /** The id of the job that was given up on. */
  id: string;
  data: T;
  /** Attempts it had, the first included. */
  attempts: number;
  /** The last attempt's error, when its handler threw one (not when the worker died). */
  lastError: string | undefined;
}

export type JobHandler<T> = ((job: QueuedJob<T>) => Promise<void>) & {
  /** Told about each job of a `reportGivenUp` queue that pg-boss gave up on; at least once. */
  givenUp?: (job: GivenUpJob<T>) => Promise<void>;
};

export interface WorkOptions {
  /** Jobs fetched per poll, run one after another (by each of `concurrency`). Default 5. */
  batchSize?: number;
  /**
   * Seconds each poller waits after a fetch that did not fill its batch. Default 0.5 s times
   * `concurrency`, at most 2 s: the pollers start spread over it, so the process still looks for
   * new work every 0.5 s or more often, while each idle poller fetches every 2 s at most instead
   * of every 0.5 s (a fetch of a singleton queue costs PostgreSQL about a millisecond,
   * bench/scale.bench.ts).
   */
  pollingIntervalSeconds?: number;
  /**
   * Independent pollers of the queue in this process, each running its batch: that many jobs at
   * once, so jobs waiting on HighLevel (or on a Location's rate limit) hold up only their own
   * batch. Default 1.
   */
  concurrency?: number;
}

/** What happened to a job, for metrics and logs. */
export type JobEvent =
  | { type: 'completed'; queue: string; jobId: string; durationMs: number }
  | { type: 'failed'; queue: string; jobId: string; durationMs: number; error: unknown };

export interface JobQueueOptions {
  database: Database;
  queues: Record<string, QueueDefinition>;
  /** Names this process in the `job_runs` ledger. Default `<host>:<pid>`. */
  workerName?: string;
  onJobEvent?: (event: JobEvent) => void;
  onError?: (error: unknown) => void;
}

export interface JobQueue {
  /** Installs pg-boss's schema when missing and creates the queues. */
  start(): Promise<void>;
  /**
   * Adds a job inside `trx`: committed with it, or not at all.
   *
   * @example
   * await db.transaction().execute(async (trx) => {
   *   await trx.insertInto('workspaces').values(row).execute();
   *   await queue.enqueue(trx, 'connection-check', { workspaceId: row.id });
   * });
   */
  enqueue<T extends object>(
    trx: Transaction<DB> | Kysely<DB>,
    queue: string,
    data: T,
    options?: {
      singletonKey?: string;
      /**
       * The job's id, chosen by the caller (a UUID, `newQueueJobId()`), so that a row naming the
       * job can be written before it, in the same statement as the rest of that row.
       */
      id?: string;
      /** Not before this time (a retry on a schedule of the caller's own). Default now. */
      startAfter?: Date;
    },
  ): Promise<string>;
  /**
   * Enqueues into a `stately` queue unless a job of `singletonKey` is waiting already; the job's
   * id, or undefined when there was no room.
   */
  enqueueIfRoom<T extends object>(
    trx: Transaction<DB> | Kysely<DB>,
    queue: string,
    data: T,
    options: { singletonKey: string },
  ): Promise<string | undefined>;
  /** Runs `handler` for every job of `queue` in this process. */
  work<T>(queue: string, handler: JobHandler<T>, options?: WorkOptions): Promise<void>;
  /** Jobs per state, per queue. */
  counts(): Promise<Record<string, JobStateCounts>>;
  /** Stops fetching, waits up to `timeoutMs` for jobs in hand, then stops. */
  stop(timeoutMs?: number): Promise<void>;
}

/** How often pg-boss looks for expired and heartbeat-less jobs. */
const SUPERVISE_SECONDS = 2;
/** How often a process looks for new work on an idle queue, however many pollers it runs. */
const IDLE_POLL_SECONDS = 0.5;
/** The longest a poller waits after a short fetch: work that turns up then waits no longer. */
const MAX_IDLE_POLL_SECONDS = 2;

/**
 * A new id for a queue job (pg-boss's ids are UUIDs), to pass as `enqueue`'s `id`.
 *
 * @example const queueJobId = newQueueJobId();
 */
export function newQueueJobId(): string {
  return randomUUID();
}

/**
 * Where pg-boss moves the jobs of `queue` it gave up on.
 *
 * @example givenUpQueue('contact-sync') // 'contact-sync/given-up'
 */
export function givenUpQueue(queue: string): string {
  return `${queue}/given-up`;
}

/**
 * The queue facade over pg-boss.
 *
 * @example
 * const queue = createJobQueue({ database, queues: { 'connection-check': { policy: 'standard' } } });
 * await queue.start();
 * await queue.work('connection-check', async (job) => check(job.data));
 */
export function createJobQueue(options: JobQueueOptions): JobQueue {
  const { database, queues } = options;
  const workerName = options.workerName ?? `${hostname()}:${process.pid}`;
  const emit = options.onJobEvent ?? (() => undefined);
  const connection: ConstructorOptions =
    database.boss.kind === 'pglite'
      ? { db: database.boss.db, backend: 'pglite' }
      : // pg-boss hands its options to its `pg.Pool`: `Client` prepares its statements once per
        // connection (db/preparedStatements.ts), as for ghl-bridge's own.
        ({
          connectionString: database.boss.connectionString,
          max: 4,
          Client: PreparingClient,
        } as ConstructorOptions);
  const boss = new PgBoss({
    ...connection,
    schedule: false,
    superviseIntervalSeconds: SUPERVISE_SECONDS,
    monitorIntervalSeconds: SUPERVISE_SECONDS,
    registerInstance: false,
    openTelemetry: { enabled: false },
  });
  boss.on('error', (error) => options.onError?.(error));

  /** Pollers still to start (see `work`). */
  const starting = new Set<NodeJS.Timeout>();

  const known = (queue: string) => {
    if (!queues[queue]) throw new Error(`Unknown queue "${queue}"`);
  };

  /** This run of `jobId` in the `job_runs` ledger. */
  function runRecord(jobId: string, queue: string): Write {
    return database.db
      .insertInto('job_runs')
      .values({ job_id: jobId, queue, worker: workerName })
      .onConflict((oc) =>
        oc.column('job_id').doUpdateSet((eb) => ({
          runs: eb('job_runs.runs', '+', 1),
          worker: workerName,
        })),
      );
  }

  async function runOne<T>(queue: string, handler: JobHandler<T>, job: Job<T>): Promise<JobResult> {
    const started = Date.now();
    let taken = false;
    try {
      await handler({
        id: job.id,
        data: job.data,
        retryCount: jobRetryCount(job),
        takeRunRecord: () => {
          taken = true;
          return runRecord(job.id, queue);
        },
      });
      if (!taken) await runRecord(job.id, queue).execute();
      emit({ type: 'completed', queue, jobId: job.id, durationMs: Date.now() - started });
      return { id: job.id, status: 'completed' };
    } catch (error) {
      emit({ type: 'failed', queue, jobId: job.id, durationMs: Date.now() - started, error });
      return {
        id: job.id,
        status: 'failed',
        output: { message: error instanceof Error ? error.message : String(error) },
      };
    }
  }

  async function ensureQueue(name: string, def: QueueDefinition): Promise<void> {
    const settings = {
      policy: def.policy,
      retryLimit: def.retryLimit ?? 5,
      retryDelay: def.retryDelaySeconds ?? 1,
      retryBackoff: true,
      retryDelayMax: 300,
      expireInSeconds: def.expireInSeconds ?? 60,
      heartbeatSeconds: def.heartbeatSeconds ?? 10,
      deadLetter: def.reportGivenUp ? givenUpQueue(name) : null,
    };
    // createQueue also fills pg-boss's queue cache, so a later enqueue inside one of our
    // transactions never needs a second connection (PGlite has only one).
    if (await boss.getQueue(name)) {
      const {
        policy: _policy,
        heartbeatSeconds: _hb,
        retryDelayMax: _max,
        ...updatable
      } = settings;
      await boss.updateQueue(name, updatable);
    } else {
      const { deadLetter, ...created } = settings;
      await boss
        .createQueue(name, deadLetter ? { ...created, deadLetter } : created)
        .catch(ignoreExists);
    }
    await boss.getQueue(name);
  }

  return {
    async start() {
      await boss.start();
      for (const [name, def] of Object.entries(queues)) {
        // The given-up queue first: pg-boss refers to it from the queue's row.
        if (def.reportGivenUp) await ensureQueue(givenUpQueue(name), { policy: 'standard' });
        await ensureQueue(name, def);
      }
    },

    async enqueue(trx, queue, data, opts = {}) {
      known(queue);
      const id = await boss.send(queue, data, {
        db: fromKysely(trx),
        ...(opts.singletonKey ? { singletonKey: opts.singletonKey } : {}),
        ...(opts.id ? { id: opts.id } : {}),
        ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
      });
      if (!id) throw new Error(`The queue "${queue}" did not accept the job`);
      return id;
    },

    async enqueueIfRoom(trx, queue, data, opts) {
      known(queue);
      if (queues[queue]!.policy !== 'stately') {
        throw new Error(`The queue "${queue}" is not stately: enqueue always has room`);
      }
      const id = await boss.send(queue, data, {
        db: fromKysely(trx),
        singletonKey: opts.singletonKey,
      });
      return id ?? undefined;
    },

    async work<T>(queue: string, handler: JobHandler<T>, opts: WorkOptions = {}) {
      known(queue);
      if (queues[queue]!.reportGivenUp) {
        const { givenUp } = handler;
        if (!givenUp)
          throw new Error(`The queue "${queue}" reports given-up jobs: give its handler a givenUp`);
        await boss.work(
          givenUpQueue(queue),
          // With metadata: the original job's id, retries and last output (`source*`).
          { batchSize: 5, pollingIntervalSeconds: 1, includeMetadata: true },
          async (jobs: JobWithMetadata<T>[]) => {
            for (const job of jobs) await givenUp(givenUpJob(job));
          },
        );
      }
      const concurrency = opts.concurrency ?? 1;
      const intervalSeconds =
        opts.pollingIntervalSeconds ??
        Math.min(MAX_IDLE_POLL_SECONDS, IDLE_POLL_SECONDS * concurrency);
      const workOptions = {
        batchSize: opts.batchSize ?? 5,
        pollingIntervalSeconds: intervalSeconds,
        burstWhenBatchFull: true,
        perJobResults: true,
      } as const;
      const run = async (jobs: Job<T>[]) => {
        const results: JobResult[] = [];
        for (const job of jobs) {
          // An embedded database answers on promises alone: without a turn of the event loop
          // between jobs, a busy queue would keep HTTP requests and timers waiting.
          await new Promise((resolve) => setImmediate(resolve));
          results.push(await runOne(queue, handler, job));
        }
        return results;
      };
      // One poller now (a failure to start is the caller's to hear), the others spread over the
      // polling interval: pg-boss's own `localConcurrency` starts them together, and pollers in
      // step leave new work waiting a whole interval.
      await boss.work<T>(queue, workOptions, run);
      for (let i = 1; i < concurrency; i++) {
        const timer = setTimeout(
          () => {
            starting.delete(timer);
            boss
              .work<T>(queue, workOptions, run)
              .catch((error: unknown) => options.onError?.(error));
          },
          (intervalSeconds * 1000 * i) / concurrency,
        );
        starting.add(timer);
      }
    },

    async counts() {
      // Read from the job table itself: pg-boss's own queue counts are a cache refreshed by its
      // monitor, which can show an empty queue while jobs are still in hand.
      const rows = await sql<{ name: string; state: string; n: number; later: number }>`
        select name, state::text as state, count(*)::int as n,
          count(*) filter (where start_after > now())::int as later
        from pgboss.job
        where name = any(${Object.keys(queues)}) and state in ('created', 'retry', 'active', 'failed')
        group by name, state`.execute(database.db);
      const result: Record<string, JobStateCounts> = {};
      for (const name of Object.keys(queues)) {
        result[name] = { queued: 0, active: 0, deferred: 0, failed: 0 };
      }
      for (const row of rows.rows) {
        const counts = result[row.name]!;
        if (row.state === 'active') counts.active += row.n;
        else if (row.state === 'failed') counts.failed += row.n;
        else {
          counts.deferred += row.later;
          counts.queued += row.n - row.later;
        }
      }
      return result;
    },

    async stop(timeoutMs = 10_000) {
      for (const timer of starting) clearTimeout(timer);
      starting.clear();
      await boss.stop({ graceful: true, timeout: timeoutMs });
    },
  };
}

/** pg-boss's copy of a given-up job names the original, its retries and its last output. */
function givenUpJob<T>(job: JobWithMetadata<T>): GivenUpJob<T> {
  const output = job.sourceOutput as { message?: unknown; value?: { message?: unknown } } | null;
  // Our handlers' failures carry `{message}`; pg-boss's own (heartbeat, timeout) `{value:{message}}`.
  const message = output?.message ?? output?.value?.message;
  return {
    id: job.sourceId ?? job.id,
    data: job.data,
    attempts: (job.sourceRetryCount ?? 0) + 1,
    lastError: typeof message === 'string' ? message : undefined,
  };
}

function jobRetryCount(job: Job<unknown>): number {
  const value = (job as { retryCount?: unknown }).retryCount;
  return typeof value === 'number' ? value : 0;
}

function ignoreExists(error: unknown): void {
  if (!/already exists/i.test(error instanceof Error ? error.message : String(error))) throw error;
}
