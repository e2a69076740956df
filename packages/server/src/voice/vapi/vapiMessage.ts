/**
 * Vapi's server message, read leniently where Vapi's own documents disagree
 * (docs/vapi.md#requests): tool calls may come in `toolCallList` or `toolWithToolCallList` (often
 * both, with the same calls); `arguments` is a JSON string in the API schema but an object in the
 * docs' examples; some examples use a flat `{ id, name, parameters }`. A
 * `transfer-destination-request` asks where to transfer the call; every other message type is
 * acknowledged only.
 *
 * Sources: VapiAI/docs `fern/server-url/events.mdx`, `fern/tools/custom-tools.mdx`, and the API
 * schema types `ServerMessageToolCalls` and `ToolCall`.
 */
import { z } from 'zod';
import { unstorableTextIn, unstorableTextProblem } from '../../core/storableText.js';

/** One tool call to answer, in the order Vapi listed it. */
export type ToolCall =
  | { kind: 'call'; id: string; name: string; arguments: Record<string, unknown> }
  /** The call can still be answered (with an error) by its id, but its arguments can't be read. */
  | { kind: 'unreadable'; id: string; name: string; problem: string };

export type VapiMessage =
  | {
      kind: 'tool-calls';
      /** Vapi's call id: the scope of idempotency for re-issued tool calls. */
      callId?: string;
      /** The caller's number as Vapi gives it (not yet normalized). */
      callerNumber?: string;
      toolCalls: ToolCall[];
    }
  /**
   * The assistant's `transferCall` tool has no destination of its own: Vapi asks where to send
   * the call (docs/vapi.md#handoff-and-alerts).
   */
  | { kind: 'transfer-destination-request'; callId?: string; callerNumber?: string }
  | { kind: 'acknowledge'; type: string }
  | { kind: 'invalid'; error: string };

const text = z.string().trim().min(1);

const toolCallShape = z.looseObject({
  id: text.optional(),
  name: text.optional(),
  arguments: z.unknown().optional(),
  parameters: z.unknown().optional(),
  function: z
    .looseObject({
      name: text.optional(),
      arguments: z.unknown().optional(),
      parameters: z.unknown().optional(),
    })
    .optional(),
});

const customer = z.looseObject({ number: z.string().optional() }).optional().catch(undefined);

const messageShape = z.object({
  message: z.looseObject({
    type: text,
    call: z.looseObject({ id: z.string().optional(), customer }).optional().catch(undefined),
    customer,
    toolCallList: z.array(z.unknown()).optional(),
    toolWithToolCallList: z.array(z.unknown()).optional(),
  }),
});

type RawToolCall = z.output<typeof toolCallShape>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Arguments as an object, from a JSON string, an object, or nothing at all. */
function readArguments(value: unknown): Record<string, unknown> | string {
  if (value === undefined || value === null) return {};
  if (isPlainObject(value)) return value;
  if (typeof value !== 'string') return 'expected the arguments as a JSON object';
  if (value.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    return isPlainObject(parsed) ? parsed : 'expected the arguments as a JSON object';
  } catch {
    return 'the arguments are not valid JSON';
  }
}

/**
 * The id and name are echoed to Vapi and stored in the call's audit trail, so text the database
 * cannot store (a NUL, a lone surrogate) there makes the message unreadable; in the arguments it
 * makes only that call unreadable, and the arguments never reach a query.
 */
function toToolCall(raw: RawToolCall, where: string): ToolCall | string {
  const id = raw.id;
  const name = raw.function?.name ?? raw.name;
  if (!id) return `${where} has no id`;
  const idProblem = unstorableTextProblem(id) ?? (name && unstorableTextProblem(name));
  if (idProblem) return `${where}: its id or tool name ${idProblem}`;
  if (!name) return { kind: 'unreadable', id, name: '', problem: 'the tool call names no tool' };
  const args = readArguments(
    raw.function?.arguments ?? raw.function?.parameters ?? raw.arguments ?? raw.parameters,
  );
  if (typeof args === 'string') return { kind: 'unreadable', id, name, problem: args };
  const [textProblem] = unstorableTextIn(args);
  if (textProblem) {
    const field = textProblem.path.join('.') || 'the arguments';
    return { kind: 'unreadable', id, name, problem: `${field} ${textProblem.message}` };
  }
  return { kind: 'call', id, name, arguments: args };
}

