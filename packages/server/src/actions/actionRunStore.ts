/**
 * Actions run under an Idempotency-Key (table `action_runs`): a row claimed before HighLevel is
 * called, completed with its answer, or released when there is no answer to keep. Each claim
 * carries a random token, so only the request holding a row completes or releases it, and of
 * two requests taking over the same abandoned row only one succeeds.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { KEY_LIFETIME_MS, type KeyRecord } from './core/idempotency.js';
import { storedAnswerFromJson, type StoredAnswer } from './core/storedAnswer.js';

/** The workspace and key a row is stored under. */
export interface RunKey {
  workspaceId: string;
  key: string;
}

/** What a request asks under its key. */
export interface RunRequest {
  action: string;
  fingerprint: string;
  now: Date;
}

/** A key's row: the decision's part, the claim holding it, and the answer once done. */
export interface StoredRun extends KeyRecord {
  claim: string;
  answer: StoredAnswer | undefined;
}

/**
 * The key's row, or undefined.
 *
 * @example const run = await findRun(db, { workspaceId, key });
 */
export async function findRun(db: Kysely<DB>, at: RunKey): Promise<StoredRun | undefined> {
  const row = await db
    .selectFrom('action_runs')
    .select(['fingerprint', 'state', 'started_at', 'claim', 'answer'])
    .where('workspace_id', '=', at.workspaceId)
    .where('idempotency_key', '=', at.key)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    fingerprint: row.fingerprint,
    state: row.state,
    startedAt: new Date(row.started_at).getTime(),
    claim: row.claim,
    answer: row.answer === null ? undefined : storedAnswerFromJson(JSON.parse(row.answer)),
  };
}

/**
 * Takes the key for a new request: its claim token, or undefined when a row already holds the key.
 * The workspace's rows past their lifetime are deleted first, so an old key is free again.
 *
 * @example const claim = await claimKey(db, { workspaceId, key }, { action, fingerprint, now });
 */
export async function claimKey(
  db: Kysely<DB>,
  at: RunKey,
  request: RunRequest,
): Promise<string | undefined> {
  await db
    .deleteFrom('action_runs')
    .where('workspace_id', '=', at.workspaceId)
    .where('started_at', '<=', new Date(request.now.getTime() - KEY_LIFETIME_MS))
    .execute();
  const claim = randomUUID();
  const inserted = await db
    .insertInto('action_runs')
    .values({
      workspace_id: at.workspaceId,
      idempotency_key: at.key,
      action: request.action,
      fingerprint: request.fingerprint,
      claim,
      state: 'running',
      answer: null,
      started_at: request.now,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'idempotency_key']).doNothing())
    .returning('claim')
    .executeTakeFirst();
  return inserted?.claim;
}

/**
 * Takes over a row held by `previousClaim` (expired, or abandoned by a process that died): the
 * new claim, or undefined when another request took it first.
 *
 * @example const claim = await takeOverKey(db, { workspaceId, key }, run.claim, request);
 */
export async function takeOverKey(
  db: Kysely<DB>,
  at: RunKey,
  previousClaim: string,
  request: RunRequest,
): Promise<string | undefined> {
  const claim = randomUUID();
  const updated = await db
    .updateTable('action_runs')
    .set({
      action: request.action,
      fingerprint: request.fingerprint,
      claim,
      state: 'running',
      answer: null,
      started_at: request.now,
      finished_at: null,
    })
    .where('workspace_id', '=', at.workspaceId)
    .where('idempotency_key', '=', at.key)
    .where('claim', '=', previousClaim)
    .returning('claim')
    .executeTakeFirst();
  return updated?.claim;
}

/**
 * Stores the answer under the key, for every retry within its lifetime.
 *
 * @example await finishRun(db, { workspaceId, key }, claim, { kind: 'result', status: 201, result }, now);
 */
export async function finishRun(
  db: Kysely<DB>,
  at: RunKey,
  claim: string,
  answer: StoredAnswer,
  now: Date,
): Promise<void> {
  await db
    .updateTable('action_runs')
    .set({ state: 'done', answer: JSON.stringify(answer), finished_at: now })
    .where('workspace_id', '=', at.workspaceId)
    .where('idempotency_key', '=', at.key)
    .where('claim', '=', claim)
    .execute();
}

/**
 * Frees the key when there is no answer to keep (HighLevel not reached, the credentials refused):
 * a retry with it runs the action again.
 *
 * @example await releaseKey(db, { workspaceId, key }, claim);
 */
export async function releaseKey(db: Kysely<DB>, at: RunKey, claim: string): Promise<void> {
  await db
    .deleteFrom('action_runs')
    .where('workspace_id', '=', at.workspaceId)
    .where('idempotency_key', '=', at.key)
    .where('claim', '=', claim)
    .execute();
}
