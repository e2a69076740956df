/**
 * `DELETE /v1/workspaces/:ws/mcp/clients/:clientId` -> 204: revokes the client; its token is
 * refused from the next request on. The client stays listed (with `revokedAt`) for the audit
 * trail. Revoking again is a 204 too; 404 `mcp_client_not_found`.
 */
import { createRoute } from '@hono/zod-openapi';
import { revokeMcpClient } from '../../mcp/clientStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { McpClientParams } from '../mcpSchemas.js';
import { bearer, errorResponses } from '../schemas.js';
import { mcpClientNotFound } from './getMcpClient.js';

const route = createRoute({
  method: 'delete',
  path: '/v1/workspaces/{ws}/mcp/clients/{clientId}',
  summary: 'Revoke an MCP client: its token stops working at once',
  security: bearer,
  request: { params: McpClientParams },
  responses: {
    204: { description: 'Revoked' },
    ...errorResponses(401, 403, 404),
  },
});

/** @example registerDeleteMcpClient(app, deps); */
export function registerDeleteMcpClient(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const ws = c.get('workspace').id;
    const { clientId } = c.req.valid('param');
    const now = new Date(deps.clock?.now() ?? Date.now());
    if (!(await revokeMcpClient(deps.database.db, ws, clientId, now))) {
      throw mcpClientNotFound(clientId, ws);
    }
    c.get('log').info({ workspaceId: ws, mcpClientId: clientId }, 'MCP client revoked');
    return c.body(null, 204);
  });
}
