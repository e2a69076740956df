/**
 * A named lock shared by every process on one database: a lease in `named_locks` (holder and
 * expiry), taken by one conditional upsert, renewed while the work runs, given back after it.
 * Waiting holds no database connection, so any number of jobs may wait without starving the pool
 * the holder needs for its own work; a holder that dies frees the lock when its lease runs out.
 * Used as the client's OAuth `lock`, so only one process spends a single-use refresh token, and
 * around custom-field provisioning. Within a process, waiters for one name queue in memory, so
 * only one of them polls the database. PGlite is one process: the in-memory queue alone.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import type { DB } from './schema.js';

export type NamedLock = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/** How long a lease lasts unless renewed; a dead holder keeps others waiting at most this long. */
const LEASE_MS = 30_000;
const RENEW_EVERY_MS = 10_000;
const POLL_MS = { first: 10, most: 250 };

/**
 * @example
 * const lock = databaseLock(database);
 * const auth = oauth({ ..., lock: (refresh) => lock(`oauth:${locationId}`, refresh) });
 */
export function databaseLock(database: Database): NamedLock {
  // One in-process queue per database, however many times it is asked for.
  let local = processLocks.get(database);
  if (!local) processLocks.set(database, (local = processLock()));
  if (database.kind === 'pglite') return local;
  const inProcess = local;
  const { db } = database;
  return (name, work) => inProcess(name, () => leased(db, name, work));
}

async function leased<T>(db: Kysely<DB>, name: string, work: () => Promise<T>): Promise<T> {
  const holder = randomUUID();
  for (let wait = POLL_MS.first; !(await tryTake(db, name, holder));) {
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, POLL_MS.most);
  }
  const renewal = setInterval(() => {
    void sql`update named_locks set until = now() + ${`${LEASE_MS} milliseconds`}::interval
      where name = ${name} and holder = ${holder}`
      .execute(db)
      .catch(() => undefined);
  }, RENEW_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(renewal);
    await db
      .updateTable('named_locks')
      .set({ holder: null, until: null })
      .where('name', '=', name)
      .where('holder', '=', holder)
      .execute();
  }
}

/** Takes the lease when it is free or expired; true when `holder` has it. */
async function tryTake(db: Kysely<DB>, name: string, holder: string): Promise<boolean> {
  const until = sql<Date>`now() + ${`${LEASE_MS} milliseconds`}::interval`;
  const taken = await db
    .insertInto('named_locks')
    .values({ name, holder, until })
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({ holder, until })
        .where((eb) =>
          eb.or([
            eb('named_locks.holder', 'is', null),
            eb('named_locks.until', '<', sql<Date>`now()`),
          ]),
        ),
    )
    .returning('name')
    .executeTakeFirst();
  return taken !== undefined;
}

const processLocks = new WeakMap<Database, NamedLock>();

/**
 * The lock to pass to the client's `oauth({ lock })` for one Location's (or Company's) tokens.
 *
 * @example
 * const auth = oauth({ clientId, clientSecret, tokens, onTokens, loadTokens, lock: oauthRefreshLock(database, locationId) });
 */
export function oauthRefreshLock(database: Database, resourceId: string) {
  const lock = databaseLock(database);
  return <T>(refresh: () => Promise<T>): Promise<T> => lock(`oauth:${resourceId}`, refresh);
}

function processLock(): NamedLock {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const before = tails.get(name) ?? Promise.resolve();
    const run = before.then(work, work);
    const settled = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(name, settled);
    try {
      return await run;
    } finally {
      if (tails.get(name) === settled) tails.delete(name);
    }
  };
}
