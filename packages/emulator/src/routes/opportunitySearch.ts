/**
 * `GET /opportunities/search` with HighLevel's snake_case query (`location_id`, `pipeline_id`,
 * `contact_id`, …), `limit` up to 100, and `meta` carrying the `startAfter`/`startAfterId`
 * cursor of the page's last opportunity.
 */
import { unprocessable } from '../errors.js';
import { OPPORTUNITY_STATUSES } from '../opportunities/core/model.js';
import { searchOpportunities, type OpportunityQuery } from '../opportunities/core/search.js';
import { opportunityView } from '../opportunities/view.js';
import { route } from '../runtime.js';

/** `mm-dd-yyyy` (the spec's format for `date` and `endDate`) as a UTC day's first or last ms. */
function day(value: string | null, end: boolean, errors: string[], name: string) {
  if (!value) return undefined;
  const m = /^(\d{2})-(\d{2})-(\d{4})$/.exec(value);
  if (!m) {
    errors.push(`${name} must be a date in mm-dd-yyyy format`);
    return undefined;
  }
  const start = Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]));
  return end ? start + 86_399_999 : start;
}

function parseQuery(query: URLSearchParams): OpportunityQuery {
  const errors: string[] = [];
  const text = (name: string) => query.get(name) || undefined;
  const limit = Number(query.get('limit') ?? 20);
  const page = Number(query.get('page') ?? 1);
  if (!query.get('location_id')) errors.push('location_id should not be empty');
  if (!Number.isInteger(limit) || limit < 1) errors.push('limit must be a positive integer');
  if (limit > 100) errors.push('limit must not be greater than 100');
  if (!Number.isInteger(page) || page < 1) errors.push('page must be a positive integer');
  const status = text('status');
  if (status && status !== 'all' && !OPPORTUNITY_STATUSES.some((s) => s === status)) {
    errors.push(
      `status must be one of the following values: ${OPPORTUNITY_STATUSES.join(', ')}, all`,
    );
  }
  const startAfter = text('startAfter');
  const startAfterId = text('startAfterId');
  if (startAfter !== undefined && !Number.isFinite(Number(startAfter))) {
    errors.push('startAfter must be a number (epoch ms)');
  }
  const from = day(query.get('date'), false, errors, 'date');
  const to = day(query.get('endDate'), true, errors, 'endDate');
  if (errors.length > 0) throw unprocessable(errors);
  return {
    pipelineId: text('pipeline_id'),
    pipelineStageId: text('pipeline_stage_id'),
    contactId: text('contact_id'),
    assignedTo: text('assigned_to'),
    id: text('id'),
    status,
    q: text('q'),
    from,
    to,
    order: query.get('order') === 'added_asc' ? 'added_asc' : 'added_desc',
    limit,
    page,
    cursor:
      startAfter !== undefined && startAfterId !== undefined
        ? { startAfter: Number(startAfter), startAfterId }
        : undefined,
  };
}

export const searchOpportunitiesRoute = route(
  'GET',
  '/opportunities/search',
  ({ query, location, rt }) => {
    const parsed = parseQuery(query);
    const mine = Object.values(rt.state.opportunities).filter((o) => o.locationId === location.id);
    const page = searchOpportunities(mine, rt.state.contacts, parsed);
    const last = page.items.at(-1);
    const meta: Record<string, unknown> = { total: page.total };
    if (last) {
      meta.startAfterId = last.id;
      meta.startAfter = Date.parse(last.createdAt);
    }
    if (!parsed.cursor) {
      meta.currentPage = parsed.page;
      if (page.hasMore) meta.nextPage = parsed.page + 1;
      if (parsed.page > 1) meta.prevPage = parsed.page - 1;
    }
    return {
      status: 200,
      body: {
        opportunities: page.items.map((o) => opportunityView(rt.state, o)),
        meta,
        aggregations: {},
      },
    };
  },
);

export const opportunitySearchRoutes = [searchOpportunitiesRoute];
