/**
 * `POST /contacts/upsert`: matches per the Location's duplicate setting and priority; when email
 * and phone match different contacts the first field in the priority wins and the other field is
 * ignored; `tags` replace all tags (UpsertContactDto in contacts.json;
 * docs/highlevel-behaviour.md#upsert, docs/highlevel-behaviour.md#tags).
 */
import { findMatch } from '../contacts/core/match.js';
import { createContact, updateContact } from '../contacts/contactWrites.js';
import { contactView } from '../contacts/view.js';
import { dtoRules, validBody } from '../dto.js';
import { newTraceId } from '../ids.js';
import { route } from '../runtime.js';

const upsertRules = dtoRules('contacts', 'UpsertContactDto', {
  types: { dateOfBirth: { type: 'string', nullable: true } },
});

export const upsertContactRoute = route('POST', '/contacts/upsert', ({ body, location, rt }) => {
  const { createNewIfDuplicateAllowed, ...input } = validBody(upsertRules, body);
  const contacts = Object.values(rt.state.contacts);
  const keys = {
    email: input.email as string | undefined,
    phone: input.phone as string | undefined,
  };
  const match =
    location.allowDuplicateContact && createNewIfDuplicateAllowed === true
      ? null
      : findMatch(contacts, location, keys);
  if (!match) {
    const contact = createContact(rt, location, input);
    return {
      status: 200,
      body: { new: true, contact: contactView(contact), traceId: newTraceId() },
    };
  }
  // The other key, if it belongs to a different contact, is ignored rather than merged.
  const other = match.field === 'email' ? 'phone' : 'email';
  const otherOwner = findMatch(contacts, { ...location, duplicatePriority: [other] }, keys);
  if (otherOwner && otherOwner.contact.id !== match.contact.id) delete input[other];
  // HighLevel keeps the stored gender of an existing contact (docs/highlevel-behaviour.md#upsert).
  delete input.gender;
  updateContact(rt, location, match.contact, input);
  return {
    status: 200,
    body: { new: false, contact: contactView(match.contact), traceId: newTraceId() },
  };
});
