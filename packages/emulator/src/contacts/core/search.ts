/**
 * `POST /contacts/search` over stored contacts: filters (nested AND/OR groups), free-text
 * `query`, `sort`, and `page` or `searchAfter` paging. The body format is from HighLevel's
 * search documentation (help.hoopai.com/api-reference/overview/contacts-search, a white-label
 * copy); the spec's `SearchBodyV2DTO` is empty. Pure: contacts in, page out.
 */
import type { ContactRecord } from './model.js';
import { toE164 } from './phone.js';

export type Operator =
  'eq' | 'not_eq' | 'contains' | 'not_contains' | 'exists' | 'not_exists' | 'range';

export interface FieldFilter {
  field: string;
  operator: Operator;
  value?: unknown;
}

export interface FilterGroup {
  group: 'AND' | 'OR';
  filters: Filter[];
}

export type Filter = FieldFilter | FilterGroup;

export interface SortSpec {
  field: string;
  direction: 'asc' | 'desc';
}

export interface SearchRequest {
  filters?: Filter[];
  query?: string;
  sort?: SortSpec[];
  pageLimit: number;
  page?: number;
  searchAfter?: unknown[];
}

export const OPERATORS: readonly Operator[] = [
  'eq',
  'not_eq',
  'contains',
  'not_contains',
  'exists',
  'not_exists',
  'range',
];

type Scalar = string | number | boolean;

/** The values of `field` on `contact` (arrays for tags); lower-cased where HighLevel compares so. */
export function fieldValues(contact: ContactRecord, field: string, country: string): Scalar[] {
  const lc = (s: string | null | undefined) => (s ? [s.toLowerCase()] : []);
  switch (field) {
    case 'email':
    case 'emailLowerCase':
      return lc(contact.email);
    case 'phone': {
      const e164 = contact.phone ? toE164(contact.phone, country) : null;
      return e164 ? [e164] : [];
    }
    case 'tags':
      return contact.tags;
    case 'firstName':
    case 'firstNameLowerCase':
      return lc(contact.firstName);
    case 'lastName':
    case 'lastNameLowerCase':
      return lc(contact.lastName);
    case 'fullNameLowerCase':
    case 'contactName':
      return lc([contact.firstName, contact.lastName].filter(Boolean).join(' ') || contact.name);
    case 'dateAdded':
    case 'dateUpdated':
      return [Date.parse(contact[field])];
    case 'dateOfBirth':
      return contact.dateOfBirth ? [Date.parse(contact.dateOfBirth)] : [];
    case 'dnd':
      return contact.dnd === undefined ? [] : [contact.dnd];
  }
  if (field.startsWith('customFields.')) {
    const value = contact.customFields[field.slice('customFields.'.length)];
    if (value === undefined) return [];
    return (Array.isArray(value) ? value : [value]).map((v) =>
      typeof v === 'string' ? v.toLowerCase() : (v as Scalar),
    );
  }
  const raw = (contact as unknown as Record<string, unknown>)[field];
  if (raw === undefined || raw === null || raw === '') return [];
  if (Array.isArray(raw)) return raw as Scalar[];
  return [typeof raw === 'string' ? raw.toLowerCase() : (raw as Scalar)];
}

/** The filter's value in the field's comparable form (dates to ms, phones to E.164). */
function normalizeWanted(field: string, value: unknown, country: string): Scalar {
  if (field === 'phone' && typeof value === 'string') return toE164(value, country) ?? value;
  if (/^date/.test(field) && typeof value === 'string') return Date.parse(value);
  return typeof value === 'string' ? value.toLowerCase() : (value as Scalar);
}

interface Range {
  gte?: unknown;
  gt?: unknown;
  lte?: unknown;
  lt?: unknown;
}

function inRange(v: Scalar, field: string, range: Range, country: string): boolean {
  const bound = (b: unknown) => normalizeWanted(field, b, country);
  if (range.gte !== undefined && !(v >= bound(range.gte))) return false;
  if (range.gt !== undefined && !(v > bound(range.gt))) return false;
  if (range.lte !== undefined && !(v <= bound(range.lte))) return false;
  if (range.lt !== undefined && !(v < bound(range.lt))) return false;
  return true;
}

