/**
 * MCP clients (table `mcp_clients`): the tokens a workspace gives AI agents, each with what it may
 * use. The token is shown once, at creation; only its SHA-256 is kept, as for workspace API keys.
 */
import type { Kysely, Selectable } from 'kysely';
import { hashApiKey, newBearerToken } from '../crypto/apiKeys.js';
import type { DB } from '../db/schema.js';
import { newId } from '../ids.js';
import { clientProblems, type FieldProblem } from './core/clientRules.js';
import type { ClientPermissions } from './core/toolAccess.js';
import { MCP_TOOLS } from './core/toolList.js';

/** Every MCP client token starts so: a leaked one is recognised in a log or a repository. */
export const MCP_TOKEN_PREFIX = 'ghlm_';

/** A client as the API shows it; never its token. */
export interface McpClient extends ClientPermissions {
  id: string;
  workspaceId: string;
  name: string;
  tokenPreview: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** How often a client's `lastUsedAt` is written: a burst of calls writes it once. */
const LAST_USED_EVERY_MS = 60_000;

const COLUMNS = [
  'id',
  'workspace_id',
  'name',
  'token_preview',
  'access',
  'allow_destructive',
  'tools',
  'created_at',
  'last_used_at',
  'revoked_at',
] as const;

type Row = Pick<Selectable<DB['mcp_clients']>, (typeof COLUMNS)[number]>;

function clientOf(row: Row): McpClient {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    tokenPreview: row.token_preview,
    access: row.access,
    allowDestructive: row.allow_destructive,
    tools: row.tools === null ? null : (JSON.parse(row.tools) as string[]),
    createdAt: new Date(row.created_at),
    lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at),
    revokedAt: row.revoked_at === null ? null : new Date(row.revoked_at),
  };
}

/**
 * A new client and its token (the only time the token is known), or the field problems of its
 * permissions (mcp/core/clientRules.ts): the API and the command line create clients with it.
 *
 * @example const made = await createMcpClient(db, ws, { name: 'Claude', access: 'read-only', allowDestructive: false, tools: null });
 */
export async function createMcpClient(
  db: Kysely<DB>,
  workspaceId: string,
  input: ClientPermissions & { name: string },
): Promise<{ client: McpClient; token: string } | { problems: FieldProblem[] }> {
  const tools = input.tools ? [...new Set(input.tools)] : null;
  const problems = clientProblems({ ...input, tools }, MCP_TOOLS);
  if (problems.length > 0) return { problems };
  const { token, hash } = newBearerToken(MCP_TOKEN_PREFIX);
  const row = await db
    .insertInto('mcp_clients')
    .values({
      id: newId('mcpc'),
      workspace_id: workspaceId,
      name: input.name,
      token_hash: hash,
      token_preview: `${MCP_TOKEN_PREFIX}…${token.slice(-4)}`,
      access: input.access,
      allow_destructive: input.allowDestructive,
      tools: tools === null ? null : JSON.stringify(tools),
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return { client: clientOf(row), token };
}

/** @example const clients = await listMcpClients(db, ws); // newest first */
export async function listMcpClients(db: Kysely<DB>, workspaceId: string): Promise<McpClient[]> {
  const rows = await db
    .selectFrom('mcp_clients')
    .select(COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map(clientOf);
}

/** @example const client = await findMcpClient(db, ws, 'mcpc_…'); */
export async function findMcpClient(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
): Promise<McpClient | undefined> {
  const row = await db
    .selectFrom('mcp_clients')
    .select(COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? clientOf(row) : undefined;
}

/**
 * Revokes a client; revoking it again changes nothing. False when the workspace has no such
 * client.
 *
 * @example await revokeMcpClient(db, ws, 'mcpc_…', new Date());
 */
export async function revokeMcpClient(
  db: Kysely<DB>,
  workspaceId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const client = await findMcpClient(db, workspaceId, id);
  if (!client) return false;
  if (client.revokedAt) return true;
  await db
    .updateTable('mcp_clients')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
  return true;
}

/**
 * The client a token belongs to, revoked or not (the caller tells them apart), noting when it
 * was last used.
 *
 * @example const client = await clientByToken(db, bearer, new Date());
 */
export async function clientByToken(
  db: Kysely<DB>,
  token: string,
  now: Date,
): Promise<McpClient | undefined> {
  if (!token.startsWith(MCP_TOKEN_PREFIX)) return undefined;
  const row = await db
    .selectFrom('mcp_clients')
    .select(COLUMNS)
    .where('token_hash', '=', hashApiKey(token))
    .executeTakeFirst();
  if (!row) return undefined;
  const client = clientOf(row);
  const lastUsed = client.lastUsedAt?.getTime() ?? 0;
  if (!client.revokedAt && now.getTime() - lastUsed >= LAST_USED_EVERY_MS) {
    await db
      .updateTable('mcp_clients')
      .set({ last_used_at: now })
      .where('id', '=', client.id)
      .execute();
    client.lastUsedAt = now;
  }
  return client;
}
