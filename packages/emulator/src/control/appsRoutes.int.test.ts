/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call --
   control bodies are loose JSON. */
import { describe, expect, it } from 'vitest';
import { call } from '../../test/harness.js';
import { tokenRequest } from '../../test/oauth.js';
import { createEmulator } from '../index.js';

const control = (
  emulator: ReturnType<typeof createEmulator>,
  method: string,
  path: string,
  body?: unknown,
) => call(emulator, method, `/_emulator${path}`, body === undefined ? {} : { body });

describe('agencies and apps over the control API', () => {
  it('creates an agency with two Locations, registers an app, installs it and trades the code', async () => {
    const emulator = createEmulator();
    const company = await control(emulator, 'POST', '/companies', { name: 'Acme Agency' });
    expect(company.status).toBe(201);
    const { companyId } = company.body;
    const first = await control(emulator, 'POST', '/locations', { name: 'One', companyId });
    const second = await control(emulator, 'POST', '/locations', { name: 'Two', companyId });
    expect([first.body.companyId, second.body.companyId]).toEqual([companyId, companyId]);

    const app = await control(emulator, 'POST', '/apps', {
      name: 'Sync',
      scopes: ['contacts.readonly'],
      redirectUri: 'https://app.example/cb',
    });
    expect(app.status).toBe(201);
    expect(Object.keys(app.body).sort()).toEqual(['appId', 'clientId', 'clientSecret']);

    const install = await control(emulator, 'POST', `/apps/${app.body.appId}/install`, {
      locationId: first.body.locationId,
      userType: 'Location',
    });
    expect(install.status).toBe(201);
    expect(install.body).toMatchObject({
      userType: 'Location',
      companyId,
      locationId: first.body.locationId,
    });
    expect(install.body.redirectUrl).toBe(`https://app.example/cb?code=${install.body.code}`);
    const tokens = await tokenRequest(emulator, app.body, {
      grant_type: 'authorization_code',
      code: install.body.code,
    });
    expect(tokens.body.locationId).toBe(first.body.locationId);

    const state = await control(emulator, 'GET', `/locations/${first.body.locationId}/state`);
    expect(state.body.tokens.map((t: { kind: string }) => t.kind).sort()).toEqual(['oauth', 'pit']);

    const uninstall = await control(emulator, 'POST', `/apps/${app.body.appId}/uninstall`, {
      locationId: first.body.locationId,
    });
    expect(uninstall.body).toEqual({ uninstalled: true });
    const again = await control(emulator, 'POST', `/apps/${app.body.appId}/uninstall`, {
      locationId: first.body.locationId,
    });
    expect(again.status).toBe(404);
    expect(again.body.error.code).toBe('not_installed');
  });

  it("changes an app's webhook URL and events, and clears them", async () => {
    const emulator = createEmulator();
    const app = await control(emulator, 'POST', '/apps', { name: 'Sync' });
    const changed = await control(emulator, 'PATCH', `/apps/${app.body.appId}`, {
      webhookUrl: 'https://app.example/hooks',
      events: ['UNINSTALL'],
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      id: app.body.appId,
      webhookUrl: 'https://app.example/hooks',
      events: ['UNINSTALL'],
    });
    expect(changed.body.clientSecret).toBeUndefined();
    const cleared = await control(emulator, 'PATCH', `/apps/${app.body.appId}`, {
      webhookUrl: null,
      events: null,
    });
    expect(cleared.body).toMatchObject({ webhookUrl: null, events: null });
    const unknown = await control(emulator, 'PATCH', '/apps/nope', { webhookUrl: null });
    expect(unknown.status).toBe(404);
  });

  it('names what is wrong with an install', async () => {
    const emulator = createEmulator();
    const app = await control(emulator, 'POST', '/apps', { scopes: ['contacts.readonly'] });
    const { locationId } = (await control(emulator, 'POST', '/locations', {})).body;
    const install = (body: unknown) =>
      control(emulator, 'POST', `/apps/${app.body.appId}/install`, body);
    expect((await install({})).body.error.message).toBe('Send either locationId or companyId');
    const scope = await install({ locationId, scopes: ['contacts.write'] });
    expect(scope.status).toBe(422);
    expect(scope.body.error.message).toBe('The app was not configured with scope contacts.write');
    expect((await install({ locationId, userType: 'Agency' })).status).toBe(422);
    expect((await control(emulator, 'POST', '/apps/nope/install', { locationId })).status).toBe(
      404,
    );
    const foreign = (await control(emulator, 'POST', '/locations', {})).body;
    const stranger = await install({ companyId: foreign.companyId, locationIds: [locationId] });
    expect(stranger.body.error.message).toBe(
      `Location ${locationId} is not in company ${foreign.companyId}`,
    );
  });
});
