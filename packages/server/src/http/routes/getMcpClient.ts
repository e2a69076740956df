/**
 * `GET /v1/workspaces/:ws/mcp/clients/:clientId` -> 200 the client; 404 `mcp_client_not_found`.
 */
import { createRoute } from '@hono/zod-openapi';
import { findMcpClient } from '../../mcp/clientStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { HttpError } from '../httpError.js';
import { McpClientParams, McpClientSchema, mcpClientView } from '../mcpSchemas.js';
import { bearer, errorResponses } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/mcp/clients/{clientId}',
  summary: 'One MCP client and what it may use',
  security: bearer,
  request: { params: McpClientParams },
  responses: {
    200: {
      description: 'The client',
      content: { 'application/json': { schema: McpClientSchema } },
    },
    ...errorResponses(401, 403, 404),
  },
});

/**
 * The 404 for a client id the workspace does not have.
 *
 * @example throw mcpClientNotFound('mcpc_1', 'ws_1');
 */
export function mcpClientNotFound(clientId: string, ws: string): HttpError {
  return new HttpError(
    404,
    'mcp_client_not_found',
    `Workspace ${ws} has no MCP client ${clientId}; GET /v1/workspaces/${ws}/mcp/clients lists them.`,
  );
}

/** @example registerGetMcpClient(app, deps); */
export function registerGetMcpClient(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const ws = c.get('workspace').id;
    const { clientId } = c.req.valid('param');
    const client = await findMcpClient(deps.database.db, ws, clientId);
    if (!client) throw mcpClientNotFound(clientId, ws);
    return c.json(mcpClientView(client), 200);
  });
}
