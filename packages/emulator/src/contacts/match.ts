/**
 * Which existing contact a write matches, per the Location's duplicate setting: the fields in
 * its priority order (email, phone by default); the first field that matches wins and the other
 * is ignored, as the spec describes for upsert (UpsertContactDto description, contacts.json).
 */
import type { ContactRecord, DuplicateField, LocationRecord } from '../state.js';
import { toE164 } from './phone.js';

export interface ContactMatch {
  contact: ContactRecord;
  field: DuplicateField;
}

export interface MatchKeys {
  email?: string | null;
  phone?: string | null;
}

function matches(contact: ContactRecord, field: DuplicateField, keys: MatchKeys, country: string) {
  if (field === 'email') {
    const wanted = keys.email?.trim().toLowerCase();
    return !!wanted && contact.email?.trim().toLowerCase() === wanted;
  }
  const wanted = keys.phone ? toE164(keys.phone, country) : null;
  return wanted !== null && !!contact.phone && toE164(contact.phone, country) === wanted;
}

/**
 * The contact of `location` that `keys` match, oldest first, or null.
 *
 * @example
 * findMatch(contacts, location, { email: 'ADA@example.com' }); // { contact, field: 'email' }
 */
export function findMatch(
  contacts: ContactRecord[],
  location: LocationRecord,
  keys: MatchKeys,
  exceptId?: string,
): ContactMatch | null {
  const mine = contacts
    .filter((c) => c.locationId === location.id && c.id !== exceptId)
    .sort((a, b) => a.dateAdded.localeCompare(b.dateAdded));
  for (const field of location.duplicatePriority) {
    const contact = mine.find((c) => matches(c, field, keys, location.country));
    if (contact) return { contact, field };
  }
  return null;
}

/** The display name HighLevel puts in `meta.contactName`. */
export function contactName(contact: ContactRecord): string {
  const full = [contact.firstName, contact.lastName].filter(Boolean).join(' ').trim();
  return full || contact.name || contact.email || contact.phone || '';
}
