/**
 * Applying create/update/upsert bodies to stored contacts; shared by the contact routes so the
 * rules (phone normalization, tag handling, custom fields, `dateUpdated`) live in one place.
 */
import { newId } from '../ids.js';
import type { LocationRecord } from '../locations/model.js';
import { emit, nowIso, type Runtime } from '../runtime.js';
import type { ContactRecord } from './core/model.js';
import { normalizeDateOfBirth, normalizeTags } from './core/normalize.js';
import { toE164 } from './core/phone.js';
import { customFieldWrites } from './customFieldValues.js';
import { contactView } from './view.js';

/** Plain fields copied from a body onto the contact as given. */
const COPIED = [
  'firstName',
  'lastName',
  'name',
  'email',
  'companyName',
  'address1',
  'city',
  'state',
  'postalCode',
  'country',
  'website',
  'timezone',
  'source',
  'assignedTo',
  'gender',
  'dnd',
  'dndSettings',
  'inboundDndSettings',
] as const;

/** Makes every tag a Location tag too, as HighLevel lists contact tags under the Location. */
export function ensureLocationTags(rt: Runtime, locationId: string, tags: readonly string[]) {
  const existing = new Set(
    Object.values(rt.state.tags)
      .filter((t) => t.locationId === locationId)
      .map((t) => t.name),
  );
  for (const name of tags) {
    if (existing.has(name)) continue;
    const id = newId();
    rt.state.tags[id] = { id, locationId, name };
    existing.add(name);
  }
}

/** Writes `body`'s fields onto `contact` (mutating it); `tags`, when present, replace all tags. */
export function applyContactBody(
  rt: Runtime,
  location: LocationRecord,
  contact: ContactRecord,
  body: Record<string, unknown>,
): void {
  const fields = Object.values(rt.state.customFields).filter(
    (f) => f.locationId === location.id && f.model === 'contact',
  );
  const writes = customFieldWrites(body.customFields, fields);
  const target = contact as unknown as Record<string, unknown>;
  for (const key of COPIED) if (body[key] !== undefined) target[key] = body[key];
  if (typeof body.email === 'string') contact.email = body.email.trim();
  if (body.phone !== undefined) {
    const phone = body.phone as string | null;
    contact.phone = phone ? (toE164(phone, location.country) ?? phone) : phone;
  }
  const dob = normalizeDateOfBirth(body.dateOfBirth);
  if (dob !== undefined) contact.dateOfBirth = dob;
  if (typeof body.name === 'string' && !body.firstName && !body.lastName && !contact.firstName) {
    const [first, ...rest] = body.name.trim().split(/\s+/);
    contact.firstName = first;
    if (rest.length > 0) contact.lastName = rest.join(' ');
  }
  if (Array.isArray(body.tags)) {
    contact.tags = normalizeTags(body.tags as string[]);
    ensureLocationTags(rt, location.id, contact.tags);
  }
  for (const [id, value] of Object.entries(writes)) {
    if (value === null) delete contact.customFields[id];
    else contact.customFields[id] = value;
  }
  contact.dateUpdated = nowIso(rt);
}

/** A new contact from a create/upsert body, stored and announced (`ContactCreate`). */
export function createContact(
  rt: Runtime,
  location: LocationRecord,
  body: Record<string, unknown>,
): ContactRecord {
  const now = nowIso(rt);
  const contact: ContactRecord = {
    id: newId(),
    locationId: location.id,
    type: 'lead',
    tags: [],
    customFields: {},
    dateAdded: now,
    dateUpdated: now,
  };
  applyContactBody(rt, location, contact, body);
  contact.dateUpdated = now;
  rt.state.contacts[contact.id] = contact;
  emit(rt, { type: 'ContactCreate', locationId: location.id, payload: contactView(contact) });
  return contact;
}

/** Updates a stored contact and announces it (`ContactUpdate`, and `ContactTagUpdate`). */
export function updateContact(
  rt: Runtime,
  location: LocationRecord,
  contact: ContactRecord,
  body: Record<string, unknown>,
): ContactRecord {
  const tagsBefore = contact.tags.join('\u0000');
  applyContactBody(rt, location, contact, body);
  const payload = contactView(contact);
  emit(rt, { type: 'ContactUpdate', locationId: location.id, payload });
  if (contact.tags.join('\u0000') !== tagsBefore) {
    emit(rt, { type: 'ContactTagUpdate', locationId: location.id, payload });
  }
  return contact;
}
