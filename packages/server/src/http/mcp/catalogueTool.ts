/**
 * Runs a catalogue action or trigger as an MCP tool: the one code path of `POST …/actions/:name`
 * (`runAction`: the input checked against the entry's schema, the Location filled in, the
 * workspace's client with its shared rate limit, retries and token refresh), its answer in the
 * words that route would use. A write is held under the call's key (mcp/core/callKey.ts), so a
 * retried call gets the first answer and HighLevel is asked once.
 */
import { runAction } from '../../actions/runAction.js';
import { callKey } from '../../mcp/core/callKey.js';
import type { McpTool } from '../../mcp/core/toolList.js';
import { actionAnswer } from '../actionAnswers.js';
import type { McpCall } from './mcpCall.js';
import { errorAnswer, toolResult, type ToolAnswer } from './toolAnswer.js';

/**
 * @example const answer = await runCatalogueTool(call, tool, { email: 'ada@example.com' });
 */
export async function runCatalogueTool(
  call: McpCall,
  tool: McpTool,
  args: Record<string, unknown>,
): Promise<ToolAnswer> {
  const { deps, workspaceId, client } = call;
  const write = tool.access !== 'read';
  const key = write ? callKey(client.id, tool.name, args, call.meta) : undefined;
  const outcome = await runAction(
    {
      db: deps.database.db,
      highLevel: deps.highLevel,
      log: call.log,
      onEvent: call.onEvent,
      ...(deps.clock ? { now: () => deps.clock!.now() } : {}),
    },
    {
      workspaceId,
      name: tool.name,
      input: args,
      triggers: true,
      ...(key ? { idempotencyKey: key.key, keyLifetimeMs: key.lifetimeMs } : {}),
      // A read stops when the agent goes away; a write already sent is seen through.
      ...(write || !call.signal ? {} : { signal: call.signal }),
    },
  );
  try {
    // What a refused key is called in the words: the client's own, else its arguments.
    const idempotencyKey = key ? (key.own ?? `${tool.name} with these arguments`) : undefined;
    const { result } = actionAnswer(outcome, { workspaceId, idempotencyKey });
    const replayed = outcome.kind === 'answered' && outcome.replayed;
    return { result: toolResult({ result }, false), outcome: 'ok', code: null, replayed };
  } catch (error) {
    return errorAnswer(error, call.log);
  }
}
