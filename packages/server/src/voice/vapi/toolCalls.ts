/**
 * Answers the tool calls of one Vapi `tool-calls` message, in order, each with one line of words
 * for its outcome (docs/vapi.md#answers), and records each answer in the call's audit trail.
 */
import type { ToolCall } from './vapiMessage.js';
import { failure, type ToolOutcome } from '../core/outcomes.js';
import { failed } from '../core/speech.js';
import { formatToolResult, spokenResult } from '../core/spokenResult.js';
import { callerLocale, readToolArguments } from '../core/toolArgs.js';
import { recordToolCall, type HighLevelRequest } from '../callAudit.js';
import { toolContextOf, type VoiceContext } from '../context.js';
import { callHandoffs, type CallHandoffs } from '../handoff/callHandoffs.js';
import { runTool } from '../runTool.js';

/**
 * The tool calls of one message that are run. An assistant asks for one or two at a time; a
 * message listing thousands would hold the request (and HighLevel) for minutes, so the rest are
 * answered `not_run` without being attempted.
 */
export const MAX_TOOL_CALLS_PER_MESSAGE = 10;

/** Vapi's shape: `error` instead of `result` for a failure the assistant should voice. */
export type VapiToolResult =
  { toolCallId: string; result: string } | { toolCallId: string; error: string };

export interface ToolCallsInput {
  callId?: string;
  callerNumber?: string;
  toolCalls: ToolCall[];
  /** The HighLevel requests of this message so far; cleared after each tool call is recorded. */
  requests: HighLevelRequest[];
}

async function outcomeOf(
  ctx: VoiceContext,
  call: ToolCall,
  input: ToolCallsInput,
  background: Promise<void>[],
  handoffs: CallHandoffs,
): Promise<ToolOutcome> {
  if (call.kind === 'unreadable') return failure('unreadable_arguments');
  const read = readToolArguments(call.name, call.arguments, toolContextOf(ctx, input.callerNumber));
  if (!read) return failure('unknown_tool');
  if (!read.ok) return read.result;
  const { request } = read;
  if (request.tool === 'transfer_to_human') return handoffs.askedFor(call, request.args.reason);
  const run = await runTool(ctx, request, {
    callId: input.callId ?? `tool-call:${call.id}`,
    ...(input.callerNumber ? { callerNumber: input.callerNumber } : {}),
    asked: `${call.name} ${JSON.stringify(call.arguments)}`,
  });
  background.push(run.background);
  if (request.tool !== 'book_appointment') return run.outcome;
  return handoffs.afterBooking(call, run.outcome, { ...run, name: request.args.name });
}

/**
 * The locale a tool call is answered in: the caller's when the assistant passes one answers can
 * be said in (`language` or `locale`), else the workspace's.
 */
function localeOf(ctx: VoiceContext, call: ToolCall): string {
  if (call.kind !== 'call') return ctx.locale;
  return callerLocale(call.arguments) ?? ctx.locale;
}

/**
 * The `results` array for Vapi, in the order of the calls, plus the background work (notes,
 * tags, handoff alerts) still running. Every call gets a result, so each id Vapi sent is
 * answered; calls past {@link MAX_TOOL_CALLS_PER_MESSAGE}, and those not yet started when
 * `ctx.signal` aborts (Vapi gave up on the request), are answered `not_run` and neither attempted
 * nor recorded. A handoff (the caller asks, a booking can't be confirmed, the call's failures
 * reach `handoff.afterFailures`) is answered `transfer` (voice/handoff/callHandoffs.ts).
 *
 * @example const { results } = await answerToolCalls(ctx, { callId, callerNumber, toolCalls, requests });
 */
export async function answerToolCalls(
  ctx: VoiceContext,
  input: ToolCallsInput,
): Promise<{ results: VapiToolResult[]; background: Promise<void> }> {
  const results: VapiToolResult[] = [];
  const background: Promise<void>[] = [];
  const handoffs = callHandoffs(ctx, input, background);
  for (const [index, call] of input.toolCalls.entries()) {
    if (index >= MAX_TOOL_CALLS_PER_MESSAGE || ctx.signal?.aborted) {
      const notRun = failed('not_run', localeOf(ctx, call));
      results.push({ toolCallId: call.id, error: formatToolResult(notRun) });
      continue;
    }
    const callCtx: VoiceContext = { ...ctx, locale: localeOf(ctx, call) };
    let outcome: ToolOutcome;
    try {
      outcome = await outcomeOf(callCtx, call, input, background, handoffs);
    } catch (error) {
      ctx.log.warn({ err: error, tool: call.name }, 'voice tool call failed');
      outcome = failure('unavailable');
    }
    outcome = await handoffs.afterAnswer(call, outcome);
    const result = spokenResult(outcome, ctx.now, callCtx.locale);
    const line = formatToolResult(result);
    results.push(
      result.status === 'error'
        ? { toolCallId: call.id, error: line }
        : { toolCallId: call.id, result: line },
    );
    const requests = input.requests.splice(0);
    // Recorded after the answer: the caller never waits on the audit trail.
    const audit = recordToolCall(ctx.db, {
      workspaceId: ctx.workspaceId,
      callId: input.callId ?? '',
      toolCallId: call.id,
      tool: call.name,
      arguments: call.kind === 'call' ? call.arguments : { problem: call.problem },
      requests,
      outcome: result,
    }).catch((error: unknown) => ctx.log.warn({ err: error }, 'voice audit record failed'));
    background.push(audit);
  }
  return { results, background: Promise.all(background).then(() => undefined) };
}

/**
 * The `error` Vapi gets for a message it can't read (Vapi's own words for what is wrong).
 *
 * @example c.json({ results: [], error: unreadableMessage(message.error) }, 200);
 */
export function unreadableMessage(problem: string): string {
  return formatToolResult({ ...failed('unreadable_arguments'), message: problem });
}

/**
 * Every tool call answered `unavailable`: the workspace has no usable HighLevel connection.
 *
 * @example c.json({ results: unavailableResults(message.toolCalls) }, 200);
 */
export function unavailableResults(toolCalls: readonly ToolCall[]): VapiToolResult[] {
  const error = formatToolResult(failed('unavailable'));
  return toolCalls.map((call) => ({ toolCallId: call.id, error }));
}
