/**
 * `POST /v1/workspaces/:ws/mcp`: the workspace's MCP endpoint (docs/mcp.md), Streamable HTTP
 * (https://modelcontextprotocol.io/specification/2025-11-25/basic/transports#streamable-http)
 * on the official SDK's transport, stateless and answering in JSON: each request is complete in
 * itself, so any process behind a load balancer answers it. Authenticated with an MCP client's
 * token (`mcpAuthentication`), before the API's own authentication. `GET` (a server-sent event
 * stream) and `DELETE` (ending a session) are 405: there are no sessions.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { HttpError } from '../httpError.js';
import { mcpServer } from '../mcp/mcpServer.js';
import { mcpAuthentication } from '../middleware/mcpAuthentication.js';
import { errorResponses, WorkspaceParams } from '../schemas.js';

const JsonRpcMessage = z.record(z.string(), z.unknown()).openapi('McpMessage', {
  description:
    'A JSON-RPC 2.0 message of the Model Context Protocol: initialize, tools/list, tools/call …',
  example: {
    jsonrpc: '2.0',
    id: 1,
    method: 'tools/call',
    params: { name: 'check_availability', arguments: { date: '2026-12-01' } },
  },
});

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces/{ws}/mcp',
  summary: 'The MCP endpoint: booking tools and the catalogue for AI agents (Streamable HTTP)',
  description:
    'Authenticated with an MCP client token (`Authorization: Bearer ghlm_…`, from POST /v1/workspaces/{ws}/mcp/clients), not a workspace API key. Send `Accept: application/json, text/event-stream`. Answers in JSON (a message holding only notifications: 202, no body); see docs/mcp.md.',
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: JsonRpcMessage } } },
  },
  responses: {
    200: {
      description: 'The JSON-RPC answer',
      content: { 'application/json': { schema: JsonRpcMessage } },
    },
    ...errorResponses(400, 401, 403, 406, 413, 415),
  },
});

const noMessage = () =>
  new HttpError(
    400,
    'invalid_json',
    'Send one JSON-RPC message (or a batch) of the Model Context Protocol as the JSON body.',
  );

const noSessions = () =>
  new HttpError(
    405,
    'method_not_allowed',
    'This MCP endpoint is stateless: send every message with POST (there is no event stream to GET and no session to DELETE).',
  );

/**
 * Registers the endpoint: documented with the message it takes, answered by the SDK's transport.
 *
 * @example registerPostMcp(app, deps); // after the JSON body layer, before authentication
 */
export function registerPostMcp(app: App, deps: AppDeps): void {
  app.openAPIRegistry.registerPath(route);
  // The transport reads the message itself: the document shows it, the route does not check it.
  app.post('/v1/workspaces/:ws/mcp', mcpAuthentication(deps), async (c) => {
    // The JSON layer has checked the body already; an empty one is all it lets through.
    const text = await c.req.text();
    if (text.trim() === '') throw noMessage();
    const parsedBody = JSON.parse(text) as unknown;
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    const server = mcpServer(deps, {
      workspaceId: c.get('mcpClient').workspaceId,
      client: c.get('mcpClient'),
      log: c.get('log'),
      signal: c.req.raw.signal,
    });
    await server.connect(transport);
    const response = await transport.handleRequest(c.req.raw, { parsedBody });
    void server.close();
    return response;
  });
  app.on(['GET', 'DELETE'], '/v1/workspaces/:ws/mcp', () => {
    throw noSessions();
  });
}
