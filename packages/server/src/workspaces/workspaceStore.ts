/** Workspaces in the database: create, read, list, delete, and find by API key hash. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB, WorkspacesTable } from '../db/schema.js';
import { newWorkspaceApiKey } from '../crypto/apiKeys.js';
import { newId } from '../ids.js';

export type WorkspaceRow = Selectable<WorkspacesTable>;

/**
 * Creates a workspace and its API key; the key is returned here once and stored only hashed.
 *
 * @example const { workspace, apiKey } = await createWorkspace(db, { name: 'Spa', features: ['bookings'] });
 */
export async function createWorkspace(
  db: Kysely<DB>,
  input: {
    name: string;
    features: string[];
    bookingSync?: BookingSyncNames;
    defaultCountry?: string | null;
  },
): Promise<{ workspace: WorkspaceRow; apiKey: string }> {
  const { apiKey, hash } = newWorkspaceApiKey();
  const workspace = await db
    .insertInto('workspaces')
    .values({
      id: newId('ws'),
      name: input.name,
      api_key_hash: hash,
      features: input.features,
      ...bookingSyncColumns(input.bookingSync),
      ...defaultCountryColumn(input.defaultCountry),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { workspace, apiKey };
}

/**
 * Gives the workspace a new API key: the old one stops working at once, and with it every
 * dashboard session opened with it. Undefined when there is no such workspace.
 *
 * @example const apiKey = await replaceWorkspaceApiKey(db, 'ws_1');
 */
export async function replaceWorkspaceApiKey(
  db: Kysely<DB>,
  id: string,
): Promise<string | undefined> {
  const { apiKey, hash } = newWorkspaceApiKey();
  const row = await db
    .updateTable('workspaces')
    .set({ api_key_hash: hash })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return row ? apiKey : undefined;
}

/**
 * A workspace's own prefixes for what the booking sync names in HighLevel; `null` goes back to
 * the server's default, a missing key leaves the value as it is.
 */
export interface BookingSyncNames {
  fieldPrefix?: string | null;
  tagPrefix?: string | null;
}

function bookingSyncColumns(names: BookingSyncNames = {}) {
  return {
    ...(names.fieldPrefix === undefined ? {} : { booking_field_prefix: names.fieldPrefix }),
    ...(names.tagPrefix === undefined ? {} : { booking_tag_prefix: names.tagPrefix }),
  };
}

/** The country phones without +country are read in; `null` goes back to the Location's. */
function defaultCountryColumn(country: string | null | undefined) {
  return country === undefined ? {} : { default_country: country };
}

/**
 * Renames a workspace or changes its booking-sync prefixes or default country; the row after, or
 * `undefined`.
 *
 * @example await updateWorkspace(db, 'ws_1', { bookingSync: { tagPrefix: 'gb/' } });
 */
export async function updateWorkspace(
  db: Kysely<DB>,
  id: string,
  change: { name?: string; bookingSync?: BookingSyncNames; defaultCountry?: string | null },
): Promise<WorkspaceRow | undefined> {
  const values = {
    ...(change.name === undefined ? {} : { name: change.name }),
    ...bookingSyncColumns(change.bookingSync),
    ...defaultCountryColumn(change.defaultCountry),
  };
  if (Object.keys(values).length === 0) return findWorkspace(db, id);
  return db
    .updateTable('workspaces')
    .set(values)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export function findWorkspace(db: Kysely<DB>, id: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The workspace a key hash opens, the whole row: the request it authenticates needs the workspace
 * next, and one query serves both.
 *
 * @example const workspace = await findWorkspaceByKeyHash(db, hashApiKey(token));
 */
export function findWorkspaceByKeyHash(
  db: Kysely<DB>,
  hash: string,
): Promise<WorkspaceRow | undefined> {
  return db
    .selectFrom('workspaces')
    .selectAll()
    .where('api_key_hash', '=', hash)
    .executeTakeFirst();
}

/** Workspaces in creation order, `limit` at a time, after the workspace `after`. */
export function listWorkspaces(
  db: Kysely<DB>,
  { limit, after }: { limit: number; after?: string },
): Promise<WorkspaceRow[]> {
  let query = db.selectFrom('workspaces').selectAll().orderBy('created_at').orderBy('id');
  if (after) {
    // Compared in SQL: timestamps there are finer than a JavaScript Date.
    query = query.where(
      sql<boolean>`(created_at, id) > (select w.created_at, w.id from workspaces w where w.id = ${after})`,
    );
  }
  return query.limit(limit).execute();
}

/** Deletes the workspace and, by cascade, its connection and credentials. */
export async function deleteWorkspace(db: Kysely<DB>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('workspaces').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** The workspace as the API shows it. */
export function workspaceView(row: WorkspaceRow) {
  return {
    id: row.id,
    name: row.name,
    features: row.features,
    createdAt: row.created_at.toISOString(),
    bookingSync: { fieldPrefix: row.booking_field_prefix, tagPrefix: row.booking_tag_prefix },
    defaultCountry: row.default_country,
  };
}
