/**
 * The bridge's HTTP API (packages/server/README.md#http-api): middleware in order — request id, access log, body limit,
 * storable URL text, JSON body, authentication, access — then one file per endpoint. Every failure is JSON.
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from './deps.js';
import type { AppEnv } from './env.js';
import { renderError, renderNotFound } from './errorHandler.js';
import { validationFailed } from './httpError.js';
import { accessLog } from './middleware/accessLog.js';
import { authenticate } from './middleware/authenticate.js';
import { bodyLimit } from './middleware/bodyLimit.js';
import { jsonBody } from './middleware/jsonBody.js';
import { requestId } from './middleware/requestId.js';
import { requireAdmin } from './middleware/requireAdmin.js';
import { storableUrl } from './middleware/storableUrl.js';
import { workspaceAccess } from './middleware/workspaceAccess.js';
import { registerGetAvailability } from './routes/getAvailability.js';
import { registerGetBooking } from './routes/getBooking.js';
import { registerPostBackfillState } from './routes/postBackfillState.js';
import { registerListSyncJobs } from './routes/listSyncJobs.js';
import { registerListVoiceCalls } from './routes/listVoiceCalls.js';
import { registerPatchAppointment } from './routes/patchAppointment.js';
import { registerPostAppointment } from './routes/postAppointment.js';
import { registerPostBooking } from './routes/postBooking.js';
import { registerPostVapi } from './routes/postVapi.js';
import { registerPutVoiceSettings } from './routes/putVoiceSettings.js';
import { registerRetrySyncJob } from './routes/retrySyncJob.js';
import { registerCheckGoHighLevel } from './routes/checkGoHighLevel.js';
import { registerConnectGoHighLevel } from './routes/connectGoHighLevel.js';
import { registerCreateWorkspace } from './routes/createWorkspace.js';
import { registerDeleteAppointment } from './routes/deleteAppointment.js';
import { registerDeleteWorkspace } from './routes/deleteWorkspace.js';
import { registerDisconnectGoHighLevel } from './routes/disconnectGoHighLevel.js';
import { registerGetGoHighLevel } from './routes/getGoHighLevel.js';
import { registerGetVoiceCall } from './routes/getVoiceCall.js';
import { registerGetVoiceSettings } from './routes/getVoiceSettings.js';
import { registerGetWorkspace } from './routes/getWorkspace.js';
import { registerUpdateWorkspace } from './routes/updateWorkspace.js';
import { registerHealthz } from './routes/healthz.js';
import { registerListWorkspaces } from './routes/listWorkspaces.js';
import { registerMetrics } from './routes/metrics.js';
import { registerDocs } from './routes/docs.js';
import { registerReadyz } from './routes/readyz.js';

export type App = OpenAPIHono<AppEnv>;

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
  // Vapi signs the raw body with its own credential: before the API's JSON and auth layers.
  registerPostVapi(app, deps);
  app.use('*', jsonBody());
  app.use('/v1/*', authenticate({ adminToken: deps.adminToken, db: deps.database.db }));
  app.on(['GET', 'POST'], '/v1/workspaces', requireAdmin());
  app.use('/v1/workspaces/:ws', workspaceAccess({ db: deps.database.db }));
  app.use('/v1/workspaces/:ws/*', workspaceAccess({ db: deps.database.db }));

  registerHealthz(app);
  registerReadyz(app, deps);
  registerMetrics(app, deps);
  registerDocs(app);
  registerCreateWorkspace(app, deps);
  registerListWorkspaces(app, deps);
  registerGetWorkspace(app, deps);
  registerUpdateWorkspace(app, deps);
  registerDeleteWorkspace(app, deps);
  registerConnectGoHighLevel(app, deps);
  registerGetGoHighLevel(app, deps);
  registerDisconnectGoHighLevel(app, deps);
  registerCheckGoHighLevel(app, deps);
  registerPostBooking(app, deps);
  registerGetBooking(app, deps);
  registerPostBackfillState(app, deps);
  registerListSyncJobs(app, deps);
  registerRetrySyncJob(app, deps);
  registerPutVoiceSettings(app, deps);
  registerGetVoiceSettings(app, deps);
  registerListVoiceCalls(app, deps);
  registerGetVoiceCall(app, deps);
  registerGetAvailability(app, deps);
  registerPostAppointment(app, deps);
  registerPatchAppointment(app, deps);
  registerDeleteAppointment(app, deps);

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'The admin token (GHL_BRIDGE_ADMIN_TOKEN) or a workspace API key',
  });
  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'ghl-bridge',
      version: '0.1.0',
      description:
        'Connect booking apps and voice agents to HighLevel. Errors are `{ "error": { "code", "message", "details"? } }`.',
    },
  });
  return app;
}
