/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument --
   response bodies are checked against the spec by the harness; tests read them as loose JSON. */
import { manualClock } from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { setup } from '../../test/harness.js';

async function withOpportunities(count: number) {
  const clock = manualClock(Date.parse('2026-02-02T10:00:00Z'));
  const s = setup({ clock });
  const pipeline = s.emulator.control.createPipeline(s.locationId, { stages: ['New', 'Won'] });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const contact = await s.api('POST', '/contacts/', {
      body: { locationId: s.locationId, email: `c${i}@example.com` },
    });
    const created = await s.api('POST', '/opportunities/', {
      body: {
        locationId: s.locationId,
        pipelineId: pipeline.id,
        contactId: contact.body.contact.id,
        name: `Deal ${i}`,
        status: i % 2 === 0 ? 'open' : 'won',
      },
    });
    ids.push(created.body.opportunity.id as string);
    await clock.advance(60_000);
  }
  return { ...s, pipeline, ids };
}

describe('GET /opportunities/search', () => {
  it('filters with snake_case parameters, newest first', async () => {
    const { api, locationId, pipeline, ids } = await withOpportunities(4);
    const res = await api(
      'GET',
      `/opportunities/search?location_id=${locationId}&pipeline_id=${pipeline.id}&status=open`,
    );
    expect(res.status).toBe(200);
    expect(res.body.opportunities.map((o: { id: string }) => o.id)).toEqual([ids[2], ids[0]]);
    expect(res.body.meta).toMatchObject({ total: 2, currentPage: 1 });
    const byText = await api('GET', `/opportunities/search?location_id=${locationId}&q=c3@`);
    expect(byText.body.opportunities.map((o: { name: string }) => o.name)).toEqual(['Deal 3']);
  });

  it('follows the meta cursor to the end, as the client does', async () => {
    const { api, locationId, ids } = await withOpportunities(5);
    const seen: string[] = [];
    let cursor = '';
    for (let page = 0; page < 5; page++) {
      const res = await api(
        'GET',
        `/opportunities/search?location_id=${locationId}&limit=2${cursor}`,
      );
      seen.push(...res.body.opportunities.map((o: { id: string }) => o.id));
      if (res.body.opportunities.length < 2) break;
      const { startAfter, startAfterId } = res.body.meta;
      cursor = `&startAfter=${startAfter}&startAfterId=${startAfterId}`;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('numbers pages when paged by `page`', async () => {
    const { api, locationId } = await withOpportunities(3);
    const res = await api('GET', `/opportunities/search?location_id=${locationId}&limit=1&page=2`);
    expect(res.body.meta).toMatchObject({ total: 3, currentPage: 2, nextPage: 3, prevPage: 1 });
  });

  it('422s without location_id or past limit 100; 403 for another Location', async () => {
    const { api, emulator, locationId } = await withOpportunities(0);
    const missing = await api('GET', '/opportunities/search');
    expect(missing.status).toBe(422);
    expect(missing.body.message).toEqual(['location_id should not be empty']);
    const big = await api('GET', `/opportunities/search?location_id=${locationId}&limit=101`);
    expect(big.body.message).toEqual(['limit must not be greater than 100']);
    const other = emulator.control.createLocation();
    const foreign = await api('GET', `/opportunities/search?location_id=${other.locationId}`);
    expect(foreign.status).toBe(403);
  });
});
