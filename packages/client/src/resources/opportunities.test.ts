import { describe, expect, it } from 'vitest';
import { scriptedFetch, type Reply, type SentRequest } from '../../test/scriptedFetch.js';
import { privateIntegrationToken } from '../auth/privateIntegrationToken.js';
import { HighLevel } from '../highlevel.js';

function client(...replies: Reply[]) {
  const script = scriptedFetch(...replies);
  const auth = privateIntegrationToken('pit-test', { locationId: 'loc1' });
  const hl = new HighLevel({ auth, fetch: script.fetch, rateLimit: false, retry: false });
  return { hl, script };
}

const opp = (n: number) => ({ id: `o${n}`, name: `Deal ${n}`, status: 'open', createdAt: `${n}` });

/**
 * `count` opportunities in pages of `limit`, continued from the `startAfter`/`startAfterId`
 * cursor; the meta of a page always carries the cursor of its last item, as HighLevel does.
 */
function opportunityPages(count: number) {
  const all = Array.from({ length: count }, (_, i) => opp(i));
  return (request: SentRequest): Reply => {
    const q = request.url.searchParams;
    const limit = Number(q.get('limit'));
    const after = q.get('startAfterId');
    const from = after ? all.findIndex((o) => o.id === after) + 1 : 0;
    const page = all.slice(from, from + limit);
    const last = page.at(-1);
    const meta = last
      ? { total: count, startAfterId: last.id, startAfter: 1_700_000_000_000 + from + page.length }
      : { total: count };
    return { body: { opportunities: page, meta, aggregations: {} } };
  };
}

describe('opportunities.search', () => {
  it('sends HighLevel’s snake_case parameters', async () => {
    const { hl, script } = client({ body: { opportunities: [opp(1)], meta: { total: 1 } } });
    const page = await hl.opportunities.search({
      locationId: 'loc1',
      pipelineId: 'p1',
      pipelineStageId: 's1',
      contactId: 'c1',
      assignedTo: 'u1',
      query: 'roof',
      status: 'open',
      limit: 10,
    });
    expect(page).toEqual({ opportunities: [opp(1)], meta: { total: 1 } });
    const sent = script.sent[0]!;
    expect(sent.url.pathname).toBe('/opportunities/search');
    expect(sent.headers.get('version')).toBe('2021-07-28');
    expect(Object.fromEntries(sent.url.searchParams)).toEqual({
      location_id: 'loc1',
      pipeline_id: 'p1',
      pipeline_stage_id: 's1',
      contact_id: 'c1',
      assigned_to: 'u1',
      q: 'roof',
      status: 'open',
      limit: '10',
    });
  });

  it('searchAll follows the meta cursor and stops after a short page', async () => {
    const { hl, script } = client(opportunityPages(250));
    const ids = [];
    for await (const o of hl.opportunities.searchAll({ locationId: 'loc1' })) ids.push(o.id);
    expect(ids).toEqual(Array.from({ length: 250 }, (_, i) => `o${i}`));
    expect(script.sent).toHaveLength(3);
    const cursors = script.sent.map((s) => [
      s.url.searchParams.get('startAfterId'),
      s.url.searchParams.get('startAfter'),
      s.url.searchParams.get('limit'),
    ]);
    expect(cursors).toEqual([
      [null, null, '100'],
      ['o99', '1700000000100', '100'],
      ['o199', '1700000000200', '100'],
    ]);
  });

  it('searchAll stops at an empty page when the total is a multiple of the page size', async () => {
    const { hl, script } = client(opportunityPages(4));
    const ids = [];
    for await (const o of hl.opportunities.searchAll({ locationId: 'loc1', limit: 2 }))
      ids.push(o.id);
    expect(ids).toEqual(['o0', 'o1', 'o2', 'o3']);
    expect(script.sent).toHaveLength(3);
  });

  it('searchAll stops, without repeating items, when HighLevel ignores the cursor', async () => {
    const full = { opportunities: [opp(0), opp(1)], meta: { startAfterId: 'o1', startAfter: 5 } };
    const { hl, script } = client({ body: full });
    const ids = [];
    for await (const o of hl.opportunities.searchAll({ locationId: 'loc1', limit: 2 }))
      ids.push(o.id);
    expect(script.sent).toHaveLength(2);
    expect(ids).toEqual(['o0', 'o1']);
  });
});

describe('opportunities CRUD', () => {
  it('creates, gets, updates, sets the status of and deletes an opportunity', async () => {
    const { hl, script } = client(
      { status: 201, body: { opportunity: opp(1) } },
      { body: { opportunity: opp(1) } },
      { body: { opportunity: { ...opp(1), monetaryValue: 1200 } } },
      { body: { succeded: true } },
      { body: { succeded: true } },
    );
    const input = {
      locationId: 'loc1',
      pipelineId: 'p1',
      contactId: 'c1',
      name: 'Deal 1',
      status: 'open' as const,
    };
    expect(await hl.opportunities.create(input)).toEqual(opp(1));
    expect(await hl.opportunities.get('o1')).toEqual(opp(1));
    expect((await hl.opportunities.update('o1', { monetaryValue: 1200 })).monetaryValue).toBe(1200);
    await hl.opportunities.updateStatus('o1', 'lost', { lostReasonId: 'lr1' });
    await hl.opportunities.delete('o1');

    expect(script.sent.map((s) => `${s.method} ${s.url.pathname}`)).toEqual([
      'POST /opportunities/',
      'GET /opportunities/o1',
      'PUT /opportunities/o1',
      'PUT /opportunities/o1/status',
      'DELETE /opportunities/o1',
    ]);
    expect(JSON.parse(script.sent[0]!.body!)).toEqual(input);
    expect(JSON.parse(script.sent[3]!.body!)).toEqual({ lostReasonId: 'lr1', status: 'lost' });
    expect(new Set(script.sent.map((s) => s.headers.get('version')))).toEqual(
      new Set(['2021-07-28']),
    );
  });

  it('upserts without the follower fields the spec marks required', async () => {
    const { hl, script } = client({ body: { opportunity: opp(1), new: true, traceId: 't' } });
    const input = {
      locationId: 'loc1',
      pipelineId: 'p1',
      contactId: 'c1',
      name: 'Deal 1',
      monetaryValue: 220,
    };
    expect(await hl.opportunities.upsert(input)).toEqual({ opportunity: opp(1), new: true });
    const sent = script.sent[0]!;
    expect(sent.url.pathname).toBe('/opportunities/upsert');
    expect(sent.headers.get('version')).toBe('2021-07-28');
    expect(JSON.parse(sent.body!)).toEqual(input);
  });
});
