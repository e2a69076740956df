/**
 * Contacts changed since the checkpoint, as the poll reads them: `POST /contacts/search` filtered
 * on `dateUpdated` and sorted by it, oldest first, paged with each contact's `searchAfter`
 * (https://marketplace.gohighlevel.com/docs/ghl/contacts/search-contacts-advanced). The cursor
 * is the last contact taken in (`dateUpdated`, id): a run that stops anywhere resumes after it.
 */
import { isNews, type Finding, type KnownStates, type RecordChange } from './known.js';
import { contactState, instant } from './recordState.js';

type Fields = Readonly<Record<string, unknown>>;

/** The last contact a run took in. */
export interface ContactCursor {
  /** Its `dateUpdated`, epoch ms. */
  at: number;
  id: string;
}

/**
 * Read again before the cursor: search is eventually consistent (a contact just written may take
 * seconds to be found), and HighLevel's clock need not agree with ours.
 */
export const CONTACT_OVERLAP_MS = 2 * 60_000;

export const CONTACTS_PER_PAGE = 100;

/**
 * The search for the contacts updated since `from` (epoch ms), oldest first; `searchAfter` from
 * the previous page's last contact.
 *
 * @example contactSearch('loc_1', Date.parse('2026-03-02T09:00:00Z'))
 * // { locationId: 'loc_1', pageLimit: 100, filters: [{ field: 'dateUpdated', operator: 'range', value: { gte: '2026-03-02T09:00:00.000Z' } }], sort: [...] }
 */
export function contactSearch(locationId: string, from: number, searchAfter?: unknown[]) {
  return {
    locationId,
    pageLimit: CONTACTS_PER_PAGE,
    filters: [
      { field: 'dateUpdated', operator: 'range', value: { gte: new Date(from).toISOString() } },
    ],
    sort: [{ field: 'dateUpdated', direction: 'asc' }],
    ...(searchAfter ? { searchAfter } : {}),
  };
}

/** A contact of a search page, with where the next page starts after it. */
export interface FoundContact {
  fields: Fields;
  id: string;
  updatedAt: number;
  searchAfter: unknown[] | undefined;
}

/**
 * The contacts of a `POST /contacts/search` answer.
 *
 * @example contactsOf({ contacts: [{ id: 'c1', dateUpdated: '2026-03-02T09:00:00.000Z', searchAfter: [1772442000000, 'c1'] }] })
 */
export function contactsOf(body: unknown): FoundContact[] {
  const list = (body as { contacts?: unknown } | null)?.contacts;
  if (!Array.isArray(list)) return [];
  return (list as unknown[])
    .filter(
      (c): c is Fields =>
        typeof c === 'object' && c !== null && typeof (c as Fields).id === 'string',
    )
    .map((fields) => ({
      fields,
      id: fields.id as string,
      updatedAt: instant(fields.dateUpdated) ?? 0,
      searchAfter: Array.isArray(fields.searchAfter)
        ? (fields.searchAfter as unknown[])
        : undefined,
    }));
}

/**
 * True when `contact` comes after `cursor`: not taken in by an earlier run.
 *
 * @example isPastCursor({ id: 'c2', updatedAt: 5, … }, { at: 5, id: 'c1' }) // true
 */
export function isPastCursor(
  contact: Pick<FoundContact, 'id' | 'updatedAt'>,
  cursor: ContactCursor,
): boolean {
  return (
    contact.updatedAt > cursor.at || (contact.updatedAt === cursor.at && contact.id > cursor.id)
  );
}

/**
 * The contact's change when its state is news: `created` for one added at or after `since` that
 * the bridge never saw (the app has no event for it), else `updated`.
 *
 * @example contactFinding(found, knownStatesOf([]), 'loc_1', since) // { state, change: { kind: 'contact', action: 'updated', … }, tell: true }
 */
export function contactFinding(
  contact: FoundContact,
  known: KnownStates,
  locationId: string,
  since: number,
): Finding | undefined {
  const state = contactState(contact.fields, contact.updatedAt);
  if (!isNews(state, known)) return undefined;
  const isNew = !known.has(contact.id) && (instant(contact.fields.dateAdded) ?? 0) >= since;
  const change: RecordChange = {
    kind: 'contact',
    action: isNew ? 'created' : 'updated',
    id: contact.id,
    locationId,
  };
  return { state, change, tell: true, record: contact.fields };
}
