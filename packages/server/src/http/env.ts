import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from '../logger.js';
import type { WorkspaceRow } from '../workspaces/workspaceStore.js';

/** Who is calling: the operator (admin token) or one workspace (its API key). */
export type Principal = { kind: 'admin' } | { kind: 'workspace'; workspaceId: string };

/** Hono context variables set by the middleware chain. */
export interface AppEnv {
  Variables: {
    requestId: string;
    /** The request's child logger, carrying its request id. */
    log: Logger;
    principal: Principal;
    /** Set on `/v1/workspaces/:ws…` routes once access is checked. */
    workspace: WorkspaceRow;
    /** Set when the dashboard's session cookie authenticated the request. */
    session?: { token: string; expiresAt: Date };
  };
}

/** The API app every route registers on (`createApp` in app.ts builds it). */
export type App = OpenAPIHono<AppEnv>;
