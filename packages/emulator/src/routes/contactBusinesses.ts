/**
 * Contacts and their business (spec/highlevel/apps/contacts.json): `GET /contacts/business/{id}`
 * lists a business's contacts, `POST /contacts/bulk/business` links contacts to a business, or
 * unlinks them with `businessId: null` (the operation's own description).
 */
import { businessOf } from '../businesses/lookup.js';
import { pageOf } from '../businesses/core/paging.js';
import { searchContacts } from '../contacts/core/search.js';
import { contactView } from '../contacts/view.js';
import { dtoRules, dtoErrors } from '../dto.js';
import { unprocessable } from '../errors.js';
import { nowIso, route } from '../runtime.js';

/** The spec's default page (`limit` defaults to `"25"`). */
const DEFAULT_LIMIT = 25;

export const contactsByBusinessRoute = route(
  'GET',
  '/contacts/business/{businessId}',
  ({ params, query, location, rt }) => {
    if (!query.get('locationId')) throw unprocessable(['locationId should not be empty']);
    const business = businessOf(rt, location, params.businessId!);
    const theirs = Object.values(rt.state.contacts).filter(
      (c) => c.locationId === location.id && c.businessId === business.id,
    );
    const { page } = searchContacts(
      theirs,
      {
        query: query.get('query') ?? '',
        sort: [{ field: 'dateAdded', direction: 'asc' }],
        pageLimit: Math.max(theirs.length, 1),
      },
      location.country,
    );
    const matching = page.map((p) => p.contact);
    return {
      status: 200,
      body: {
        contacts: pageOf(query, matching, DEFAULT_LIMIT).map(contactView),
        count: matching.length,
      },
    };
  },
);

/**
 * `ContactsBusinessUpdate` requires `businessId` and lets it be null; the generic required check
 * treats null as empty, so the field's presence is checked here instead.
 */
const bulkRules = (() => {
  const rules = dtoRules('contacts', 'ContactsBusinessUpdate');
  return { ...rules, required: rules.required.filter((name) => name !== 'businessId') };
})();

/**
 * Links `ids` to the business (or unlinks them). Ids that are not contacts of the Location are
 * passed over; the answer's `ids` are the contacts changed (assumed: the spec's example answers one
 * id of the two it sends).
 */
export const bulkBusinessRoute = route(
  'POST',
  '/contacts/bulk/business',
  ({ body, location, rt }) => {
    const errors = dtoErrors(bulkRules, body);
    const input = (body ?? {}) as Record<string, unknown>;
    if (input.businessId === undefined) errors.push('businessId should not be empty');
    const ids = input.ids;
    if (Array.isArray(ids) && ids.some((id) => typeof id !== 'string')) {
      errors.push('each value in ids must be a string');
    }
    if (errors.length > 0) throw unprocessable(errors);
    const businessId =
      input.businessId === null ? null : businessOf(rt, location, input.businessId as string).id;
    const changed: string[] = [];
    for (const id of new Set(ids as string[])) {
      const contact = rt.state.contacts[id];
      if (!contact || contact.locationId !== location.id) continue;
      if (businessId === null) delete contact.businessId;
      else contact.businessId = businessId;
      contact.dateUpdated = nowIso(rt);
      changed.push(id);
    }
    return { status: 200, body: { success: true, ids: changed } };
  },
);

export const contactBusinessRoutes = [contactsByBusinessRoute, bulkBusinessRoute];
