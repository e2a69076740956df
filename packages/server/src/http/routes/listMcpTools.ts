/**
 * `GET /v1/workspaces/:ws/mcp/tools` -> 200 `{tools}`: every tool the MCP endpoint can offer, and
 * whether it reads, writes or destroys: what a client's allowlist can name.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { MCP_TOOLS } from '../../mcp/core/toolList.js';
import type { App } from '../env.js';
import { McpToolSchema, mcpToolView } from '../mcpSchemas.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const TOOLS = MCP_TOOLS.map(mcpToolView);

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/mcp/tools',
  summary: 'The tools an MCP client can be given, and whether each reads, writes or destroys',
  security: bearer,
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: 'The tools',
      content: { 'application/json': { schema: z.object({ tools: z.array(McpToolSchema) }) } },
    },
    ...errorResponses(401, 403, 404),
  },
});

/** @example registerListMcpTools(app); */
export function registerListMcpTools(app: App): void {
  app.openapi(route, (c) => c.json({ tools: TOOLS }, 200));
}
