/**
 * `GET /v1/workspaces/:ws/mcp/calls?clientId=&limit=&cursor=` -> 200 `{calls, nextCursor}`: the
 * audit trail of MCP tool calls, newest first: client, tool, arguments with secrets masked,
 * HighLevel's requests and the outcome.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { listMcpCalls } from '../../mcp/callStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { McpCallSchema, mcpCallView } from '../mcpSchemas.js';
import { decodeCursor, encodeCursor, invalidCursor } from '../pageCursor.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const MAX_LIMIT = 200;
const LIMIT_MESSAGE = `expected a whole number from 1 to ${MAX_LIMIT}`;

const Query = z.object({
  clientId: z.string().optional().openapi({ description: "Only this client's calls" }),
  limit: z.coerce
    .number({ error: LIMIT_MESSAGE })
    .int(LIMIT_MESSAGE)
    .min(1, LIMIT_MESSAGE)
    .max(MAX_LIMIT, LIMIT_MESSAGE)
    .default(50)
    .openapi({ description: 'Calls per page', example: 50 }),
  cursor: z.string().optional().openapi({
    description: '`nextCursor` of the previous page, with the same filters',
  }),
});

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/mcp/calls',
  summary: 'The audit trail of MCP tool calls, newest first',
  security: bearer,
  request: { params: WorkspaceParams, query: Query },
  responses: {
    200: {
      description: 'A page of calls',
      content: {
        'application/json': {
          schema: z
            .object({
              calls: z.array(McpCallSchema),
              nextCursor: z.string().nullable().openapi({
                description: 'Pass as `cursor` for the next page; null on the last page',
              }),
            })
            .openapi('McpCallPage'),
        },
      },
    },
    ...errorResponses(401, 403, 404, 422),
  },
});

/** @example registerListMcpCalls(app, deps); */
export function registerListMcpCalls(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const ws = c.get('workspace').id;
    const { clientId, limit, cursor } = c.req.valid('query');
    const after = cursor === undefined ? undefined : decodeCursor(cursor, ws, 'MCP calls');
    const page = await listMcpCalls(deps.database.db, ws, { clientId, after, limit });
    if (!page) {
      throw invalidCursor(
        'This cursor points at no MCP call of this workspace; leave it out to start from the newest call.',
      );
    }
    const last = page.calls.at(-1);
    return c.json(
      {
        calls: page.calls.map(mcpCallView),
        nextCursor: page.more && last ? encodeCursor(ws, last.id) : null,
      },
      200,
    );
  });
}
