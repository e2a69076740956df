/**
 * The audit trail of voice calls: per tool call, what was asked, which HighLevel requests it
 * made (with HighLevel's traceIds) and what the caller was told.
 */
import type { ClientEvent } from '@ghl-bridge/client';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { ToolResult } from './core/results.js';

export interface HighLevelRequest {
  method: string;
  path: string;
  status?: number;
  code?: string;
  traceId?: string;
  durationMs: number;
}

/**
 * The request a client event describes, or `undefined` for events that are not one.
 *
 * @example hl = clients.forKey(key, locationId, (e) => { const r = requestOf(e); if (r) requests.push(r); });
 */
export function requestOf(event: ClientEvent): HighLevelRequest | undefined {
  if (event.type === 'response') {
    const { method, path, status, traceId, durationMs } = event;
    return { method, path, status, durationMs, ...(traceId ? { traceId } : {}) };
  }
  if (event.type === 'error') {
    const { method, path, status, code, traceId, durationMs } = event;
    return {
      method,
      path,
      code,
      durationMs,
      ...(status === undefined ? {} : { status }),
      ...(traceId ? { traceId } : {}),
    };
  }
  return undefined;
}

export interface ToolCallRecord {
  workspaceId: string;
  callId: string;
  toolCallId: string;
  tool: string;
  /** As the agent sent them, or `{ problem }` when they could not be read. */
  arguments: Record<string, unknown>;
  requests: HighLevelRequest[];
  outcome: ToolResult;
}

/** @example await recordToolCall(db, { workspaceId, callId, toolCallId, tool, arguments, requests, outcome }); */
export async function recordToolCall(db: Kysely<DB>, record: ToolCallRecord): Promise<void> {
  await db
    .insertInto('voice_call_events')
    .values({
      workspace_id: record.workspaceId,
      call_id: record.callId,
      tool_call_id: record.toolCallId,
      tool: record.tool,
      arguments: JSON.stringify(record.arguments),
      highlevel_requests: JSON.stringify(record.requests),
      outcome: JSON.stringify(record.outcome),
    })
    .execute();
}

const parseJson = (value: unknown): unknown =>
  typeof value === 'string' ? (JSON.parse(value) as unknown) : value;

/** How a call ended as far as its tools know: the last tool called and what it answered. */
export interface LastOutcome {
  tool: string;
  status: ToolResult['status'];
  /** The failure's code, when the status is `error`. */
  code?: string;
}

/**
 * The workspace's calls, newest first: id, tool calls answered, the tools used (each once, in
 * the order first used), the last outcome, first and last activity.
 *
 * @example const calls = await listCalls(db, workspaceId, 100);
 */
export async function listCalls(db: Kysely<DB>, workspaceId: string, limit: number) {
  const rows = await db
    .selectFrom('voice_call_events')
    .select((eb) => [
      'call_id',
      eb.fn.countAll<string | number>().as('tool_calls'),
      eb.fn.min('created_at').as('first_at'),
      eb.fn.max('created_at').as('last_at'),
      sql<unknown>`json_agg(tool ORDER BY id)`.as('tools'),
      sql<unknown>`(array_agg(outcome ORDER BY id DESC))[1]`.as('last_outcome'),
    ])
    .where('workspace_id', '=', workspaceId)
    .groupBy('call_id')
    .orderBy('last_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    const tools = parseJson(row.tools) as string[];
    const { status, code } = parseJson(row.last_outcome) as ToolResult & { code?: string };
    const lastOutcome: LastOutcome = {
      tool: tools.at(-1) ?? '',
      status,
      ...(code ? { code } : {}),
    };
    return {
      callId: row.call_id,
      toolCalls: Number(row.tool_calls),
      tools: [...new Set(tools)],
      lastOutcome,
      firstAt: new Date(row.first_at).toISOString(),
      lastAt: new Date(row.last_at).toISOString(),
    };
  });
}

/**
 * Every tool call of one call, in order, with its HighLevel requests and outcome.
 *
 * @example const toolCalls = await callEvents(db, workspaceId, 'call_1');
 */
export async function callEvents(db: Kysely<DB>, workspaceId: string, callId: string) {
  const rows = await db
    .selectFrom('voice_call_events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('call_id', '=', callId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    toolCallId: row.tool_call_id,
    tool: row.tool,
    arguments: parseJson(row.arguments) as Record<string, unknown>,
    highLevelRequests: parseJson(row.highlevel_requests) as HighLevelRequest[],
    outcome: parseJson(row.outcome) as ToolResult,
    at: new Date(row.created_at).toISOString(),
  }));
}
