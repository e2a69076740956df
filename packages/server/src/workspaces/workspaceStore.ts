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
  input: { name: string; features: string[] },
): Promise<{ workspace: WorkspaceRow; apiKey: string }> {
  const { apiKey, hash } = newWorkspaceApiKey();
  const workspace = await db
    .insertInto('workspaces')
    .values({ id: newId('ws'), name: input.name, api_key_hash: hash, features: input.features })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { workspace, apiKey };
}

export function findWorkspace(db: Kysely<DB>, id: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findWorkspaceIdByKeyHash(
  db: Kysely<DB>,
  hash: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('workspaces')
    .select('id')
    .where('api_key_hash', '=', hash)
    .executeTakeFirst();
  return row?.id;
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
  };
}
