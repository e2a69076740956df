/**
 * The bridge's HTTP API (packages/server/README.md#http-api): middleware in order — request id, access log, body limit,
 * storable URL text, JSON body, authentication, access — then one file per endpoint. Every failure is JSON.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { registerApiDocument } from './apiDocumentRoute.js';
import type { AppDeps } from './deps.js';
import type { App, AppEnv } from './env.js';
import { renderError, renderNotFound } from './errorHandler.js';
import { validationFailed } from './httpError.js';
import { accessLog } from './middleware/accessLog.js';
import { authenticate } from './middleware/authenticate.js';
import { registerOAuthCallback } from './routes/oauthCallback.js';
import { bodyLimit } from './middleware/bodyLimit.js';
import { jsonBody } from './middleware/jsonBody.js';
import { requestId } from './middleware/requestId.js';
import { requireAdmin } from './middleware/requireAdmin.js';
import { storableUrl } from './middleware/storableUrl.js';
import { workspaceAccess } from './middleware/workspaceAccess.js';
import { apiRoutes } from './routes/index.js';
import { registerPostHighLevelWebhook } from './routes/postHighLevelWebhook.js';
import { registerPostMcp } from './routes/postMcp.js';
import { registerPostVapi } from './routes/postVapi.js';

/**
 * The app, ready for `app.request()` in tests or `serve({ fetch: app.fetch })`.
 *
 * @example
 * const app = createApp(deps);
 * const res = await app.request('/healthz');
 */
export function createApp(deps: AppDeps): App {
  const app: App = new OpenAPIHono<AppEnv>({
    strict: false,
    // Schema failures become one 422 listing every field that is wrong.
    defaultHook: (result) => {
      if (result.success) return;
      throw validationFailed(result.error.issues);
    },
  });
  app.onError(renderError);
  app.notFound(renderNotFound);

  app.use('*', requestId({ logger: deps.logger }));
  app.use('*', accessLog({ metrics: deps.metrics }));
  app.use('*', bodyLimit({ maxBytes: deps.bodyLimitBytes }));
  app.use('*', storableUrl());
  // Vapi and HighLevel sign the raw body with their own credentials: before the API's JSON and
  // auth layers.
  registerPostVapi(app, deps);
  registerPostHighLevelWebhook(app, deps);
  app.use('*', jsonBody());
  // HighLevel's redirect after an install carries no bridge credentials.
  registerOAuthCallback(app, deps);
  // MCP clients bring their own tokens, not the API's.
  registerPostMcp(app, deps);
  app.use(
    '/v1/*',
    authenticate({
      adminToken: deps.adminToken,
      db: deps.database.db,
      now: () => new Date(deps.clock?.now() ?? Date.now()),
    }),
  );
  app.on(['GET', 'POST'], '/v1/workspaces', requireAdmin());
  app.use('/v1/workspaces/:ws', workspaceAccess({ db: deps.database.db }));
  app.use('/v1/workspaces/:ws/*', workspaceAccess({ db: deps.database.db }));

  for (const register of apiRoutes) register(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The admin token (GHL_BRIDGE_ADMIN_TOKEN) or a workspace API key',
  });
  registerApiDocument(app);
  return app;
}
