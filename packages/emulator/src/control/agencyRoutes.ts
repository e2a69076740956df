/** Snapshots and Location edits over HTTP: `/_emulator/companies/:id/snapshots`, `PATCH /locations/:id`. */
import type { Hono } from 'hono';
import type { AgencyControl } from './agencyControl.js';
import { optionalString } from './bodyFields.js';
import { jsonBody } from './jsonBody.js';

export function agencyControlRoutes(app: Hono, control: AgencyControl): void {
  app.post('/companies/:id/snapshots', async (c) => {
    const body = await jsonBody(c);
    const input = { name: optionalString(body, 'name'), type: optionalString(body, 'type') };
    return c.json(control.createSnapshot(c.req.param('id'), input), 201);
  });

  app.patch('/locations/:id', async (c) => {
    const body = await jsonBody(c);
    const input = {
      name: optionalString(body, 'name'),
      timezone: optionalString(body, 'timezone'),
    };
    return c.json(control.updateLocation(c.req.param('id'), input));
  });
}
