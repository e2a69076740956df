import { describe, expect, it } from 'vitest';
import { scriptedFetch } from '../../test/scriptedFetch.js';
import { privateIntegrationToken } from '../auth/privateIntegrationToken.js';
import { HighLevel } from '../highlevel.js';

describe('pipelines.list', () => {
  it('lists a Location’s pipelines with their stages', async () => {
    const pipeline = {
      id: 'p1',
      name: 'Sales',
      locationId: 'loc1',
      stages: [
        { id: 's1', name: 'New', position: 0 },
        { id: 's2', name: 'Won', position: 1 },
      ],
    };
    const script = scriptedFetch({ body: { pipelines: [pipeline] } });
    const auth = privateIntegrationToken('pit-test', { locationId: 'loc1' });
    const hl = new HighLevel({ auth, fetch: script.fetch, rateLimit: false, retry: false });

    const pipelines = await hl.pipelines.list('loc1');

    expect(pipelines[0]?.stages?.find((s) => s.name === 'Won')?.id).toBe('s2');
    const sent = script.sent[0]!;
    expect(sent.url.pathname).toBe('/opportunities/pipelines');
    expect(sent.url.searchParams.get('locationId')).toBe('loc1');
    expect(sent.headers.get('version')).toBe('2021-07-28');
  });
});
