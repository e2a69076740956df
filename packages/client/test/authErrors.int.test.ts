/**
 * HighLevel's auth triad, as the emulator answers it, reaching the caller as typed errors with a
 * stable `code`: a bad token, a token without the operation's scope, a token of another
 * Location. None is retried, and the token never appears in the error.
 */
import {
  AuthenticationError,
  LocationAccessError,
  privateIntegrationToken,
  ScopeError,
} from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { emulatorClient, rejectionOf, statuses } from './emulatorClient.js';

describe('auth errors from the emulator, as typed errors', () => {
  it('an unknown token is invalid_token (401 Invalid JWT), sent once', async () => {
    const { client, locationId, requests } = emulatorClient();
    const token = 'pit-11111111-2222-4333-8444-555555555555';
    const hl = client({ auth: privateIntegrationToken(token, { locationId }) });

    const error = await rejectionOf(hl.locations.get(locationId));

    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ code: 'invalid_token', status: 401 });
    expect((error as Error).message).toContain('Invalid JWT');
    expect(JSON.stringify(error)).not.toContain(token);
    expect(statuses(requests())).toEqual([401]);
  });

  it('a revoked token and an expired token are invalid_token too', async () => {
    const { client, emulator, clock, locationId } = emulatorClient();
    const revoked = emulator.control.createToken(locationId).token;
    const shortLived = emulator.control.createToken(locationId, {
      expiresAt: clock.now() + 60_000,
    }).token;
    const as = (token: string) => client({ auth: privateIntegrationToken(token, { locationId }) });
    await as(revoked).locations.get(locationId);
    await as(shortLived).locations.get(locationId);

    emulator.control.revokeToken(revoked);
    await clock.advance(60_000);

    expect(await rejectionOf(as(revoked).locations.get(locationId))).toMatchObject({
      code: 'invalid_token',
    });
    expect(await rejectionOf(as(shortLived).locations.get(locationId))).toMatchObject({
      code: 'invalid_token',
    });
  });

  it('a token without the scope is scope_not_authorized; what it holds still works', async () => {
    const { client, emulator, locationId, requests } = emulatorClient();
    const { token } = emulator.control.createToken(locationId, { scopes: ['contacts.readonly'] });
    const hl = client({ auth: privateIntegrationToken(token, { locationId }) });

    const error = await rejectionOf(hl.contacts.create({ locationId, email: 'ada@example.com' }));

    expect(error).toBeInstanceOf(ScopeError);
    expect(error).toMatchObject({ code: 'scope_not_authorized', status: 401 });
    expect(emulator.control.locationState(locationId).contacts).toEqual([]);
    expect(await hl.contacts.findDuplicate({ locationId, email: 'ada@example.com' })).toBeNull();
    expect(statuses(requests())).toEqual([401, 200]);
  });

  it("another Location's data is location_access_denied (403)", async () => {
    const { hl, emulator, locationId, requests } = emulatorClient();
    const other = emulator.control.createLocation({ name: 'Another salon' });

    const error = await rejectionOf(hl.locations.get(other.locationId));
    expect(error).toBeInstanceOf(LocationAccessError);
    expect(error).toMatchObject({ code: 'location_access_denied', status: 403 });

    expect(
      await rejectionOf(
        hl.contacts.create({ locationId: other.locationId, email: 'a@example.com' }),
      ),
    ).toMatchObject({ code: 'location_access_denied' });
    expect(emulator.control.locationState(other.locationId).contacts).toEqual([]);
    expect(emulator.control.locationState(locationId).contacts).toEqual([]);
    expect(statuses(requests())).toEqual([403, 403]);
  });
});
