import { describe, expect, it } from 'vitest';
import { scriptedFetch, type Reply } from '../../test/scriptedFetch.js';
import { privateIntegrationToken } from '../auth/privateIntegrationToken.js';
import { HighLevel } from '../highlevel.js';

function client(...replies: Reply[]) {
  const script = scriptedFetch(...replies);
  const auth = privateIntegrationToken('pit-test', { locationId: 'loc1' });
  const hl = new HighLevel({ auth, fetch: script.fetch, rateLimit: false, retry: false });
  return { hl, script };
}

const tokenAnswer = {
  access_token: 'at-1',
  token_type: 'Bearer',
  expires_in: 86399,
  refresh_token: 'rt-1',
  scope: 'contacts.readonly calendars.write',
  userType: 'Location',
  locationId: 'loc1',
  companyId: 'co1',
  userId: 'u1',
};

describe('oauth', () => {
  it('exchanges an authorization code with a form body and no Version header', async () => {
    const { hl, script } = client({ body: tokenAnswer });
    const before = Date.now();
    const tokens = await hl.oauth.exchangeCode({
      clientId: 'client-1',
      clientSecret: 'secret-1',
      code: 'code-1',
      redirectUri: 'https://app.example.com/oauth/callback',
      userType: 'Location',
    });
    const after = Date.now();

    expect(tokens).toMatchObject({
      accessToken: 'at-1',
      refreshToken: 'rt-1',
      scope: 'contacts.readonly calendars.write',
      userType: 'Location',
      locationId: 'loc1',
      companyId: 'co1',
      userId: 'u1',
    });
    expect(tokens.expiresAt).toBeGreaterThanOrEqual(before + 86_399_000);
    expect(tokens.expiresAt).toBeLessThanOrEqual(after + 86_399_000);

    const sent = script.sent[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.url.pathname).toBe('/oauth/token');
    expect(sent.headers.get('version')).toBeNull();
    // The install has no token yet; the client's own must not leak to the token endpoint.
    expect(sent.headers.get('authorization')).toBeNull();
    expect(sent.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(sent.body))).toEqual({
      client_id: 'client-1',
      client_secret: 'secret-1',
      grant_type: 'authorization_code',
      code: 'code-1',
      redirect_uri: 'https://app.example.com/oauth/callback',
      user_type: 'Location',
    });
  });

  it('refreshes with grant_type=refresh_token and leaves out what was not given', async () => {
    const { hl, script } = client({ body: { ...tokenAnswer, refresh_token: 'rt-2' } });
    const tokens = await hl.oauth.refresh({
      clientId: 'client-1',
      clientSecret: 'secret-1',
      refreshToken: 'rt-1',
    });
    expect(tokens.refreshToken).toBe('rt-2');
    expect(Object.fromEntries(new URLSearchParams(script.sent[0]!.body))).toEqual({
      client_id: 'client-1',
      client_secret: 'secret-1',
      grant_type: 'refresh_token',
      refresh_token: 'rt-1',
    });
  });

  it('mints a Location token from the agency token, form-encoded, with the oauth Version', async () => {
    const { hl, script } = client({
      body: { access_token: 'loc-at', expires_in: 3600, locationId: 'loc9', userId: 'u1' },
    });
    const tokens = await hl.oauth.locationToken({ companyId: 'co1', locationId: 'loc9' });
    expect(tokens).toMatchObject({ accessToken: 'loc-at', locationId: 'loc9' });
    expect(tokens.refreshToken).toBeUndefined();
    const sent = script.sent[0]!;
    expect(sent.url.pathname).toBe('/oauth/locationToken');
    expect(sent.headers.get('version')).toBe('2021-07-28');
    expect(sent.headers.get('authorization')).toBe('Bearer pit-test');
    expect(sent.body).toBe('companyId=co1&locationId=loc9');
  });

  it('lists the agency’s installed Locations', async () => {
    const answer = {
      locations: [{ _id: 'loc1', name: 'Clinic', address: '1 Main St', isInstalled: true }],
      count: 1,
    };
    const { hl, script } = client({ body: answer });
    expect(
      await hl.oauth.installedLocations({ companyId: 'co1', appId: 'app1', isInstalled: true }),
    ).toEqual(answer);
    const sent = script.sent[0]!;
    expect(sent.url.pathname).toBe('/oauth/installedLocations');
    expect(Object.fromEntries(sent.url.searchParams)).toEqual({
      companyId: 'co1',
      appId: 'app1',
      isInstalled: 'true',
    });
  });

  it('raises a typed error when HighLevel rejects the code', async () => {
    const { hl } = client({
      status: 401,
      body: { statusCode: 401, message: 'Invalid grant: authorization code is invalid' },
    });
    await expect(
      hl.oauth.exchangeCode({ clientId: 'client-1', clientSecret: 'secret-1', code: 'used' }),
    ).rejects.toMatchObject({ status: 401 });
  });
});
