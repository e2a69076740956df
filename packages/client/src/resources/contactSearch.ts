/**
 * `POST /contacts/search`: the spec leaves the body and response empty (`SearchBodyV2DTO {}`), so
 * these types follow HighLevel's search documentation
 * (https://marketplace.gohighlevel.com/docs/ghl/contacts/search-contacts-advanced).
 */

export type SearchOperator =
  'eq' | 'not_eq' | 'contains' | 'not_contains' | 'exists' | 'not_exists' | 'range';

export interface SearchCondition {
  field: string;
  operator: SearchOperator;
  /** Omitted for `exists`/`not_exists`; `{ gte?, lte?, gt?, lt? }` for `range`. */
  value?: unknown;
}

export interface SearchGroup {
  group: 'AND' | 'OR';
  filters: Array<SearchCondition | SearchGroup>;
}

export interface ContactSearchParams {
  locationId: string;
  /** Results per page, at most 500. */
  pageLimit?: number;
  /** Page number (standard paging, up to 10,000 results); don't combine with `searchAfter`. */
  page?: number;
  /** Cursor: the `searchAfter` of the last contact of the previous page. */
  searchAfter?: unknown[];
  /** Top-level filters are ANDed. */
  filters?: Array<SearchCondition | SearchGroup>;
  sort?: Array<{ field: string; direction: 'asc' | 'desc' }>;
  /** Free text, at most 75 characters. */
  query?: string;
}

/** A contact as search returns it, with its cursor. */
export interface SearchedContact {
  id: string;
  searchAfter?: unknown[];
  [field: string]: unknown;
}

export interface ContactSearchResult {
  contacts: SearchedContact[];
  total?: number;
}
