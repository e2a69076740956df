import { describe, expect, it } from 'vitest';
import { scriptedFetch } from '../../test/scriptedFetch.js';
import { AuthConfigurationError } from '../errors.js';
import { HighLevel } from '../highlevel.js';
import { agencyLocations } from './agencyLocations.js';
import { privateIntegrationToken } from './privateIntegrationToken.js';

function agencyServer() {
  let minted = 0;
  return scriptedFetch((req) => {
    if (req.url.pathname === '/oauth/locationToken') {
      const form = new URLSearchParams(req.body);
      minted++;
      return {
        body: {
          access_token: `loc-token-${form.get('locationId')}-${minted}`,
          expires_in: 86399,
          locationId: form.get('locationId'),
        },
      };
    }
    const location = req.url.searchParams.get('locationId');
    if (req.headers.get('authorization')?.startsWith(`Bearer loc-token-${location}-`))
      return { body: { calendars: [] } };
    return { status: 401, body: { statusCode: 401, message: 'Invalid JWT' } };
  });
}

describe('agencyLocations()', () => {
  it('mints one location token per Location from the agency token, and caches it', async () => {
    const script = agencyServer();
    const auth = agencyLocations(privateIntegrationToken('agency-pit'), { companyId: 'cmp1' });
    const hl = new HighLevel({ auth, fetch: script.fetch, rateLimit: false });
    await Promise.all([
      hl.request('GET', '/calendars/', { query: { locationId: 'locA' } }),
      hl.request('GET', '/calendars/', { query: { locationId: 'locA' } }),
      hl.request('GET', '/calendars/', { query: { locationId: 'locB' } }),
    ]);
    await hl.request('GET', '/calendars/', { query: { locationId: 'locA' } });
    const mints = script.sent.filter((s) => s.url.pathname === '/oauth/locationToken');
    expect(mints.map((m) => new URLSearchParams(m.body).get('locationId')).sort()).toEqual([
      'locA',
      'locB',
    ]);
    expect(mints[0]!.headers.get('authorization')).toBe('Bearer agency-pit');
    expect(mints[0]!.headers.get('version')).toBe('2021-07-28');
    expect(new URLSearchParams(mints[0]!.body).get('companyId')).toBe('cmp1');
  });

  it('says which call lacks a Location instead of sending the agency token', async () => {
    const script = agencyServer();
    const hl = new HighLevel({
      auth: agencyLocations(privateIntegrationToken('agency-pit'), { companyId: 'cmp1' }),
      fetch: script.fetch,
      rateLimit: false,
    });
    await expect(hl.contacts.get('c1')).rejects.toBeInstanceOf(AuthConfigurationError);
    expect(script.sent).toHaveLength(0);
  });
});
