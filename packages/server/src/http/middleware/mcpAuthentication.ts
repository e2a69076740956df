/**
 * An MCP client's token on the workspace's MCP endpoint (docs/mcp.md#clients-and-tokens): not a
 * workspace API key nor the admin token, so an agent holds only what its client allows. Runs
 * before the API's own authentication.
 */
import type { MiddlewareHandler } from 'hono';
import { clientByToken, type McpClient } from '../../mcp/clientStore.js';
import type { AppDeps } from '../deps.js';
import type { AppEnv } from '../env.js';
import { HttpError } from '../httpError.js';

/** The variables `mcpAuthentication` adds to the route's context. */
export interface McpEnv extends AppEnv {
  Variables: AppEnv['Variables'] & { mcpClient: McpClient };
}

/**
 * 401 `unauthorized` without a current token of an MCP client, 401 `token_revoked` for a
 * revoked one, 403 `forbidden` for another workspace's; each with `WWW-Authenticate: Bearer`
 * (https://modelcontextprotocol.io/specification/2025-11-25/basic/authorization).
 *
 * @example app.post('/v1/workspaces/:ws/mcp', mcpAuthentication(deps), handler);
 */
export function mcpAuthentication(deps: AppDeps): MiddlewareHandler<McpEnv> {
  return async (c, next) => {
    c.header('WWW-Authenticate', 'Bearer realm="ghl-bridge MCP"');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    const now = new Date(deps.clock?.now() ?? Date.now());
    const client = match ? await clientByToken(deps.database.db, match[1]!, now) : undefined;
    if (!client) {
      throw new HttpError(
        401,
        'unauthorized',
        "Send Authorization: Bearer <MCP client token>; make one on the dashboard's AI agents page, with POST /v1/workspaces/:ws/mcp/clients or with ghl-bridge mcp clients add (a workspace API key is not an MCP token).",
      );
    }
    if (client.revokedAt) {
      throw new HttpError(
        401,
        'token_revoked',
        `This MCP client token (${client.name}) was revoked; ask the workspace for a new one.`,
      );
    }
    if (client.workspaceId !== c.req.param('ws')) {
      throw new HttpError(
        403,
        'forbidden',
        'This MCP client token belongs to another workspace; use that workspace’s MCP endpoint.',
      );
    }
    c.header('WWW-Authenticate', undefined);
    c.set('mcpClient', client);
    await next();
  };
}
