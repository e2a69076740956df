/**
 * The audit trail of MCP tool calls (table `mcp_calls`): each call's client, tool, arguments
 * with secrets masked, the HighLevel requests it made and how it ended. Refused calls are
 * written too: an allowlist doing its job is worth seeing.
 */
import { sql, type Kysely } from 'kysely';
import { maskSecrets } from '../core/maskSecrets.js';
import type { DB } from '../db/schema.js';
import type { HighLevelRequest } from '../voice/callAudit.js';

/** How a call ended: answered, refused before HighLevel was asked, or failed. */
export type CallOutcome = 'ok' | 'refused' | 'error';

export interface McpCallRecord {
  workspaceId: string;
  clientId: string;
  tool: string;
  arguments: unknown;
  outcome: CallOutcome;
  /** The result's status or the refusal's code (`booked`, `not_in_allowlist` …); null for none. */
  code: string | null;
  /** Answered with the first answer of the same call. */
  replayed: boolean;
  requests: HighLevelRequest[];
  durationMs: number;
}

export interface McpCall extends Omit<McpCallRecord, 'workspaceId' | 'requests' | 'arguments'> {
  id: string;
  arguments: Record<string, unknown>;
  clientName: string;
  highLevelRequests: HighLevelRequest[];
  at: Date;
}

const parseJson = (value: unknown): unknown =>
  typeof value === 'string' ? (JSON.parse(value) as unknown) : value;

/** @example await recordMcpCall(db, { workspaceId, clientId, tool, arguments: args, outcome: 'ok', code: 'booked', replayed: false, requests, durationMs: 42 }); */
export async function recordMcpCall(db: Kysely<DB>, call: McpCallRecord): Promise<void> {
  await db
    .insertInto('mcp_calls')
    .values({
      workspace_id: call.workspaceId,
      client_id: call.clientId,
      tool: call.tool.slice(0, 200),
      arguments: JSON.stringify(maskSecrets(call.arguments) ?? {}),
      outcome: call.outcome,
      code: call.code,
      replayed: call.replayed,
      highlevel_requests: JSON.stringify(call.requests),
      duration_ms: Math.round(call.durationMs),
    })
    .execute();
}

/**
 * A page of a workspace's calls, newest first (of one client, with `clientId`); undefined when
 * `after` names no call of the workspace.
 *
 * @example const page = await listMcpCalls(db, ws, { limit: 50 });
 */
export async function listMcpCalls(
  db: Kysely<DB>,
  workspaceId: string,
  options: { clientId?: string; after?: string; limit: number },
): Promise<{ calls: McpCall[]; more: boolean } | undefined> {
  let query = db
    .selectFrom('mcp_calls')
    .innerJoin('mcp_clients', 'mcp_clients.id', 'mcp_calls.client_id')
    .select(sql<string>`mcp_calls.id::text`.as('id'))
    .select([
      'mcp_calls.client_id',
      'mcp_clients.name',
      'mcp_calls.tool',
      'mcp_calls.arguments',
      'mcp_calls.outcome',
      'mcp_calls.code',
      'mcp_calls.replayed',
      'mcp_calls.highlevel_requests',
      'mcp_calls.duration_ms',
      'mcp_calls.created_at',
    ])
    .where('mcp_calls.workspace_id', '=', workspaceId)
    .orderBy('mcp_calls.id', 'desc')
    .limit(options.limit + 1);
  if (options.clientId) query = query.where('mcp_calls.client_id', '=', options.clientId);
  if (options.after !== undefined) {
    if (!/^\d{1,18}$/.test(options.after)) return undefined;
    query = query.where(sql<boolean>`mcp_calls.id < ${Number(options.after)}`);
  }
  const rows = await query.execute();
  return {
    more: rows.length > options.limit,
    calls: rows.slice(0, options.limit).map((row) => ({
      id: row.id,
      clientId: row.client_id,
      clientName: row.name,
      tool: row.tool,
      arguments: parseJson(row.arguments) as Record<string, unknown>,
      outcome: row.outcome,
      code: row.code,
      replayed: row.replayed,
      highLevelRequests: parseJson(row.highlevel_requests) as HighLevelRequest[],
      durationMs: row.duration_ms,
      at: new Date(row.created_at),
    })),
  };
}
