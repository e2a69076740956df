/**
 * The OAuth flow end to end with `@ghl-bridge/client` as an app would use it: exchange the
 * install's code, let `oauth()` refresh when the access token expires on the emulator clock, and
 * enter Locations from an agency token with `agencyLocations()`.
 */
import {
  agencyLocations,
  HighLevel,
  manualClock,
  oauth,
  privateIntegrationToken,
  TokenRefreshError,
  type AuthProvider,
  type OAuthTokens,
} from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { createEmulator, emulatorFetch } from '../index.js';

const BASE = 'http://ghl.test';

function world() {
  const clock = manualClock(Date.parse('2026-07-01T09:00:00Z'));
  const emulator = createEmulator({ clock });
  const { locationId, companyId } = emulator.control.createLocation({ name: 'Salon' });
  const app = emulator.control.registerApp();
  const client = (auth: AuthProvider) =>
    new HighLevel({
      auth,
      fetch: emulatorFetch(emulator),
      baseUrl: BASE,
      clock,
      rateLimit: false,
      retry: false,
    });
  return { clock, emulator, locationId, companyId, app, client };
}

describe('@ghl-bridge/client against the emulator', () => {
  it('exchanges the code, refreshes on expiry and stores the rotated refresh token', async () => {
    const { clock, emulator, locationId, app, client } = world();
    const { code } = emulator.control.installApp(app.appId, { locationId });
    const installer = client(privateIntegrationToken('not-used-by-/oauth/token'));
    const first = await installer.oauth.exchangeCode({
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      code,
    });
    expect(first).toMatchObject({ userType: 'Location', locationId });

    const saved: OAuthTokens[] = [];
    const hl = client(
      oauth({
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        tokens: first,
        onTokens: (t) => void saved.push(t),
      }),
    );
    expect((await hl.locations.get(locationId)).id).toBe(locationId);
    expect(saved).toEqual([]);

    await clock.advance(86_399_000);
    expect((await hl.locations.get(locationId)).id).toBe(locationId);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.refreshToken).not.toBe(first.refreshToken);

    // The refresh token the client replaced is dead: a second process holding it cannot refresh.
    const stale = client(
      oauth({
        clientId: app.clientId,
        clientSecret: app.clientSecret,
        tokens: { ...first, expiresAt: 0 },
        onTokens: () => {},
      }),
    );
    await expect(stale.locations.get(locationId)).rejects.toBeInstanceOf(TokenRefreshError);
  });

  it('enters a Location from an agency token with agencyLocations()', async () => {
    const { emulator, locationId, companyId, app, client } = world();
    const { code } = emulator.control.installApp(app.appId, { companyId });
    const installer = client(privateIntegrationToken('not-used-by-/oauth/token'));
    const agencyTokens = await installer.oauth.exchangeCode({
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      code,
    });
    expect(agencyTokens.userType).toBe('Company');
    const hl = client(
      agencyLocations(
        oauth({
          clientId: app.clientId,
          clientSecret: app.clientSecret,
          tokens: agencyTokens,
          onTokens: () => {},
        }),
        { companyId },
      ),
    );
    const contact = await hl.contacts.create(
      { locationId, email: 'ada@example.com' },
      { locationId },
    );
    expect(emulator.control.locationState(locationId).contacts.map((c) => c.id)).toEqual([
      contact.id,
    ]);
  });
});
