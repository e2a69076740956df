/** Workflows and campaigns over HTTP: `/_emulator/locations/:id/workflows|campaigns`. */
import type { Hono } from 'hono';
import type { AutomationControl } from './automationControl.js';
import { optionalString } from './bodyFields.js';
import { jsonBody } from './jsonBody.js';

export function automationControlRoutes(app: Hono, control: AutomationControl): void {
  app.post('/locations/:id/workflows', async (c) => {
    const body = await jsonBody(c);
    const input = {
      name: optionalString(body, 'name'),
      status: optionalString(body, 'status'),
    };
    return c.json(control.createWorkflow(c.req.param('id'), input), 201);
  });

  app.post('/locations/:id/campaigns', async (c) => {
    const body = await jsonBody(c);
    const input = {
      name: optionalString(body, 'name'),
      status: optionalString(body, 'status'),
    };
    return c.json(control.createCampaign(c.req.param('id'), input), 201);
  });
}
