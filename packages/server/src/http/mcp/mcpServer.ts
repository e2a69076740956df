/**
 * The MCP server one request talks to: built per request for the client whose token it carries
 * (the Streamable HTTP transport runs stateless, so any process answers any request). It lists
 * the tools the client may use and runs them, writing every tools/call in the audit trail, a
 * refused one too. https://modelcontextprotocol.io/specification/2025-11-25/server/tools
 */
import type { ClientEvent } from '@ghl-bridge/client';
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type Tool,
} from '@modelcontextprotocol/sdk/types.js';
import type { Logger } from '../../logger.js';
import { recordMcpCall, type McpCallRecord } from '../../mcp/callStore.js';
import type { McpClient } from '../../mcp/clientStore.js';
import { refusalFor, refusalMessage } from '../../mcp/core/toolAccess.js';
import { MCP_TOOLS, type McpTool } from '../../mcp/core/toolList.js';
import { requestOf, type HighLevelRequest } from '../../voice/callAudit.js';
import { hasVoiceSettings } from '../../voice/settingsStore.js';
import { API_DOCUMENT_INFO } from '../apiDocumentInfo.js';
import type { AppDeps } from '../deps.js';
import { runCatalogueTool } from './catalogueTool.js';
import type { McpCall } from './mcpCall.js';
import { runVoiceTool } from './voiceTool.js';
import { errorAnswer, type ToolAnswer } from './toolAnswer.js';

/**
 * The SDK's JSON Schema validator (it checks elicitation answers, which this server never asks
 * for), made once: a `Server` makes an Ajv instance of its own otherwise, per request here.
 */
const VALIDATOR = new AjvJsonSchemaValidator();

/** Every tool there is, described once per process. */
const TOOLS = MCP_TOOLS;
const TOOL_BY_NAME = new Map(TOOLS.map((tool) => [tool.name, tool]));

const INSTRUCTIONS =
  "Tools act on one HighLevel sub-account (Location) through ghl-bridge. The booking tools (check_availability, book_appointment, …) answer with a status and a message to relay; the other tools are HighLevel operations and answer with HighLevel's JSON. Write dates as YYYY-MM-DD. A write called again with the same arguments within 10 minutes returns its first answer; pass _meta.idempotencyKey to choose the key yourself.";

/** Who the request is from. */
export interface McpCaller {
  workspaceId: string;
  client: McpClient;
  log: Logger;
  signal?: AbortSignal;
}

function listed(tool: McpTool): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: tool.inputSchema,
    annotations: {
      title: tool.title,
      readOnlyHint: tool.access === 'read',
      destructiveHint: tool.access === 'destructive',
      // Retried writes are answered once (mcp/core/callKey.ts).
      idempotentHint: true,
      openWorldHint: false,
    },
  };
}

/** The tools the client sees: those its permissions allow, the booking tools only with voice settings. */
async function toolsFor(deps: AppDeps, caller: McpCaller): Promise<McpTool[]> {
  const voice = await hasVoiceSettings(deps.database.db, caller.workspaceId);
  return TOOLS.filter(
    (tool) =>
      (voice || tool.source !== 'voice') && !refusalFor(caller.client, tool.name, tool.access),
  );
}

/** The tool a call names, or the JSON-RPC error saying why the client can't use it. */
function usableTool(client: McpClient, name: string): McpTool | McpError {
  const tool = TOOL_BY_NAME.get(name);
  if (!tool) {
    return new McpError(
      ErrorCode.InvalidParams,
      `Unknown tool ${name}; tools/list lists the tools this client may use.`,
    );
  }
  const refusal = refusalFor(client, name, tool.access);
  return refusal
    ? new McpError(ErrorCode.InvalidParams, refusalMessage(name, refusal), { code: refusal })
    : tool;
}

async function answer(
  call: McpCall,
  name: string,
  args: Record<string, unknown>,
): Promise<ToolAnswer | McpError> {
  const tool = usableTool(call.client, name);
  if (tool instanceof McpError) return tool;
  try {
    if (tool.source === 'voice') return await runVoiceTool(call, name, args);
    return await runCatalogueTool(call, tool, args);
  } catch (error) {
    // The database gone, say: the agent reads that it failed, and the call is still audited.
    return errorAnswer(error, call.log);
  }
}

/** How long after the answer a call's audit row is written: the answer is on its way by then. */
const AUDIT_DELAY_MS = 5;

function audit(deps: AppDeps, caller: McpCaller, call: McpCallRecord): void {
  recordMcpCall(deps.database.db, call).catch((error: unknown) =>
    caller.log.warn({ err: error }, 'MCP audit record failed'),
  );
}

/**
 * @example const server = mcpServer(deps, { workspaceId, client, log }); await server.connect(transport);
 */
export function mcpServer(deps: AppDeps, caller: McpCaller): Server {
  const server = new Server(
    { name: 'ghl-bridge', version: API_DOCUMENT_INFO.info.version },
    { capabilities: { tools: {} }, instructions: INSTRUCTIONS, jsonSchemaValidator: VALIDATOR },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: (await toolsFor(deps, caller)).map(listed),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const started = performance.now();
    const { name } = request.params;
    const args = request.params.arguments ?? {};
    const requests: HighLevelRequest[] = [];
    const call: McpCall = {
      deps,
      ...caller,
      meta: request.params._meta,
      requests,
      onEvent: (event: ClientEvent) => {
        const made = requestOf(event);
        if (made) requests.push(made);
      },
    };
    const answered = await answer(call, name, args);
    const refused = answered instanceof McpError;
    const durationMs = performance.now() - started;
    // Written after the answer has gone: the agent never waits on the audit trail (an embedded
    // PGlite would run the insert in this process before the answer is written).
    setTimeout(
      () =>
        audit(deps, caller, {
          workspaceId: caller.workspaceId,
          clientId: caller.client.id,
          tool: name,
          arguments: args,
          outcome: refused ? 'refused' : answered.outcome,
          code: refused
            ? String((answered.data as { code?: string } | undefined)?.code ?? 'unknown_tool')
            : answered.code,
          replayed: refused ? false : answered.replayed,
          requests,
          durationMs,
        }),
      AUDIT_DELAY_MS,
    );
    if (refused) throw answered;
    return answered.result;
  });
  return server;
}
