/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { manualClock } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { call, setup } from '../../test/harness.js';
import { installedApp, tokenRequest } from '../../test/oauth.js';

const T0 = Date.parse('2026-04-01T08:00:00Z');

describe('POST /oauth/token (authorization_code)', () => {
  it("trades an install's code for HighLevel's token response; the token works", async () => {
    const { emulator, locationId, companyId } = setup();
    const owner = emulator.control.createUser(locationId, { firstName: 'Olive' });
    const app = emulator.control.registerApp({
      scopes: ['contacts.readonly', 'locations.readonly'],
    });
    expect(app.clientId).toMatch(new RegExp(`^${app.appId}-[a-z0-9]{8}$`));
    const { code } = emulator.control.installApp(app.appId, { locationId });
    expect(code).toMatch(/^[0-9a-f]{40}$/);

    const res = await tokenRequest(emulator, app, { grant_type: 'authorization_code', code });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 86399,
      scope: 'contacts.readonly locations.readonly',
      userType: 'Location',
      locationId,
      companyId,
      userId: owner.id,
    });
    expect(res.body.refresh_token).toEqual(expect.any(String));
    const token = res.body.access_token as string;
    expect((await call(emulator, 'GET', `/locations/${locationId}`, { token })).status).toBe(200);
    const write = await call(emulator, 'POST', '/contacts/', { token, body: { locationId } });
    expect(write.body.message).toBe('The token is not authorized for this scope.');
  });

  it('takes a JSON body as well as a form', async () => {
    const { emulator, locationId } = setup();
    const app = emulator.control.registerApp();
    const { code } = emulator.control.installApp(app.appId, { locationId });
    const res = await tokenRequest(
      emulator,
      app,
      { grant_type: 'authorization_code', code },
      { json: true },
    );
    expect(res.status).toBe(200);
    expect(res.body.locationId).toBe(locationId);
  });

  it('a code works once', async () => {
    const { emulator, locationId } = setup();
    const app = emulator.control.registerApp();
    const { code } = emulator.control.installApp(app.appId, { locationId });
    const grant = { grant_type: 'authorization_code', code };
    expect((await tokenRequest(emulator, app, grant)).status).toBe(200);
    const again = await tokenRequest(emulator, app, grant);
    expect(again.status).toBe(400);
    expect(again.body).toEqual({
      statusCode: 400,
      error: 'invalid_grant',
      message: 'Invalid grant: authorization code is invalid',
    });
  });

  it('a code expires after 10 minutes on the emulator clock', async () => {
    const clock = manualClock(T0);
    const { emulator, locationId } = setup({ clock });
    const app = emulator.control.registerApp();
    const { code } = emulator.control.installApp(app.appId, { locationId });
    await clock.advance(10 * 60_000);
    const res = await tokenRequest(emulator, app, { grant_type: 'authorization_code', code });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('Invalid grant: authorization code has expired');
  });

  it('refuses a wrong client secret (401), another app’s code and a missing field', async () => {
    const { emulator, locationId } = setup();
    const app = emulator.control.registerApp();
    const other = emulator.control.registerApp();
    const { code } = emulator.control.installApp(app.appId, { locationId });
    const grant = { grant_type: 'authorization_code', code };
    const badSecret = await tokenRequest(emulator, { ...app, clientSecret: 'nope' }, grant);
    expect(badSecret.status).toBe(401);
    expect(badSecret.body).toEqual({
      statusCode: 401,
      error: 'invalid_client',
      message: 'Invalid client: client is invalid',
    });
    expect((await tokenRequest(emulator, other, grant)).body.error).toBe('invalid_grant');
    const noGrant = await call(emulator, 'POST', '/oauth/token', {
      form: { client_id: app.clientId, client_secret: app.clientSecret },
    });
    expect(noGrant.status).toBe(422);
    expect(noGrant.body.message).toEqual(['grant_type should not be empty']);
    // The code was not spent by the failed attempts.
    expect((await tokenRequest(emulator, app, grant)).status).toBe(200);
  });

  it('needs no Version header and no bearer token', async () => {
    const { emulator, locationId } = setup();
    const app = emulator.control.registerApp();
    const { code } = emulator.control.installApp(app.appId, { locationId });
    const res = await call(emulator, 'POST', '/oauth/token', {
      version: null,
      form: {
        client_id: app.clientId,
        client_secret: app.clientSecret,
        grant_type: 'authorization_code',
        code,
      },
    });
    expect(res.status).toBe(200);
  });
});

