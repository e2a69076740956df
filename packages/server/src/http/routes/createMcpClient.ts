/**
 * `POST /v1/workspaces/:ws/mcp/clients {name, access?, allowDestructive?, tools?}` -> 201 the
 * client and its `token`, shown this once (docs/mcp.md#clients-and-tokens). 422 naming each
 * field: a tool that does not exist, or one the access does not allow.
 */
import { createRoute } from '@hono/zod-openapi';
import { createMcpClient } from '../../mcp/clientStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { validationFailed } from '../httpError.js';
import {
  CreatedMcpClientSchema,
  CreateMcpClientBody,
  mcpClientView,
  mcpEndpointPath,
} from '../mcpSchemas.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces/{ws}/mcp/clients',
  summary: 'Give an AI agent a token for the MCP endpoint; the token is in this response only',
  security: bearer,
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: CreateMcpClientBody } } },
  },
  responses: {
    201: {
      description: 'Created',
      content: { 'application/json': { schema: CreatedMcpClientSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

/** @example registerCreateMcpClient(app, deps); */
export function registerCreateMcpClient(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const body = c.req.valid('json');
    const made = await createMcpClient(deps.database.db, workspace.id, {
      name: body.name,
      access: body.access,
      allowDestructive: body.allowDestructive,
      tools: body.tools ?? null,
    });
    if ('problems' in made) {
      throw validationFailed(made.problems.map((p) => ({ ...p, path: p.path.split('.') })));
    }
    const { client, token } = made;
    c.get('log').info(
      { workspaceId: workspace.id, mcpClientId: client.id, access: client.access },
      'MCP client created',
    );
    return c.json(
      { ...mcpClientView(client), token, endpoint: mcpEndpointPath(workspace.id) },
      201,
    );
  });
}
