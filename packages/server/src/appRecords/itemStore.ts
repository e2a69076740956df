/**
 * The notes and tasks under app contacts in the database (table `app_contact_items`). Every
 * accepted change (a new version, the delete) counts one `revision`; a job syncs the rows whose
 * revision is past `done_revision`, and writes its end only for the revision it wrote.
 */
import {
  sql,
  type ExpressionBuilder,
  type Kysely,
  type Selectable,
  type Transaction,
} from 'kysely';
import type { AppContactItemsTable, DB } from '../db/schema.js';
import type { DesiredNote, DesiredTask, ItemKind } from './core/items.js';

export type AppItemRow = Selectable<AppContactItemsTable>;

type Db = Kysely<DB> | Transaction<DB>;

/** Names one note or task: its contact's and its own app id. */
export interface ItemKey {
  workspaceId: string;
  contactExternalId: string;
  kind: ItemKind;
  externalId: string;
}

/** The condition that picks the row of `key`. */
function isItem(key: ItemKey) {
  return (eb: ExpressionBuilder<DB, 'app_contact_items'>) =>
    eb.and({
      workspace_id: key.workspaceId,
      contact_external_id: key.contactExternalId,
      kind: key.kind,
      external_id: key.externalId,
    });
}

/** The key of a stored row. */
export function keyOf(row: AppItemRow): ItemKey {
  return {
    workspaceId: row.workspace_id,
    contactExternalId: row.contact_external_id,
    kind: row.kind,
    externalId: row.external_id,
  };
}

/**
 * The note or task `key`; `lock`: held until `db`'s transaction ends.
 *
 * @example const row = await findItem(db, { workspaceId, contactExternalId, kind: 'note', externalId });
 */
export function findItem(db: Db, key: ItemKey, { lock = false } = {}) {
  const query = db.selectFrom('app_contact_items').selectAll().where(isItem(key));
  return (lock ? query.forUpdate() : query).executeTakeFirst();
}

/**
 * Every note and task of the contact, in the order the app first sent them.
 *
 * @example const items = await itemsOfContact(db, 'ws_1', 'cust_42');
 */
export function itemsOfContact(
  db: Db,
  workspaceId: string,
  contactExternalId: string,
): Promise<AppItemRow[]> {
  return db
    .selectFrom('app_contact_items')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('contact_external_id', '=', contactExternalId)
    .orderBy('created_at')
    .orderBy('external_id')
    .execute();
}

/** A version of a note or task. */
export interface ItemVersion {
  version: number;
  updatedAt: Date;
  desired: DesiredNote | DesiredTask;
}

/**
 * Stores a version over the row (locked by the caller), or as a new row; undefined when a row
 * was inserted meanwhile by another request.
 *
 * @example await storeItemVersion(trx, key, { version: 2, updatedAt, desired: { body } }, stored);
 */
export function storeItemVersion(
  trx: Transaction<DB>,
  key: ItemKey,
  version: ItemVersion,
  stored: AppItemRow | undefined,
): Promise<AppItemRow | undefined> {
  const values = {
    version: version.version,
    app_updated_at: version.updatedAt,
    desired: JSON.stringify(version.desired),
    status: 'pending' as const,
    error: null,
  };
  if (stored) {
    return trx
      .updateTable('app_contact_items')
      .set({ ...values, revision: sql`revision + 1`, updated_at: new Date() })
      .where(isItem(key))
      .returningAll()
      .executeTakeFirst();
  }
  return trx
    .insertInto('app_contact_items')
    .values({
      workspace_id: key.workspaceId,
      contact_external_id: key.contactExternalId,
      kind: key.kind,
      external_id: key.externalId,
      revision: 1,
      ...values,
    })
    .onConflict((oc) =>
      oc.columns(['workspace_id', 'contact_external_id', 'kind', 'external_id']).doNothing(),
    )
    .returningAll()
    .executeTakeFirst();
}

/**
 * Marks the note or task deleted by the app: one more revision, for the job to delete it.
 *
 * @example await storeItemDeleted(trx, key);
 */
export function storeItemDeleted(trx: Transaction<DB>, key: ItemKey) {
  return trx
    .updateTable('app_contact_items')
    .set({
      deleted: true,
      revision: sql`revision + 1`,
      status: 'pending',
      error: null,
      updated_at: new Date(),
    })
    .where(isItem(key))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/**
 * The contact's notes and tasks with a change HighLevel does not have yet, oldest first.
 *
 * @example for (const item of await pendingItems(db, 'ws_1', 'cust_42')) await write(item);
 */
export function pendingItems(
  db: Db,
  workspaceId: string,
  contactExternalId: string,
): Promise<AppItemRow[]> {
  return db
    .selectFrom('app_contact_items')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('contact_external_id', '=', contactExternalId)
    .whereRef('revision', '>', 'done_revision')
    .orderBy('created_at')
    .orderBy('external_id')
    .execute();
}

/**
 * The HighLevel ids the contact's other notes or tasks map to: never taken for this one.
 *
 * @example const taken = await idsTakenBesides(db, row);
 */
export async function idsTakenBesides(db: Db, row: AppItemRow): Promise<Set<string>> {
  const rows = await db
    .selectFrom('app_contact_items')
    .select('highlevel_id')
    .where('workspace_id', '=', row.workspace_id)
    .where('contact_external_id', '=', row.contact_external_id)
    .where('kind', '=', row.kind)
    .where('external_id', '<>', row.external_id)
    .where('highlevel_id', 'is not', null)
    .execute();
  return new Set(rows.map((r) => r.highlevel_id!));
}

/**
 * The create step's journal mark, with what it sends: written before the create call, so a retry
 * looks for what it may have made before making it again.
 *
 * @example await createStarted(db, row, { body: 'Prefers mornings' });
 */
export async function createStarted(
  db: Db,
  row: AppItemRow,
  sent: DesiredNote | DesiredTask,
): Promise<void> {
  await db
    .updateTable('app_contact_items')
    .set({ create_started_at: new Date(), written: JSON.stringify(sent), updated_at: new Date() })
    .where(isItem(keyOf(row)))
    .execute();
}

/**
 * Records revision `revision` as written: the HighLevel id (null once deleted there) and what it
 * holds; `synced` unless a newer change came meanwhile.
 *
 * @example await itemWritten(db, row, { revision: 2, highLevelId: 'n_1', written: { body } });
 */
export async function itemWritten(
  db: Db,
  row: AppItemRow,
  result: {
    revision: number;
    highLevelId: string | null;
    written: DesiredNote | DesiredTask | null;
  },
): Promise<void> {
  const current = sql<boolean>`revision = ${result.revision}`;
  await db
    .updateTable('app_contact_items')
    .set({
      highlevel_id: result.highLevelId,
      written: result.written ? JSON.stringify(result.written) : null,
      create_started_at: null,
      done_revision: result.revision,
      status: sql`case when ${current} then 'synced' else status end`,
      error: sql`case when ${current} then null else error end`,
      updated_at: new Date(),
    })
    .where(isItem(keyOf(row)))
    .execute();
}

/**
 * Records that revision `revision` could not be written; true when it is still the current one
 * (and now `failed`).
 *
 * @example if (await itemFailed(trx, row, 2, 'HighLevel refused …')) await tellFailure(trx);
 */
export async function itemFailed(
  db: Db,
  row: AppItemRow,
  revision: number,
  reason: string,
): Promise<boolean> {
  const result = await db
    .updateTable('app_contact_items')
    .set({ done_revision: revision, status: 'failed', error: reason, updated_at: new Date() })
    .where(isItem(keyOf(row)))
    .where('revision', '=', revision)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
