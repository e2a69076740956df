/**
 * Finding contacts: `POST /contacts/search`, `GET /contacts/search/duplicate` and the deprecated
 * `GET /contacts/` list. The search body is not in the spec (`SearchBodyV2DTO` is empty); its
 * fields follow HighLevel's search documentation
 * (docs/highlevel-behaviour.md#contact-search).
 */
import { findMatch } from '../contacts/core/match.js';
import {
  OPERATORS,
  searchContacts,
  type Filter,
  type SearchRequest,
} from '../contacts/core/search.js';
import { contactView } from '../contacts/view.js';
import { unprocessable } from '../errors.js';
import { route } from '../runtime.js';
import type { ContactRecord } from '../contacts/core/model.js';

const SEARCH_FIELDS = new Set([
  'locationId',
  'pageLimit',
  'page',
  'searchAfter',
  'filters',
  'sort',
  'query',
]);
/** Documented limits: at most 500 per page, 10,000 results through `page` paging. */
const MAX_PAGE_LIMIT = 500;
const MAX_PAGED_RESULTS = 10_000;

function filterErrors(filters: unknown, path: string): string[] {
  if (!Array.isArray(filters)) return [`${path} must be an array`];
  return filters.flatMap((f: unknown, i): string[] => {
    const at = `${path}.${i}`;
    if (typeof f !== 'object' || f === null) return [`${at} must be an object`];
    const filter = f as Record<string, unknown>;
    if ('group' in filter) {
      if (filter.group !== 'AND' && filter.group !== 'OR') {
        return [`${at}.group must be one of the following values: AND, OR`];
      }
      return filterErrors(filter.filters, `${at}.filters`);
    }
    const errors: string[] = [];
    if (typeof filter.field !== 'string' || filter.field === '') {
      errors.push(`${at}.field should not be empty`);
    }
    if (!OPERATORS.includes(filter.operator as never)) {
      errors.push(`${at}.operator must be one of the following values: ${OPERATORS.join(', ')}`);
    }
    return errors;
  });
}

/** The search body checked field by field; 422 with every problem found. */
function searchRequest(body: unknown): SearchRequest {
  const b = (body ?? {}) as Record<string, unknown>;
  const errors: string[] = [];
  for (const key of Object.keys(b)) {
    if (!SEARCH_FIELDS.has(key)) errors.push(`property ${key} should not exist`);
  }
  if (typeof b.locationId !== 'string' || b.locationId === '') {
    errors.push('locationId should not be empty');
  }
  const { pageLimit, page } = b;
  if (typeof pageLimit !== 'number' || !Number.isInteger(pageLimit) || pageLimit < 1) {
    errors.push('pageLimit must be a positive integer');
  } else if (pageLimit > MAX_PAGE_LIMIT) {
    errors.push(`pageLimit must not be greater than ${MAX_PAGE_LIMIT}`);
  }
  if (page !== undefined && (typeof page !== 'number' || !Number.isInteger(page) || page < 1)) {
    errors.push('page must be a positive integer');
  }
  if (b.searchAfter !== undefined && !Array.isArray(b.searchAfter)) {
    errors.push('searchAfter must be an array');
  }
  if (b.searchAfter !== undefined && page !== undefined) {
    errors.push('page and searchAfter cannot be used together');
  }
  if (
    typeof page === 'number' &&
    typeof pageLimit === 'number' &&
    page * pageLimit > MAX_PAGED_RESULTS
  ) {
    errors.push(`page * pageLimit must not exceed ${MAX_PAGED_RESULTS}; use searchAfter`);
  }
  if (b.filters !== undefined) errors.push(...filterErrors(b.filters, 'filters'));
  if (b.sort !== undefined) {
    const sortOk =
      Array.isArray(b.sort) &&
      b.sort.every(
        (s: unknown) =>
          typeof s === 'object' &&
          s !== null &&
          typeof (s as { field?: unknown }).field === 'string' &&
          ['asc', 'desc'].includes((s as { direction?: unknown }).direction as string),
      );
    if (!sortOk) errors.push('sort must be an array of {field, direction: asc|desc}');
  }
  if (b.query !== undefined && (typeof b.query !== 'string' || b.query.length > 75)) {
    errors.push('query must be a string of at most 75 characters');
  }
  if (errors.length > 0) throw unprocessable(errors);
  return {
    pageLimit: pageLimit as number,
    page: page as number | undefined,
    searchAfter: b.searchAfter as unknown[] | undefined,
    filters: b.filters as Filter[] | undefined,
    sort: b.sort as SearchRequest['sort'],
    query: b.query as string | undefined,
  };
}

const contactsOf = (contacts: Record<string, ContactRecord>, locationId: string) =>
  Object.values(contacts).filter((c) => c.locationId === locationId);

export const searchContactsRoute = route('POST', '/contacts/search', ({ body, location, rt }) => {
  const req = searchRequest(body);
  const { page, total } = searchContacts(
    contactsOf(rt.state.contacts, location.id),
    req,
    location.country,
  );
  return {
    status: 200,
    body: {
      contacts: page.map(({ contact, searchAfter }) => ({ ...contactView(contact), searchAfter })),
      total,
    },
  };
});

/**
 * With duplicates disallowed HighLevel looks the contact up by the Location's unique
 * identifier; with duplicates allowed, email first, then phone (spec description).
 */
export const duplicateContactRoute = route(
  'GET',
  '/contacts/search/duplicate',
  ({ query, location, rt }) => {
    if (!query.get('locationId')) throw unprocessable(['locationId should not be empty']);
    const priority = location.allowDuplicateContact
      ? (['email', 'phone'] as const)
      : location.duplicatePriority;
    const match = findMatch(
      Object.values(rt.state.contacts),
      { ...location, duplicatePriority: [...priority] },
      { email: query.get('email'), phone: query.get('number') },
    );
    return { status: 200, body: { contact: match ? contactView(match.contact) : null } };
  },
);

/** The deprecated list: oldest first, `startAfterId` cursor, `limit` up to 100 (default 20). */
export const listContactsRoute = route('GET', '/contacts/', ({ query, location, rt }) => {
  if (!query.get('locationId')) throw unprocessable(['locationId should not be empty']);
  const limit = Number(query.get('limit') ?? 20);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    throw unprocessable(['limit must not be greater than 100']);
  }
  const { page: all } = searchContacts(
    contactsOf(rt.state.contacts, location.id),
    {
      pageLimit: Number.MAX_SAFE_INTEGER,
      query: query.get('query') ?? undefined,
      sort: [{ field: 'dateAdded', direction: 'asc' }],
    },
    location.country,
  );
  const afterId = query.get('startAfterId');
  const start = afterId ? all.findIndex((e) => e.contact.id === afterId) + 1 : 0;
  const page = all.slice(start, start + limit).map((e) => e.contact);
  const last = page.at(-1);
  return {
    status: 200,
    body: {
      contacts: page.map(contactView),
      count: all.length,
      meta: {
        total: all.length,
        startAfterId: last?.id,
        startAfter: last ? Date.parse(last.dateAdded) : undefined,
      },
    },
  };
});

export const contactSearchRoutes = [searchContactsRoute, duplicateContactRoute, listContactsRoute];
