/**
 * A tool's answer as MCP carries it: the structured result, the same JSON as text for clients
 * that read only text (https://modelcontextprotocol.io/specification/2025-11-25/server/tools#structured-content),
 * `isError` when the model should hear that it failed, plus what the audit trail records.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { CallOutcome } from '../../mcp/callStore.js';
import type { Logger } from '../../logger.js';
import { errorBody, HttpError } from '../httpError.js';

export interface ToolAnswer {
  result: CallToolResult;
  outcome: CallOutcome;
  /** The result's status or the error's code, for the audit trail. */
  code: string | null;
  replayed: boolean;
}

/**
 * @example toolResult({ status: 'booked', message: '…' }, false)
 */
export function toolResult(structured: Record<string, unknown>, isError: boolean): CallToolResult {
  return {
    content: [{ type: 'text', text: JSON.stringify(structured) }],
    structuredContent: structured,
    ...(isError ? { isError: true } : {}),
  };
}

/**
 * A refusal or failure as the error body every API answer has (`{error: {code, message,
 * details}}`), so an agent reads the same words a REST caller would. A 4xx is `refused` (the
 * request itself), anything else an `error`.
 *
 * @example return errorAnswer(new HttpError(409, 'not_connected', '…'), log);
 */
export function errorAnswer(error: unknown, log: Logger): ToolAnswer {
  if (error instanceof HttpError) {
    return {
      result: toolResult(errorBody(error.code, error.message, error.details), true),
      outcome: error.status < 500 ? 'refused' : 'error',
      code: error.code,
      replayed: false,
    };
  }
  log.error({ err: error }, 'MCP tool call failed');
  const body = errorBody(
    'internal_error',
    'The bridge failed to run this tool; the error is in its log. Try again later.',
  );
  return {
    result: toolResult(body, true),
    outcome: 'error',
    code: 'internal_error',
    replayed: false,
  };
}
