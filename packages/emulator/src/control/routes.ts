/**
 * The control API over HTTP (packages/emulator/README.md#control-api): JSON in and out, no
 * HighLevel auth, errors as `{ error: { code, message } }`.
 */
import { Hono } from 'hono';
import type { FaultRule } from '../faults.js';
import type { CreateCalendarInput } from './calendarsControl.js';
import { ControlError, type Control } from './control.js';
import { jsonBody } from './jsonBody.js';
import type { CreatePipelineInput } from './pipelinesControl.js';
import { agencyControlRoutes } from './agencyRoutes.js';
import { appsControlRoutes } from './appsRoutes.js';
import { contentControlRoutes } from './contentRoutes.js';
import { automationControlRoutes } from './automationRoutes.js';
import { webhookControlRoutes } from './webhookRoutes.js';
import { CONTROL_API } from './catalog.js';

/** Fault rules from JSON: an array, or `{ rules: [...] }`. */
function faultRules(body: unknown): FaultRule[] {
  const rules = Array.isArray(body) ? body : (body as { rules?: unknown }).rules;
  if (!Array.isArray(rules)) {
    throw new ControlError(
      422,
      'invalid_faults',
      'Send an array of fault rules or { rules: [...] }',
    );
  }
  return rules as FaultRule[];
}

export function controlRoutes(control: Control): Hono {
  const app = new Hono({ strict: false });

  app.onError((err, c) => {
    if (err instanceof ControlError) {
      const details = err.details === undefined ? {} : { details: err.details };
      return c.json(
        { error: { code: err.code, message: err.message, ...details } },
        err.status as 400,
      );
    }
    throw err;
  });

  app.get('/', (c) => c.json({ controlApi: CONTROL_API }));

  app.post('/locations', async (c) => {
    const body = await jsonBody(c);
    return c.json(
      control.createLocation({
        name: body.name as string | undefined,
        timezone: body.timezone as string | undefined,
        country: body.country as string | undefined,
        companyId: body.companyId as string | undefined,
        allowDuplicateContact: body.allowDuplicateContact as boolean | undefined,
        duplicatePriority: body.duplicatePriority as ('email' | 'phone')[] | undefined,
      }),
      201,
    );
  });

  app.post('/locations/:id/tokens', async (c) => {
    const body = await jsonBody(c);
    return c.json(
      control.createToken(c.req.param('id'), {
        scopes: body.scopes as string[] | undefined,
        expiresAt: body.expiresAt as number | undefined,
      }),
      201,
    );
  });

  app.post('/locations/:id/users', async (c) =>
    c.json(control.createUser(c.req.param('id'), await jsonBody(c)), 201),
  );

  app.post('/locations/:id/calendars', async (c) =>
    c.json(
      control.createCalendar(c.req.param('id'), (await jsonBody(c)) as CreateCalendarInput),
      201,
    ),
  );

  app.post('/locations/:id/pipelines', async (c) =>
    c.json(
      control.createPipeline(c.req.param('id'), (await jsonBody(c)) as CreatePipelineInput),
      201,
    ),
  );

  appsControlRoutes(app, control);
  contentControlRoutes(app, control);
  agencyControlRoutes(app, control);
  automationControlRoutes(app, control);
  webhookControlRoutes(app, control);

  app.get('/locations/:id/state', (c) => c.json(control.locationState(c.req.param('id'))));

  app.get('/requests', (c) =>
    c.json({ requests: control.requests({ locationId: c.req.query('locationId') }) }),
  );

  app.get('/faults', (c) => c.json({ faults: control.faults() }));
  app.put('/faults', async (c) => {
    const text = await c.req.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new ControlError(400, 'invalid_json', 'The body must be JSON');
    }
    control.setFaults(faultRules(parsed));
    return c.json({ faults: control.faults() });
  });
  app.delete('/faults', (c) => {
    control.clearFaults();
    return c.json({ faults: [] });
  });

  app.post('/reset', (c) => {
    control.reset();
    return c.json({ reset: true });
  });

  const clockBody = () => ({ now: new Date(control.now()).toISOString() });
  app.get('/clock', (c) => c.json(clockBody()));
  app.put('/clock', async (c) => {
    const { now } = await jsonBody(c);
    if (typeof now !== 'string' && typeof now !== 'number') {
      throw new ControlError(422, 'invalid_time', 'Send { now: ISO string or epoch ms }');
    }
    control.setClock(now);
    return c.json(clockBody());
  });
  app.post('/clock/advance', async (c) => {
    const { ms } = await jsonBody(c);
    await control.advanceClock(Number(ms));
    return c.json(clockBody());
  });

  return app;
}