describe('POST /oauth/token (refresh_token)', () => {
  it('rotates: the new refresh token works, the used one is dead', async () => {
    const { emulator, locationId } = setup();
    const app = await installedApp(emulator, { locationId });
    const first = await tokenRequest(emulator, app, {
      grant_type: 'refresh_token',
      refresh_token: app.refreshToken,
    });
    expect(first.status).toBe(200);
    expect(first.body.refresh_token).not.toBe(app.refreshToken);
    expect(first.body.access_token).not.toBe(app.accessToken);
    const token = first.body.access_token as string;
    expect((await call(emulator, 'GET', `/locations/${locationId}`, { token })).status).toBe(200);

    const reused = await tokenRequest(emulator, app, {
      grant_type: 'refresh_token',
      refresh_token: app.refreshToken,
    });
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual({
      statusCode: 400,
      error: 'invalid_grant',
      message: 'Invalid grant: refresh token is invalid',
    });

    const second = await tokenRequest(emulator, app, {
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token,
    });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ userType: 'Location', locationId, expires_in: 86399 });
  });

  it('refuses a refresh token of another app', async () => {
    const { emulator, locationId } = setup();
    const app = await installedApp(emulator, { locationId });
    const other = emulator.control.registerApp();
    const res = await tokenRequest(emulator, other, {
      grant_type: 'refresh_token',
      refresh_token: app.refreshToken,
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_grant');
  });
});

describe('token expiry on the emulator clock', () => {
  it('an access token is refused with 401 Invalid JWT once its 86399 s are up', async () => {
    const clock = manualClock(T0);
    const { emulator, locationId } = setup({ clock });
    const app = await installedApp(emulator, { locationId });
    const path = `/locations/${locationId}`;
    await clock.advance(86_398_000);
    expect((await call(emulator, 'GET', path, { token: app.accessToken })).status).toBe(200);
    await clock.advance(1_000);
    const expired = await call(emulator, 'GET', path, { token: app.accessToken });
    expect(expired.status).toBe(401);
    expect(expired.body).toEqual({ statusCode: 401, message: 'Invalid JWT' });

    const refreshed = await tokenRequest(emulator, app, {
      grant_type: 'refresh_token',
      refresh_token: app.refreshToken,
    });
    const token = refreshed.body.access_token as string;
    expect((await call(emulator, 'GET', path, { token })).status).toBe(200);
  });
});

