/** Agencies and marketplace apps over HTTP: `/_emulator/companies`, `/_emulator/apps/…`. */
import type { Hono } from 'hono';
import type { UserType } from '../oauth/model.js';
import type { AppsControl } from './appsControl.js';
import { optionalString, optionalStrings } from './bodyFields.js';
import { ControlError } from './controlError.js';
import { jsonBody } from './jsonBody.js';

function userType(value: string | undefined): UserType | undefined {
  if (value === undefined || value === 'Location' || value === 'Company') return value;
  throw new ControlError(422, 'invalid_field', 'userType must be Location or Company');
}

export function appsControlRoutes(app: Hono, control: AppsControl): void {
  app.post('/companies', async (c) => {
    const body = await jsonBody(c);
    return c.json(control.createCompany({ name: optionalString(body, 'name') }), 201);
  });

  app.post('/apps', async (c) => {
    const body = await jsonBody(c);
    const registered = control.registerApp({
      name: optionalString(body, 'name'),
      scopes: optionalStrings(body, 'scopes'),
      webhookUrl: optionalString(body, 'webhookUrl'),
      events: optionalStrings(body, 'events'),
      redirectUri: optionalString(body, 'redirectUri'),
    });
    return c.json(registered, 201);
  });

  app.patch('/apps/:appId', async (c) => {
    const body = await jsonBody(c);
    const nullable = <T>(name: string, read: () => T): T | null | undefined =>
      body[name] === null ? null : read();
    return c.json(
      control.updateApp(c.req.param('appId'), {
        webhookUrl: nullable('webhookUrl', () => optionalString(body, 'webhookUrl')),
        events: nullable('events', () => optionalStrings(body, 'events')),
        redirectUri: nullable('redirectUri', () => optionalString(body, 'redirectUri')),
      }),
      200,
    );
  });

  app.post('/apps/:appId/install', async (c) => {
    const body = await jsonBody(c);
    const installation = control.installApp(c.req.param('appId'), {
      locationId: optionalString(body, 'locationId'),
      companyId: optionalString(body, 'companyId'),
      userType: userType(optionalString(body, 'userType')),
      locationIds: optionalStrings(body, 'locationIds'),
      userId: optionalString(body, 'userId'),
      scopes: optionalStrings(body, 'scopes'),
      redirectUri: optionalString(body, 'redirectUri'),
    });
    return c.json(installation, 201);
  });

  app.post('/apps/:appId/uninstall', async (c) => {
    const body = await jsonBody(c);
    control.uninstallApp(c.req.param('appId'), {
      locationId: optionalString(body, 'locationId'),
      companyId: optionalString(body, 'companyId'),
    });
    return c.json({ uninstalled: true });
  });
}
