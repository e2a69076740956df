import { describe, expect, it } from 'vitest';
import type { ContactRecord } from '../../contacts/core/model.js';
import type { OpportunityRecord } from './model.js';
import { searchOpportunities, type OpportunityQuery } from './search.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 5, 9, minute)).toISOString();

function opportunity(id: string, minute: number, extra: Partial<OpportunityRecord> = {}) {
  const time = at(minute);
  return {
    id,
    locationId: 'loc',
    name: `Deal ${id}`,
    contactId: 'c1',
    pipelineId: 'p1',
    pipelineStageId: 's1',
    status: 'open',
    monetaryValue: 0,
    customFields: {},
    followers: [],
    lastStatusChangeAt: time,
    lastStageChangeAt: time,
    lastActionDate: time,
    createdAt: time,
    updatedAt: time,
    ...extra,
  } satisfies OpportunityRecord;
}

const contacts: Record<string, ContactRecord> = {
  c1: { id: 'c1', locationId: 'loc', firstName: 'Ada', email: 'ada@example.com' } as ContactRecord,
  c2: { id: 'c2', locationId: 'loc', firstName: 'Bob', phone: '+14155550100' } as ContactRecord,
};

const all = [
  opportunity('a', 1),
  opportunity('b', 2, { status: 'won', contactId: 'c2' }),
  opportunity('c', 3, { pipelineId: 'p2' }),
  opportunity('d', 3, { assignedTo: 'u1' }),
  opportunity('e', 5, { status: 'lost', name: 'Roof repair' }),
];

const base: OpportunityQuery = { order: 'added_desc', limit: 20, page: 1 };
const ids = (query: Partial<OpportunityQuery>) =>
  searchOpportunities(all, contacts, { ...base, ...query }).items.map((o) => o.id);

describe('searchOpportunities', () => {
  it.each([
    [{}, ['e', 'd', 'c', 'b', 'a']],
    [{ order: 'added_asc' as const }, ['a', 'b', 'c', 'd', 'e']],
    [{ status: 'won' }, ['b']],
    [{ status: 'all' }, ['e', 'd', 'c', 'b', 'a']],
    [{ pipelineId: 'p2' }, ['c']],
    [{ contactId: 'c2' }, ['b']],
    [{ assignedTo: 'u1' }, ['d']],
    [{ id: 'a' }, ['a']],
    [{ q: 'roof' }, ['e']],
    [{ q: 'BOB' }, ['b']],
    [{ q: '555' }, ['b']],
    [{ from: Date.parse(at(3)), to: Date.parse(at(4)) }, ['d', 'c']],
  ])('filters %j', (query, expected) => {
    expect(ids(query)).toEqual(expected);
  });

  it('pages by number, with the total of all matches', () => {
    const first = searchOpportunities(all, contacts, { ...base, limit: 2 });
    expect(first.items.map((o) => o.id)).toEqual(['e', 'd']);
    expect([first.total, first.hasMore]).toEqual([5, true]);
    const last = searchOpportunities(all, contacts, { ...base, limit: 2, page: 3 });
    expect(last.items.map((o) => o.id)).toEqual(['a']);
    expect(last.hasMore).toBe(false);
  });

  it('pages by the startAfter/startAfterId cursor, equal times included', () => {
    // d and c were created in the same minute: the id breaks the tie.
    const cursor = { startAfter: Date.parse(at(3)), startAfterId: 'd' };
    expect(ids({ cursor, limit: 2 })).toEqual(['c', 'b']);
    const asc = { startAfter: Date.parse(at(3)), startAfterId: 'c' };
    expect(ids({ cursor: asc, order: 'added_asc' })).toEqual(['d', 'e']);
  });
});