function fieldMatches(contact: ContactRecord, filter: FieldFilter, country: string): boolean {
  const values = fieldValues(contact, filter.field, country);
  const wanted = (Array.isArray(filter.value) ? filter.value : [filter.value]).map((v) =>
    normalizeWanted(filter.field, v, country),
  );
  const contains = (w: Scalar) =>
    values.some((v) => (typeof v === 'string' ? v.includes(String(w)) : v === w));
  switch (filter.operator) {
    case 'eq':
      return wanted.some((w) => values.includes(w));
    case 'not_eq':
      return !wanted.some((w) => values.includes(w));
    case 'contains':
      return wanted.some(contains);
    case 'not_contains':
      return !wanted.some(contains);
    case 'exists':
      return values.length > 0;
    case 'not_exists':
      return values.length === 0;
    case 'range':
      return values.some((v) => inRange(v, filter.field, filter.value ?? {}, country));
  }
}

export function filterMatches(contact: ContactRecord, filter: Filter, country: string): boolean {
  if ('group' in filter) {
    const test = (f: Filter) => filterMatches(contact, f, country);
    return filter.group === 'OR' ? filter.filters.some(test) : filter.filters.every(test);
  }
  return fieldMatches(contact, filter, country);
}

function queryMatches(contact: ContactRecord, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === '') return true;
  const digits = q.replace(/\D/g, '');
  const text = [
    contact.firstName,
    contact.lastName,
    contact.name,
    contact.email,
    contact.companyName,
  ]
    .filter(Boolean)
    .join(' ')
    .toLowerCase();
  const fullName = [contact.firstName, contact.lastName].filter(Boolean).join(' ').toLowerCase();
  return (
    text.includes(q) ||
    fullName.includes(q) ||
    (digits.length >= 3 && (contact.phone ?? '').replace(/\D/g, '').includes(digits))
  );
}

type SortKey = Scalar | null;

function sortValue(contact: ContactRecord, field: string, country: string): SortKey {
  return fieldValues(contact, field, country)[0] ?? null;
}

function compareKeys(a: SortKey, b: SortKey): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}

/**
 * One page of the contacts matching `req`, each with its `searchAfter` cursor
 * (`[...sortValues, id]`), and the total number matching.
 */
export function searchContacts(
  contacts: ContactRecord[],
  req: SearchRequest,
  country: string,
): { page: { contact: ContactRecord; searchAfter: unknown[] }[]; total: number } {
  const sort: SortSpec[] = req.sort?.length
    ? req.sort
    : [{ field: 'dateAdded', direction: 'desc' }];
  const matching = contacts.filter(
    (c) =>
      (req.filters ?? []).every((f) => filterMatches(c, f, country)) &&
      queryMatches(c, req.query ?? ''),
  );
  const keyOf = (c: ContactRecord): unknown[] => [
    ...sort.map((s) => sortValue(c, s.field, country)),
    c.id,
  ];
  const compare = (ka: unknown[], kb: unknown[]) => {
    for (let i = 0; i < sort.length; i++) {
      const d = compareKeys(ka[i] as SortKey, kb[i] as SortKey);
      if (d !== 0) return sort[i]!.direction === 'desc' ? -d : d;
    }
    return compareKeys(ka[sort.length] as string, kb[sort.length] as string);
  };
  const sorted = matching
    .map((contact) => ({ contact, searchAfter: keyOf(contact) }))
    .sort((a, b) => compare(a.searchAfter, b.searchAfter));
  let start = 0;
  if (req.searchAfter?.length) {
    const cursor = req.searchAfter;
    start = sorted.findIndex((e) => compare(e.searchAfter, cursor) > 0);
    if (start === -1) start = sorted.length;
  } else if (req.page && req.page > 1) {
    start = (req.page - 1) * req.pageLimit;
  }
  return { page: sorted.slice(start, start + req.pageLimit), total: matching.length };
}
