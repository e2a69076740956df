/**
 * `GET /opportunities/search` as a pure function over stored opportunities: filters, order
 * (`added_desc` by default), and the two ways HighLevel pages — `page`, or the
 * `startAfter` (createdAt in ms) + `startAfterId` cursor of the previous page's `meta`.
 */
import type { ContactRecord } from '../../contacts/core/model.js';
import type { OpportunityRecord } from './model.js';

export interface OpportunityQuery {
  pipelineId?: string;
  pipelineStageId?: string;
  contactId?: string;
  /** `all` (or absent) for every status. */
  status?: string;
  assignedTo?: string;
  id?: string;
  /** Free text: the opportunity's name, its contact's name, email or phone. */
  q?: string;
  /** Created on or after / on or before these instants (epoch ms). */
  from?: number;
  to?: number;
  order: 'added_asc' | 'added_desc';
  limit: number;
  page: number;
  cursor?: { startAfter: number; startAfterId: string };
}

export interface OpportunityPage {
  items: OpportunityRecord[];
  total: number;
  /** Set when more opportunities follow this page. */
  hasMore: boolean;
}

const created = (o: OpportunityRecord) => Date.parse(o.createdAt);

function matches(
  o: OpportunityRecord,
  query: OpportunityQuery,
  contacts: Record<string, ContactRecord>,
): boolean {
  const equal: [string | undefined, string | undefined][] = [
    [query.pipelineId, o.pipelineId],
    [query.pipelineStageId, o.pipelineStageId],
    [query.contactId, o.contactId],
    [query.assignedTo, o.assignedTo],
    [query.id, o.id],
  ];
  if (equal.some(([wanted, actual]) => wanted !== undefined && wanted !== actual)) return false;
  if (query.status && query.status !== 'all' && query.status !== o.status) return false;
  if (query.from !== undefined && created(o) < query.from) return false;
  if (query.to !== undefined && created(o) > query.to) return false;
  if (query.q) {
    const text = query.q.toLowerCase();
    const contact = contacts[o.contactId];
    const haystack = [o.name, contact?.firstName, contact?.lastName, contact?.name]
      .concat([contact?.email, contact?.phone])
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.toLowerCase());
    if (!haystack.some((v) => v.includes(text))) return false;
  }
  return true;
}

/** Orders by createdAt (then id, so equal times keep a stable order). */
function compare(order: OpportunityQuery['order']) {
  const sign = order === 'added_asc' ? 1 : -1;
  return (a: { at: number; id: string }, b: { at: number; id: string }) =>
    sign * (a.at - b.at || a.id.localeCompare(b.id));
}

/**
 * One page of the opportunities matching `query`.
 *
 * @example
 * searchOpportunities(all, contacts, { order: 'added_desc', limit: 20, page: 1, status: 'open' });
 */
export function searchOpportunities(
  opportunities: OpportunityRecord[],
  contacts: Record<string, ContactRecord>,
  query: OpportunityQuery,
): OpportunityPage {
  const order = compare(query.order);
  const sorted = opportunities
    .filter((o) => matches(o, query, contacts))
    .sort((a, b) => order({ at: created(a), id: a.id }, { at: created(b), id: b.id }));
  const { cursor } = query;
  const start = cursor
    ? sorted.filter(
        (o) =>
          order({ at: created(o), id: o.id }, { at: cursor.startAfter, id: cursor.startAfterId }) <=
          0,
      ).length
    : (query.page - 1) * query.limit;
  const items = sorted.slice(start, start + query.limit);
  return { items, total: sorted.length, hasMore: start + query.limit < sorted.length };
}
