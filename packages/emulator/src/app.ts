/**
 * The Hono app: the control API under `/_emulator`, then HighLevel's middleware in HighLevel's
 * order — request log, fault injection, `Version`, auth, rate limit — and the operation handlers.
 */
import { Hono } from 'hono';
import { controlRoutes } from './control/routes.js';
import { mountConsentScreen } from './oauth/consentScreen.js';
import type { Control } from './control/control.js';
import { HighLevelError, notFoundRoute } from './errors.js';
import { auth } from './middleware/auth.js';
import { faults } from './middleware/faults.js';
import { rateLimit, rateLimitHeadersOnEveryResponse } from './middleware/rateLimit.js';
import { requestLog } from './middleware/requestLog.js';
import { versionHeader } from './middleware/version.js';
import { operationTable } from './operations.js';
import type { AppEnv, RouteDef, Runtime } from './runtime.js';

export function createApp(rt: Runtime, control: Control, routes: RouteDef[]) {
  const table = operationTable(routes.map((r) => ({ method: r.method, path: r.path, target: r })));
  const app = new Hono<AppEnv>({ strict: false });

  app.route('/_emulator', controlRoutes(control));
  mountConsentScreen(app, control);

  app.onError((err, c) => {
    if (err instanceof HighLevelError) {
      return c.json(err.body, err.status as 400, err.headers);
    }
    console.error('ghl-emulator: unexpected error', err);
    return c.json({ statusCode: 500, message: 'Internal server error' }, 500);
  });

  app.use(
    '*',
    requestLog(rt, table),
    rateLimitHeadersOnEveryResponse(rt),
    faults(rt),
    versionHeader(),
    auth(rt),
    rateLimit(rt),
  );

  app.all('*', async (c) => {
    const match = c.get('match');
    if (!match) throw notFoundRoute(c.req.method, c.req.path);
    const request = {
      params: match.params,
      query: new URL(c.req.url).searchParams,
      body: c.get('body'),
      rt,
    };
    const agency = c.get('agency');
    const { handleOpen, handleAgency } = match.target;
    const result = handleOpen
      ? await handleOpen(request)
      : agency && handleAgency
        ? await handleAgency({ ...request, ...agency })
        : await match.target.handle({
            ...request,
            token: c.get('token'),
            location: c.get('location'),
          });
    if (result.file) {
      return c.body(result.body as Uint8Array<ArrayBuffer> | string, result.status as 200, {
        'Content-Type': result.file.contentType,
        'Content-Disposition': result.file.disposition,
      });
    }
    return c.json(result.body as object, result.status as 200);
  });

  return { app, table };
}
