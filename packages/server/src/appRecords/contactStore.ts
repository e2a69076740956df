/**
 * App contacts in the database (table `app_contacts`): the app's latest version of each, and what
 * the bridge last wrote of it to HighLevel. A job's end is written only for the version it
 * wrote: a newer version stored meanwhile stays `pending` for the job after it.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AppContactsTable, DB } from '../db/schema.js';
import type { DesiredContact } from './core/contactFields.js';
import type { RecordProblem } from './core/contactPhone.js';
import type { FieldWrites } from './core/fieldWrites.js';

export type AppContactRow = Selectable<AppContactsTable>;

type Db = Kysely<DB> | Transaction<DB>;

/**
 * The app contact `externalId` of the workspace; `lock`: held until `db`'s transaction ends.
 *
 * @example const row = await findAppContact(db, 'ws_1', 'cust_42');
 */
export function findAppContact(
  db: Db,
  workspaceId: string,
  externalId: string,
  { lock = false } = {},
): Promise<AppContactRow | undefined> {
  const query = db
    .selectFrom('app_contacts')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('external_id', '=', externalId);
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

/** A version of the contact as stored. */
export interface StoredContactVersion {
  version: number;
  updatedAt: Date;
  desired: DesiredContact;
  problems: RecordProblem[];
}

/**
 * Stores a version: a new row, or over the stored one (locked by the caller). Undefined when a
 * row was inserted meanwhile by another request (the caller reads it again).
 *
 * @example const row = await storeContactVersion(trx, 'ws_1', 'cust_42', version, stored);
 */
export function storeContactVersion(
  trx: Transaction<DB>,
  workspaceId: string,
  externalId: string,
  version: StoredContactVersion,
  stored: AppContactRow | undefined,
): Promise<AppContactRow | undefined> {
  const values = {
    version: version.version,
    app_updated_at: version.updatedAt,
    desired: JSON.stringify(version.desired),
    problems: JSON.stringify(version.problems),
    status: 'pending' as const,
    error: null,
  };
  if (stored) {
    return trx
      .updateTable('app_contacts')
      .set({ ...values, updated_at: new Date() })
      .where('workspace_id', '=', workspaceId)
      .where('external_id', '=', externalId)
      .returningAll()
      .executeTakeFirst();
  }
  return trx
    .insertInto('app_contacts')
    .values({ workspace_id: workspaceId, external_id: externalId, ...values })
    .onConflict((oc) => oc.columns(['workspace_id', 'external_id']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

/**
 * Notes the tags the bridge is about to apply as its own, before the call that applies them.
 *
 * @example await saveAppliedTags(db, row, ['gold', 'silver']);
 */
export async function saveAppliedTags(
  db: Db,
  row: Pick<AppContactRow, 'workspace_id' | 'external_id'>,
  tags: readonly string[],
): Promise<void> {
  await db
    .updateTable('app_contacts')
    .set({ applied_tags: JSON.stringify(tags), updated_at: new Date() })
    .where('workspace_id', '=', row.workspace_id)
    .where('external_id', '=', row.external_id)
    .execute();
}

/** What a job wrote of version `version`. */
export interface ContactWritten {
  version: number;
  locationId: string;
  contactId: string;
  appliedTags: readonly string[];
  /** The fields this job wrote: laid over the stored ones (HighLevel's edits of others stay). */
  fieldWrites: FieldWrites;
}

/**
 * Records the contact as written: `synced`, unless a newer version came meanwhile.
 *
 * @example await contactWritten(db, row, { version: 3, locationId, contactId, appliedTags, fieldWrites });
 */
export async function contactWritten(
  db: Db,
  row: Pick<AppContactRow, 'workspace_id' | 'external_id'>,
  written: ContactWritten,
): Promise<void> {
  const current = sql<boolean>`version = ${written.version}`;
  await db
    .updateTable('app_contacts')
    .set({
      location_id: written.locationId,
      contact_id: written.contactId,
      applied_tags: JSON.stringify(written.appliedTags),
      field_writes: sql`field_writes || ${JSON.stringify(written.fieldWrites)}::jsonb`,
      done_version: written.version,
      status: sql`case when ${current} then 'synced' else status end`,
      error: sql`case when ${current} then null else error end`,
      updated_at: new Date(),
    })
    .where('workspace_id', '=', row.workspace_id)
    .where('external_id', '=', row.external_id)
    .execute();
}

/**
 * Records that version `version` could not be written, with why; true when it is still the
 * current version (and now `failed`).
 *
 * @example if (await contactFailed(trx, row, 3, 'HighLevel refused …')) await tellFailure(trx);
 */
export async function contactFailed(
  db: Db,
  row: Pick<AppContactRow, 'workspace_id' | 'external_id'>,
  version: number,
  reason: string,
): Promise<boolean> {
  const result = await db
    .updateTable('app_contacts')
    .set({ done_version: version, status: 'failed', error: reason, updated_at: new Date() })
    .where('workspace_id', '=', row.workspace_id)
    .where('external_id', '=', row.external_id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/**
 * Lays HighLevel's edits (`highLevelEdits`) over the contact's stored field writes.
 *
 * @example await recordHighLevelEdits(trx, 'ws_1', 'c_1', { city: { value: 'Paris', at, by: 'highlevel' } });
 */
export async function recordHighLevelEdits(
  db: Db,
  workspaceId: string,
  contactId: string,
  writes: FieldWrites,
): Promise<void> {
  await db
    .updateTable('app_contacts')
    .set({ field_writes: sql`field_writes || ${JSON.stringify(writes)}::jsonb` })
    .where('workspace_id', '=', workspaceId)
    .where('contact_id', '=', contactId)
    .execute();
}
