/**
 * Runs a booking tool for an MCP client: the Vapi tools' code path (voice/runTool.ts), their
 * answer as structured content — the result objects of docs/vapi.md#tool-results, in the
 * caller's `language` or the workspace's. A booking's key is the call's (mcp/core/callKey.ts),
 * so a retried booking answers with the first appointment.
 */
import { callKey } from '../../mcp/core/callKey.js';
import { toolContextOf, openVoiceContext } from '../../voice/context.js';
import { failure, type ToolOutcome } from '../../voice/core/outcomes.js';
import { spokenResult } from '../../voice/core/spokenResult.js';
import { callerLocale, readToolArguments } from '../../voice/core/toolArgs.js';
import { runTool } from '../../voice/runTool.js';
import { loadVoiceSetup } from '../../voice/settingsStore.js';
import { notConfigured, notConnected } from '../middleware/voiceContext.js';
import type { McpCall } from './mcpCall.js';
import { errorAnswer, toolResult, type ToolAnswer } from './toolAnswer.js';

/** How each result status is written in the audit trail's `outcome`. */
const OUTCOME_OF = { error: 'error', needs_info: 'refused' } as const;

/**
 * @example const answer = await runVoiceTool(call, 'check_availability', { date: '2026-12-01' });
 */
export async function runVoiceTool(
  call: McpCall,
  name: string,
  args: Record<string, unknown>,
): Promise<ToolAnswer> {
  const { deps, workspaceId: ws } = call;
  const setup = await loadVoiceSetup(deps.database.db, deps.keyring, ws);
  const ctx = setup && openVoiceContext(deps, call.log, ws, setup, call.requests);
  if (!ctx) {
    const refusal = setup ? notConnected(ws) : notConfigured(ws);
    return errorAnswer(refusal, call.log);
  }
  const locale = callerLocale(args) ?? ctx.locale;
  const live = { ...ctx, locale, ...(call.signal ? { signal: call.signal } : {}) };
  let outcome: ToolOutcome;
  try {
    const read = readToolArguments(name, args, toolContextOf(ctx));
    if (!read) outcome = failure('unknown_tool');
    else if (!read.ok) outcome = read.result;
    else if (read.request.tool === 'transfer_to_human') outcome = failure('unknown_tool');
    else {
      const { key } = callKey(call.client.id, name, args, call.meta);
      const asked = `${name} ${JSON.stringify(args)}`;
      ({ outcome } = await runTool(live, read.request, { callId: key, asked }));
    }
  } catch (error) {
    call.log.warn({ err: error, tool: name }, 'MCP booking tool failed');
    outcome = failure('unavailable');
  }
  const result = spokenResult(outcome, ctx.now, locale);
  const status = result.status as string;
  return {
    result: toolResult({ ...result }, status === 'error'),
    outcome: OUTCOME_OF[status as keyof typeof OUTCOME_OF] ?? 'ok',
    code: status === 'error' && 'code' in result ? String(result.code) : status,
    replayed: false,
  };
}
