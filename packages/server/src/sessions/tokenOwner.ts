/**
 * Who a secret belongs to: the admin token is the operator, a current workspace API key its
 * workspace. One rule for the bearer header and for the dashboard's sign-in.
 */
import type { Kysely } from 'kysely';
import { hashApiKey, looksLikeWorkspaceKey, sameSecret } from '../crypto/apiKeys.js';
import type { DB } from '../db/schema.js';
import { findWorkspaceByKeyHash, type WorkspaceRow } from '../workspaces/workspaceStore.js';

/** The operator, or one workspace (its row read with the key). */
export type TokenOwner = { kind: 'admin' } | { kind: 'workspace'; workspace: WorkspaceRow };

/**
 * @example const principal = await tokenOwner(db, config.adminToken, bearerToken);
 */
export async function tokenOwner(
  db: Kysely<DB>,
  adminToken: string | undefined,
  token: string,
): Promise<TokenOwner | undefined> {
  if (adminToken && sameSecret(token, adminToken)) return { kind: 'admin' };
  if (!looksLikeWorkspaceKey(token)) return undefined;
  const workspace = await findWorkspaceByKeyHash(db, hashApiKey(token));
  return workspace ? { kind: 'workspace', workspace } : undefined;
}
