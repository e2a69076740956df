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

describe('locations', () => {
  it('gets a Location out of { location }', async () => {
    const location = { id: 'loc1', name: 'Clinic', timezone: 'America/Chicago' };
    const { hl, script } = client({ body: { location } });
    expect(await hl.locations.get('loc1')).toEqual(location);
    expect(script.sent[0]!.url.pathname).toBe('/locations/loc1');
    expect(script.sent[0]!.headers.get('version')).toBe('2021-07-28');
  });

  it('lists the Location’s tags and creates one (HighLevel answers 200, not 201)', async () => {
    const vip = { id: 't1', name: 'vip', locationId: 'loc1' };
    const { hl, script } = client({ body: { tags: [vip] } }, { status: 200, body: { tag: vip } });
    expect(await hl.locations.listTags('loc1')).toEqual([vip]);
    expect(await hl.locations.createTag('loc1', 'vip')).toEqual(vip);
    expect(script.sent.map((s) => `${s.method} ${s.url.pathname}`)).toEqual([
      'GET /locations/loc1/tags',
      'POST /locations/loc1/tags',
    ]);
    expect(script.sent[1]!.body).toBe('{"name":"vip"}');
  });
});
