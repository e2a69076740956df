/**
 * The states of HighLevel records the bridge has seen (table `highlevel_changes`), by a webhook
 * or by the reconciliation poll: written once each, so whichever sees a change first tells the
 * booking app and the other finds it here.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { knownStatesOf, type KnownStates } from './core/known.js';
import type { RecordKind, RecordState } from './core/recordState.js';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * What is known of the records `ids` of `kind` at the Location.
 *
 * @example const known = await knownStates(db, 'loc_1', 'appointment', ['apt_1', 'apt_2']);
 */
export async function knownStates(
  db: Db,
  locationId: string,
  kind: RecordKind,
  ids: readonly string[],
): Promise<KnownStates> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('highlevel_changes')
    .select(['record_id', 'fingerprint', 'state_rank'])
    .where('location_id', '=', locationId)
    .where('kind', '=', kind)
    .where('record_id', 'in', [...new Set(ids)])
    .execute();
  return knownStatesOf(rows);
}

/**
 * The tasks last seen open (or looked for and not found), with their contacts: those a complete
 * scan of the open tasks should still list.
 *
 * @example const open = await tasksKnownOpen(db, 'loc_1'); // [{ id: 't1', contactId: 'c1' }]
 */
export async function tasksKnownOpen(
  db: Db,
  locationId: string,
): Promise<{ id: string; contactId: string }[]> {
  const rows = await db
    .selectFrom('highlevel_changes as h')
    .select(['h.record_id', 'h.contact_id'])
    .where('h.location_id', '=', locationId)
    .where('h.kind', '=', 'task')
    .where('h.fingerprint', '=', 'open')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('highlevel_changes as x')
            .select('x.record_id')
            .whereRef('x.location_id', '=', 'h.location_id')
            .where('x.kind', '=', 'task')
            .whereRef('x.record_id', '=', 'h.record_id')
            .where('x.fingerprint', 'in', ['completed', 'deleted']),
        ),
      ),
    )
    .orderBy('h.record_id')
    .execute();
  return rows.map((row) => ({ id: row.record_id, contactId: row.contact_id ?? '' }));
}

/** Who saw a state, and whether the app is told of it. */
export interface Sighting {
  /** `bridge`: the bridge's own write, remembered so that it is not told back to the app. */
  seenBy: 'webhook' | 'reconciliation' | 'bridge';
  webhookId: string | null;
  contactId: string | undefined;
  told: boolean;
}

/**
 * Writes `state` unless it is already there or a newer state of its record is; true when it was
 * written (the state is news, to be told by the caller in the same transaction).
 *
 * @example if (await rememberState(trx, 'loc_1', state, sighting)) await tell(trx);
 */
export async function rememberState(
  db: Db,
  locationId: string,
  state: RecordState,
  sighting: Sighting,
): Promise<boolean> {
  const { rows } = await sql<{ record_id: string }>`
    insert into highlevel_changes
      (location_id, kind, record_id, fingerprint, state_rank, seen_by, webhook_id, contact_id, told)
    select ${locationId}::text, ${state.kind}::text, ${state.id}::text, ${state.fingerprint}::text,
      ${state.rank}::bigint, ${sighting.seenBy}::text, ${sighting.webhookId}::text,
      ${sighting.contactId ?? null}::text, ${sighting.told}::boolean
    where not exists (
      select 1 from highlevel_changes
      where location_id = ${locationId} and kind = ${state.kind} and record_id = ${state.id}
        and state_rank > ${state.rank}::bigint)
    on conflict do nothing
    returning record_id`.execute(db);
  return rows.length > 0;
}

/**
 * Forgets the Location's states seen before `before`, but not a task's only state, `open`: that
 * task is still open, and the poll must notice when it stops being.
 *
 * @example await forgetStatesBefore(db, 'loc_1', new Date(Date.now() - 30 * 86_400_000));
 */
export async function forgetStatesBefore(db: Db, locationId: string, before: Date): Promise<void> {
  await db
    .deleteFrom('highlevel_changes as h')
    .where('h.location_id', '=', locationId)
    .where('h.seen_at', '<', before)
    .where((eb) =>
      eb.not(
        eb.and([
          eb('h.kind', '=', 'task'),
          eb('h.fingerprint', '=', 'open'),
          eb.not(
            eb.exists(
              eb
                .selectFrom('highlevel_changes as x')
                .select('x.record_id')
                .whereRef('x.location_id', '=', 'h.location_id')
                .where('x.kind', '=', 'task')
                .whereRef('x.record_id', '=', 'h.record_id')
                .where('x.fingerprint', '<>', 'open'),
            ),
          ),
        ]),
      ),
    )
    .execute();
}
