/**
 * Dashboard sessions in the database: created at sign-in, read on every cookie-authenticated
 * request, deleted at sign-out or when they expire. The token itself lives only in the browser's
 * HttpOnly cookie; the table holds its SHA-256 hash (32 random bytes: a fast hash is enough).
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { hashApiKey } from '../crypto/apiKeys.js';
import { findWorkspace } from '../workspaces/workspaceStore.js';
import type { TokenOwner } from './tokenOwner.js';

/** How long a sign-in lasts; then the dashboard asks for the token or key again. */
export const SESSION_HOURS = 12;

// Session tokens carry 256 random bits: the API keys' fast hash is enough for them too.
const hashToken = hashApiKey;

/**
 * A new session for `principal`, signed in with the secret whose hash is `credentialHash`.
 *
 * @example const { token, expiresAt } = await createSession(db, { kind: 'admin' }, hash, new Date());
 */
export async function createSession(
  db: Kysely<DB>,
  principal: TokenOwner,
  credentialHash: string,
  now: Date,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  // Signing in is rare: expired rows are cleared here rather than by a job of their own.
  await db.deleteFrom('dashboard_sessions').where('expires_at', '<=', now).execute();
  await db
    .insertInto('dashboard_sessions')
    .values({
      token_hash: hashToken(token),
      principal: principal.kind,
      workspace_id: principal.kind === 'workspace' ? principal.workspace.id : null,
      credential_hash: credentialHash,
      expires_at: expiresAt,
    })
    .execute();
  return { token, expiresAt };
}

/**
 * The session a cookie's token opens, with its workspace for a workspace session, or undefined
 * when there is none, it expired, or the secret it was opened with is no longer current.
 *
 * @example const session = await findSession(db, cookieToken, adminTokenHash, new Date());
 */
export async function findSession(
  db: Kysely<DB>,
  token: string,
  adminCredentialHash: string | undefined,
  now: Date,
): Promise<{ principal: TokenOwner; expiresAt: Date } | undefined> {
  const row = await db
    .selectFrom('dashboard_sessions')
    .select(['principal', 'workspace_id', 'credential_hash', 'expires_at'])
    .where('token_hash', '=', hashToken(token))
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  const expiresAt = new Date(row.expires_at);
  if (row.principal === 'admin') {
    return row.credential_hash === adminCredentialHash
      ? { principal: { kind: 'admin' }, expiresAt }
      : undefined;
  }
  const workspace = row.workspace_id ? await findWorkspace(db, row.workspace_id) : undefined;
  // A workspace whose key changed since sign-in: the old key's sessions end with it.
  if (!workspace || workspace.api_key_hash !== row.credential_hash) return undefined;
  return { principal: { kind: 'workspace', workspace }, expiresAt };
}

/** Ends the session `token` opened (signing out); nothing when there was none. */
export async function deleteSession(db: Kysely<DB>, token: string): Promise<void> {
  await db.deleteFrom('dashboard_sessions').where('token_hash', '=', hashToken(token)).execute();
}

/**
 * Ends every session `principal` may end ("sign out everywhere"): the admin's ends all of them,
 * admin and workspace alike; a workspace's ends that workspace's. Returns how many ended.
 *
 * @example const ended = await deleteSessionsOf(db, { kind: 'admin' });
 */
export async function deleteSessionsOf(db: Kysely<DB>, principal: TokenOwner): Promise<number> {
  let query = db.deleteFrom('dashboard_sessions');
  if (principal.kind === 'workspace') {
    query = query.where('workspace_id', '=', principal.workspace.id);
  }
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}
