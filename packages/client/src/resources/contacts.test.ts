import { describe, expect, it } from 'vitest';
import { scriptedFetch } from '../../test/scriptedFetch.js';
import { privateIntegrationToken } from '../auth/privateIntegrationToken.js';
import { HighLevel } from '../highlevel.js';

describe('contacts.upsert', () => {
  it('sends only the fields given, leaving createNewIfDuplicateAllowed to HighLevel’s default', async () => {
    const contact = { id: 'c1', email: 'ada@example.com', locationId: 'loc1' };
    const script = scriptedFetch({ body: { new: false, contact, traceId: 't' } });
    const auth = privateIntegrationToken('pit-test', { locationId: 'loc1' });
    const hl = new HighLevel({ auth, fetch: script.fetch, rateLimit: false, retry: false });

    const result = await hl.contacts.upsert({ locationId: 'loc1', email: 'ada@example.com' });

    expect(result).toEqual({ contact, new: false });
    const sent = script.sent[0]!;
    expect(sent.url.pathname).toBe('/contacts/upsert');
    expect(sent.headers.get('version')).toBe('2021-07-28');
    expect(JSON.parse(sent.body!)).toEqual({ locationId: 'loc1', email: 'ada@example.com' });
  });
});