describe('rate limits for apps', () => {
  it("an app's tokens share one budget per Location; its agency token has its own", async () => {
    const { emulator, locationId, companyId } = setup({ limits: { burst: 2 } });
    const app = await installedApp(emulator, { locationId });
    const second = await tokenRequest(emulator, app, {
      grant_type: 'refresh_token',
      refresh_token: app.refreshToken,
    });
    const path = `/locations/${locationId}`;
    const statuses = [];
    for (const token of [app.accessToken, second.body.access_token, app.accessToken]) {
      statuses.push((await call(emulator, 'GET', path, { token })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
    // The same app installed on the agency: its Company token counts against the Company.
    const { code } = emulator.control.installApp(app.appId, { companyId });
    const agency = await tokenRequest(emulator, app, { grant_type: 'authorization_code', code });
    const listed = await call(
      emulator,
      'GET',
      `/oauth/installedLocations?companyId=${companyId}&appId=${app.appId}`,
      { token: agency.body.access_token },
    );
    expect(listed.status).toBe(200);
  });
});

describe('agency tokens', () => {
  async function agency() {
    const s = setup();
    const second = s.emulator.control.createLocation({ name: 'Second', companyId: s.companyId });
    const foreign = s.emulator.control.createLocation({ name: 'Foreign' });
    const app = await installedApp(
      s.emulator,
      { companyId: s.companyId, locationIds: [s.locationId] },
      { scopes: ['oauth.readonly', 'oauth.write', 'contacts.readonly', 'users.readonly'] },
    );
    return { ...s, app, second, foreign };
  }

  it('a Company install yields a Company token with its approved Locations', async () => {
    const { app, companyId, locationId } = await agency();
    expect(app.tokens).toMatchObject({
      userType: 'Company',
      companyId,
      approvedLocations: [locationId],
    });
    expect(app.tokens).not.toHaveProperty('locationId');
  });

  it('mints a Location token (form body) that works on Location routes', async () => {
    const { emulator, app, companyId, locationId } = await agency();
    const res = await call(emulator, 'POST', '/oauth/locationToken', {
      token: app.accessToken,
      form: { companyId, locationId },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 86399,
      userType: 'Location',
      locationId,
      companyId,
      appId: app.appId,
    });
    const token = res.body.access_token as string;
    const search = await call(emulator, 'POST', '/contacts/search', {
      token,
      body: { locationId, pageLimit: 1 },
    });
    expect(search.status).toBe(200);
    const refreshed = await tokenRequest(emulator, app, {
      grant_type: 'refresh_token',
      refresh_token: res.body.refresh_token,
    });
    expect(refreshed.body).toMatchObject({ userType: 'Location', locationId });
  });

  it('refuses a Location the app is not installed on, and another agency’s Location', async () => {
    const { emulator, app, companyId, second, foreign } = await agency();
    const notInstalled = await call(emulator, 'POST', '/oauth/locationToken', {
      token: app.accessToken,
      form: { companyId, locationId: second.locationId },
    });
    expect(notInstalled.status).toBe(400);
    expect(notInstalled.body.message).toBe(
      `The app is not installed on location ${second.locationId}`,
    );
    const elsewhere = await call(emulator, 'POST', '/oauth/locationToken', {
      token: app.accessToken,
      form: { companyId, locationId: foreign.locationId },
    });
    expect(elsewhere.status).toBe(403);
    const noLocation = await call(emulator, 'POST', '/oauth/locationToken', {
      token: app.accessToken,
      form: { companyId },
    });
    expect(noLocation.status).toBe(422);
    expect(noLocation.body.message).toEqual(['locationId should not be empty']);
  });

  it('each token class keeps to its routes: 401 "This AuthClass is not yet supported…"', async () => {
    const { emulator, app, companyId, locationId, token: pit } = await agency();
    const message = 'This AuthClass is not yet supported by the IAM Service';
    const agencyOnContacts = await call(emulator, 'GET', `/contacts/?locationId=${locationId}`, {
      token: app.accessToken,
    });
    expect(agencyOnContacts.status).toBe(401);
    expect(agencyOnContacts.body.message).toBe(message);
    const locationOnMint = await call(emulator, 'POST', '/oauth/locationToken', {
      token: pit,
      form: { companyId, locationId },
    });
    expect(locationOnMint.status).toBe(401);
    expect(locationOnMint.body.message).toBe(message);
  });

  it('lists the agency Locations and whether the app is installed on each', async () => {
    const { emulator, app, companyId, locationId, second } = await agency();
    const path = `/oauth/installedLocations?companyId=${companyId}&appId=${app.appId}`;
    const all = await call(emulator, 'GET', path, { token: app.accessToken });
    expect(all.status).toBe(200);
    expect(all.body.count).toBe(2);
    const byId = Object.fromEntries(
      all.body.locations.map((l: { _id: string; isInstalled: boolean }) => [l._id, l.isInstalled]),
    );
    expect(byId).toEqual({ [locationId]: true, [second.locationId]: false });
    const installed = await call(emulator, 'GET', `${path}&isInstalled=true`, {
      token: app.accessToken,
    });
    expect(installed.body.locations.map((l: { _id: string }) => l._id)).toEqual([locationId]);
    const missing = await call(emulator, 'GET', '/oauth/installedLocations', {
      token: app.accessToken,
    });
    expect(missing.status).toBe(422);
    expect(missing.body.message).toEqual([
      'companyId should not be empty',
      'appId should not be empty',
    ]);
  });
});

describe('uninstall', () => {
  it("revokes the app's tokens and refresh tokens on that Location", async () => {
    const { emulator, locationId } = setup();
    const app = await installedApp(emulator, { locationId });
    emulator.control.uninstallApp(app.appId, { locationId });
    const res = await call(emulator, 'GET', `/locations/${locationId}`, {
      token: app.accessToken,
    });
    expect(res.status).toBe(401);
    const refresh = await tokenRequest(emulator, app, {
      grant_type: 'refresh_token',
      refresh_token: app.refreshToken,
    });
    expect(refresh.body.error).toBe('invalid_grant');
  });
});

describe('consent screen', () => {
  it('lists where to install, then redirects with a code, as /v2/oauth/chooselocation', async () => {
    const { emulator, locationId } = setup();
    const app = emulator.control.registerApp({
      name: 'Booking Sync',
      redirectUri: 'https://app.example/oauth/callback',
    });
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: app.clientId,
      redirect_uri: 'https://app.example/oauth/callback',
      scope: 'contacts.readonly contacts.write',
    });
    const page = await emulator.fetch(
      new Request(`http://ghl.test/v2/oauth/chooselocation?${query.toString()}`),
    );
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Install Booking Sync');
    expect(html).toContain(`locationId=${locationId}`);

    query.set('locationId', locationId);
    const approved = await emulator.fetch(
      new Request(`http://ghl.test/oauth/chooselocation?${query.toString()}`),
    );
    expect(approved.status).toBe(302);
    const redirect = new URL(approved.headers.get('location')!);
    expect(`${redirect.origin}${redirect.pathname}`).toBe('https://app.example/oauth/callback');
    const code = redirect.searchParams.get('code')!;
    const tokens = await tokenRequest(emulator, app, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'https://app.example/oauth/callback',
    });
    expect(tokens.body.scope).toBe('contacts.readonly contacts.write');
  });

  it('refuses an unknown client id or a redirect URI the app does not have', async () => {
    const { emulator, locationId } = setup();
    const app = emulator.control.registerApp({ redirectUri: 'https://app.example/cb' });
    const unknown = await emulator.fetch(
      new Request('http://ghl.test/oauth/chooselocation?response_type=code&client_id=nope'),
    );
    expect(unknown.status).toBe(400);
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: app.clientId,
      redirect_uri: 'https://evil.example/cb',
      locationId,
    });
    const wrongRedirect = await emulator.fetch(
      new Request(`http://ghl.test/oauth/chooselocation?${query.toString()}`),
    );
    expect(wrongRedirect.status).toBe(400);
    expect(await wrongRedirect.text()).toContain('is not the app&#39;s redirect URI');
  });
});
