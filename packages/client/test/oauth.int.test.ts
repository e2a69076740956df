/**
 * OAuth tokens of an app installed through the emulator's consent step: expiry on the shared
 * clock, refresh-token rotation (a used refresh token is dead), and what the client's `oauth()`
 * auth does about both; and an agency token entering its Locations (`agencyLocations()`).
 * Token requests are counted in the emulator's request log.
 */
import {
  agencyLocations,
  oauth,
  TokenRefreshError,
  type HighLevel,
  type OAuthTokens,
} from '@ghl-bridge/client';
import { describe, expect, it, vi } from 'vitest';
import { calls, emulatorClient, rejectionOf, statuses } from './emulatorClient.js';

/** HighLevel's access tokens last 86,399 s. */
const DAY_MS = 86_399_000;

/** An app installed on the Location, its code traded for tokens, and a store for rotations. */
async function installedApp() {
  const harness = emulatorClient();
  const { emulator, hl, locationId } = harness;
  const app = emulator.control.registerApp({ name: 'Booking bridge' });
  const { code } = emulator.control.installApp(app.appId, { locationId });
  const installTokens = await hl.oauth.exchangeCode({
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    code,
    userType: 'Location',
  });
  const stored: OAuthTokens[] = [installTokens];
  /** A client as a process would start it: from the tokens last stored, saving every rotation. */
  const appClient = (
    tokens: OAuthTokens = stored.at(-1)!,
    onTokens: (t: OAuthTokens) => void | Promise<void> = (t) => void stored.push(t),
  ): HighLevel =>
    harness.client({
      auth: oauth({ clientId: app.clientId, clientSecret: app.clientSecret, tokens, onTokens }),
    });
  const tokenRequests = () => calls(emulator.control.requests(), 'POST', '/oauth/token');
  return { ...harness, app, installTokens, stored, appClient, tokenRequests };
}

describe('oauth() auth against the emulator', () => {
  it('the install code is traded for Location tokens that work', async () => {
    const { installTokens, appClient, locationId } = await installedApp();

    expect(installTokens).toMatchObject({ userType: 'Location', locationId });
    expect(installTokens.refreshToken).toEqual(expect.any(String));
    expect((await appClient().locations.get(locationId)).id).toBe(locationId);
  });

  it('an expired access token is refreshed once, and the rotated tokens are saved before the new access token is used', async () => {
    const { appClient, clock, locationId, stored, installTokens, requests, tokenRequests } =
      await installedApp();
    let release!: () => void;
    const saving = new Promise<void>((resolve) => (release = resolve));
    const hl = appClient(installTokens, async (tokens) => {
      stored.push(tokens);
      await saving; // a slow database write
    });
    await clock.advance(DAY_MS);

    const location = hl.locations.get(locationId);
    await vi.waitFor(() => expect(stored).toHaveLength(2));
    expect(calls(requests(), 'GET', '/locations/{locationId}')).toEqual([]);
    release();

    expect((await location).id).toBe(locationId);
    expect(statuses(tokenRequests())).toEqual([200, 200]); // the install's code, then one refresh
    expect(stored[1]!.refreshToken).not.toBe(installTokens.refreshToken);
    expect(statuses(calls(requests(), 'GET', '/locations/{locationId}'))).toEqual([200]);
  });

  it('an access token HighLevel no longer accepts (401) is refreshed once and the call succeeds', async () => {
    const { appClient, clock, locationId, installTokens, requests, tokenRequests } =
      await installedApp();
    // The stored expiry is wrong: the client believes the token good for another day.
    const hl = appClient({ ...installTokens, expiresAt: clock.now() + 2 * DAY_MS });
    await clock.advance(DAY_MS);

    expect((await hl.locations.get(locationId)).id).toBe(locationId);
    expect(statuses(calls(requests(), 'GET', '/locations/{locationId}'))).toEqual([401, 200]);
    expect(tokenRequests()).toHaveLength(2);
  });

  it('100 concurrent calls with an expired token: one /oauth/token request, all 100 succeed', async () => {
    const { appClient, clock, locationId, drive, tokenRequests, stored } = await installedApp();
    const hl = appClient();
    await clock.advance(DAY_MS);

    const locations = await drive(
      Promise.all(Array.from({ length: 100 }, () => hl.locations.get(locationId))),
    );

    expect(locations.filter((l) => l.id === locationId)).toHaveLength(100);
    expect(tokenRequests()).toHaveLength(2); // the install's code, then one refresh
    expect(stored).toHaveLength(2);
  });

  it('the rotated refresh token is the one that works: a restart from the saved tokens refreshes, one from the old tokens cannot', async () => {
    const { appClient, clock, locationId, installTokens, stored } = await installedApp();
    await clock.advance(DAY_MS);
    await appClient().locations.get(locationId); // refreshes, saves the rotation
    await clock.advance(DAY_MS);

    // A process that restarts from what was saved carries on.
    expect((await appClient().locations.get(locationId)).id).toBe(locationId);
    expect(stored).toHaveLength(3);

    // One that lost the rotation holds a dead refresh token: a clear error, sent once.
    const stale = appClient(installTokens);
    const error = await rejectionOf(stale.locations.get(locationId));
    expect(error).toBeInstanceOf(TokenRefreshError);
    expect(error).toMatchObject({ code: 'token_refresh_failed', status: 400 });
  });

  it('after the app is uninstalled: token_refresh_failed, no loop of refreshes', async () => {
    const { appClient, emulator, app, locationId, tokenRequests, requests } = await installedApp();
    const hl = appClient();
    emulator.control.uninstallApp(app.appId, { locationId });

    const error = await rejectionOf(hl.locations.get(locationId));

    expect(error).toBeInstanceOf(TokenRefreshError);
    expect(statuses(tokenRequests())).toEqual([200, 400]);
    expect(statuses(calls(requests(), 'GET', '/locations/{locationId}'))).toEqual([401]);
  });

  it('an agency token enters its Locations: one /oauth/locationToken per Location, however many calls', async () => {
    const { emulator, hl, client, companyId, locationId, drive } = emulatorClient();
    const second = emulator.control.createLocation({ name: 'Second salon', companyId });
    const app = emulator.control.registerApp({ name: 'Agency dashboard' });
    const { code } = emulator.control.installApp(app.appId, { companyId });
    const credentials = { clientId: app.clientId, clientSecret: app.clientSecret };
    const tokens = await hl.oauth.exchangeCode({ ...credentials, code, userType: 'Company' });
    const agency = client({
      auth: agencyLocations(oauth({ ...credentials, tokens, onTokens: () => undefined }), {
        companyId,
      }),
    });

    const got = await drive(
      Promise.all(
        [locationId, second.locationId].flatMap((id) =>
          Array.from({ length: 20 }, () => agency.locations.get(id)),
        ),
      ),
    );

    expect(got.filter((l) => l.id === locationId)).toHaveLength(20);
    expect(got.filter((l) => l.id === second.locationId)).toHaveLength(20);
    const minted = calls(emulator.control.requests(), 'POST', '/oauth/locationToken');
    expect(statuses(minted)).toEqual([200, 200]);
  });
});
