/**
 * A named lock shared by every process on one database: a row lock (`SELECT … FOR UPDATE` on
 * `named_locks`) held for as long as `work` runs. Used as the client's OAuth `lock`, so only one
 * process spends a single-use refresh token. PGlite is one process with one connection, where a
 * waiting transaction would block the work itself; there an in-process lock does the same job.
 */
import { sql } from 'kysely';
import type { Database } from '../db/database.js';

export type NamedLock = <T>(name: string, work: () => Promise<T>) => Promise<T>;

/**
 * @example
 * const lock = databaseLock(database);
 * const auth = oauth({ ..., lock: (refresh) => lock(`oauth:${locationId}`, refresh) });
 */
export function databaseLock(database: Database): NamedLock {
  if (database.kind === 'pglite') {
    // One in-process lock per database, however many times it is asked for.
    let lock = processLocks.get(database);
    if (!lock) processLocks.set(database, (lock = processLock()));
    return lock;
  }
  const { db } = database;
  return (name, work) =>
    db.transaction().execute(async (trx) => {
      await trx
        .insertInto('named_locks')
        .values({ name })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      await sql`select name from named_locks where name = ${name} for update`.execute(trx);
      return work();
    });
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
