/** `/contacts/` create and `/contacts/{contactId}` get, update, delete (contacts.json). */
import { contactName, findMatch } from '../contacts/core/match.js';
import { contactOf } from '../contacts/lookup.js';
import { createContact, updateContact } from '../contacts/contactWrites.js';
import { contactView } from '../contacts/view.js';
import { dtoRules, validBody } from '../dto.js';
import { HighLevelError } from '../errors.js';
import { emit, route, type Runtime } from '../runtime.js';
import type { ContactRecord } from '../contacts/core/model.js';
import type { LocationRecord } from '../locations/model.js';

/**
 * `dateOfBirth` is typed `object` in the spec but is a date string (its own description lists
 * `YYYY-MM-DD`, `MM/DD/YYYY`, …); see DEVIATIONS.md.
 */
const dateOfBirthType = { dateOfBirth: { type: 'string', nullable: true } };
export const createRules = dtoRules('contacts', 'CreateContactDto', { types: dateOfBirthType });
export const updateRules = dtoRules('contacts', 'UpdateContactDto', { types: dateOfBirthType });

/**
 * Refuses a write that would duplicate another contact when the Location does not allow duplicates:
 * HighLevel's 400 with `meta` naming the match (docs/highlevel-behaviour.md#duplicate-contacts).
 */
export function refuseDuplicate(
  rt: Runtime,
  location: LocationRecord,
  body: Record<string, unknown>,
  exceptId?: string,
): void {
  if (location.allowDuplicateContact) return;
  const match = findMatch(
    Object.values(rt.state.contacts),
    location,
    { email: body.email as string | undefined, phone: body.phone as string | undefined },
    exceptId,
  );
  if (!match) return;
  throw new HighLevelError(400, {
    statusCode: 400,
    message: 'This location does not allow duplicated contacts.',
    meta: {
      contactName: contactName(match.contact),
      contactId: match.contact.id,
      matchingField: match.field,
    },
  });
}

export const createContactRoute = route('POST', '/contacts/', ({ body, location, rt }) => {
  const input = validBody(createRules, body);
  refuseDuplicate(rt, location, input);
  const contact = createContact(rt, location, input);
  return { status: 201, body: { contact: contactView(contact) } };
});

export const getContactRoute = route(
  'GET',
  '/contacts/{contactId}',
  ({ params, location, rt }) => ({
    status: 200,
    body: { contact: contactView(contactOf(rt, location, params.contactId!)) },
  }),
);

export const updateContactRoute = route(
  'PUT',
  '/contacts/{contactId}',
  ({ params, body, location, rt }) => {
    const contact = contactOf(rt, location, params.contactId!);
    const input = validBody(updateRules, body);
    refuseDuplicate(rt, location, input, contact.id);
    updateContact(rt, location, contact, input);
    return { status: 200, body: { succeded: true, contact: contactView(contact) } };
  },
);

/** Removes a contact with its notes, tasks and its places in campaigns and workflows. */
export function deleteContact(rt: Runtime, contact: ContactRecord): void {
  delete rt.state.contacts[contact.id];
  const tables: Record<string, { contactId: string }>[] = [
    rt.state.notes,
    rt.state.tasks,
    rt.state.contactCampaigns,
    rt.state.contactWorkflows,
  ];
  for (const table of tables) {
    for (const [id, record] of Object.entries(table)) {
      if (record.contactId === contact.id) delete table[id];
    }
  }
  emit(rt, {
    type: 'ContactDelete',
    locationId: contact.locationId,
    payload: contactView(contact),
  });
}

export const deleteContactRoute = route(
  'DELETE',
  '/contacts/{contactId}',
  ({ params, location, rt }) => {
    deleteContact(rt, contactOf(rt, location, params.contactId!));
    return { status: 200, body: { succeded: true } };
  },
);

export const contactRoutes = [
  createContactRoute,
  getContactRoute,
  updateContactRoute,
  deleteContactRoute,
];