/**
 * The tool calls of both lists, each id once, in order of first appearance. In
 * `toolWithToolCallList` the wrapper's `function.parameters` is the tool's JSON schema, not the
 * arguments, so only the inner `toolCall` is read (its name falls back to the wrapper's).
 */
function collectToolCalls(toolCallList: unknown[], wrapped: unknown[]): ToolCall[] | string {
  const raws: Array<[RawToolCall, string]> = [];
  for (const [index, item] of toolCallList.entries()) {
    const parsed = toolCallShape.safeParse(item);
    if (!parsed.success) return `toolCallList[${index}] is not a tool call object`;
    raws.push([parsed.data, `toolCallList[${index}]`]);
  }
  for (const [index, item] of wrapped.entries()) {
    const where = `toolWithToolCallList[${index}]`;
    const outer = isPlainObject(item) ? item : undefined;
    const parsed = toolCallShape.safeParse(outer?.toolCall);
    if (!parsed.success) return `${where}.toolCall is not a tool call object`;
    const outerName = toolCallShape.safeParse(outer?.function ?? {}).data?.name;
    const call = parsed.data;
    const name = call.function?.name ?? call.name ?? outerName;
    raws.push([{ ...call, function: { ...call.function, name } }, `${where}.toolCall`]);
  }
  const calls: ToolCall[] = [];
  const seen = new Set<string>();
  for (const [raw, where] of raws) {
    const call = toToolCall(raw, where);
    if (typeof call === 'string') return call;
    if (seen.has(call.id)) continue;
    seen.add(call.id);
    calls.push(call);
  }
  return calls;
}

/**
 * Reads the JSON body Vapi posted to the server URL. Never throws: malformed input is an
 * `invalid` value whose `error` says what was wrong (the route still answers HTTP 200, because
 * Vapi ignores the body of any other status).
 *
 * @example
 * const message = readVapiMessage(await c.req.json());
 * if (message.kind === 'tool-calls') for (const call of message.toolCalls) …
 */
export function readVapiMessage(body: unknown): VapiMessage {
  const parsed = messageShape.safeParse(body);
  if (!parsed.success) {
    return {
      kind: 'invalid',
      error: 'expected a Vapi server message: {"message":{"type":"tool-calls",…}}',
    };
  }
  const message = parsed.data.message;
  // The legacy `functions` API expects a different answer ({result}); acknowledging it silently
  // would leave the assistant without any result and hide the misconfiguration.
  if (message.type === 'function-call') {
    return {
      kind: 'invalid',
      error:
        'function-call messages (the legacy functions API) are not supported: define the tools as tools, which send tool-calls',
    };
  }
  if (message.type === 'transfer-destination-request') {
    const call = whoIsCalling(message);
    return typeof call === 'string'
      ? { kind: 'invalid', error: call }
      : { kind: message.type, ...call };
  }
  if (message.type !== 'tool-calls') return { kind: 'acknowledge', type: message.type };

  const toolCalls = collectToolCalls(
    message.toolCallList ?? [],
    message.toolWithToolCallList ?? [],
  );
  if (typeof toolCalls === 'string') return { kind: 'invalid', error: toolCalls };
  if (toolCalls.length === 0) {
    return { kind: 'invalid', error: 'the tool-calls message lists no tool calls' };
  }
  const call = whoIsCalling(message);
  if (typeof call === 'string') return { kind: 'invalid', error: call };
  return { kind: 'tool-calls', ...call, toolCalls };
}

/**
 * The call's id and the caller's number, which are stored (audit trail, handoffs): text the
 * database cannot store is a problem, in words.
 */
function whoIsCalling(
  message: z.output<typeof messageShape>['message'],
): { callId?: string; callerNumber?: string } | string {
  const callerNumber = message.call?.customer?.number?.trim() || message.customer?.number?.trim();
  const [callProblem] = unstorableTextIn({ callId: message.call?.id, callerNumber });
  if (callProblem) return `${callProblem.path.join('.')} ${callProblem.message}`;
  return {
    ...(message.call?.id ? { callId: message.call.id } : {}),
    ...(callerNumber ? { callerNumber } : {}),
  };
}
