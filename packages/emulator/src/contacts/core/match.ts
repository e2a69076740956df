/**
 * Which existing contact a write matches, per the Location's duplicate setting: the fields in
 * its priority order (email, phone by default); the first field that matches wins and the other
 * is ignored, as the spec describes for upsert (UpsertContactDto description, contacts.json).
 */
import type { ContactRecord, DuplicateField } from './model.js';
import { toE164 } from './phone.js';

/** What matching reads of a Location: its id, its duplicate priority and its country. */
export interface MatchingLocation {
  id: string;
  /** Reads national phone numbers, as in `toE164`. */
  country: string;
  duplicatePriority: readonly DuplicateField[];
}

export interface ContactMatch {
  contact: ContactRecord;
  field: DuplicateField;
}

export interface MatchKeys {
  email?: string | null;
  phone?: string | null;
}

/** The value a contact is matched on for `field`, normalized once per call. */
function wantedValue(field: DuplicateField, keys: MatchKeys, country: string): string | null {
  if (field === 'email') return keys.email?.trim().toLowerCase() || null;
  return keys.phone ? toE164(keys.phone, country) : null;
}

function valueOf(contact: ContactRecord, field: DuplicateField, country: string): string | null {
  if (field === 'email') return contact.email?.trim().toLowerCase() || null;
  if (!contact.phone) return null;
  // Stored phones are already E.164; normalize only what is not.
  return contact.phone.startsWith('+') ? contact.phone : toE164(contact.phone, country);
}

/**
 * The contact of `location` that `keys` match, oldest first, or null. One pass over the
 * contacts, so writes stay fast on Locations with many thousands of contacts.
 *
 * @example
 * findMatch(contacts, location, { email: 'ADA@example.com' }); // { contact, field: 'email' }
 */
export function findMatch(
  contacts: ContactRecord[],
  location: MatchingLocation,
  keys: MatchKeys,
  exceptId?: string,
): ContactMatch | null {
  const fields = location.duplicatePriority
    .map((field) => ({ field, wanted: wantedValue(field, keys, location.country) }))
    .filter((f): f is { field: DuplicateField; wanted: string } => f.wanted !== null);
  if (fields.length === 0) return null;
  const oldest = new Map<DuplicateField, ContactRecord>();
  for (const c of contacts) {
    if (c.locationId !== location.id || c.id === exceptId) continue;
    for (const { field, wanted } of fields) {
      if (valueOf(c, field, location.country) !== wanted) continue;
      const seen = oldest.get(field);
      if (!seen || c.dateAdded < seen.dateAdded) oldest.set(field, c);
    }
  }
  for (const { field } of fields) {
    const contact = oldest.get(field);
    if (contact) return { contact, field };
  }
  return null;
}

/** The display name HighLevel puts in `meta.contactName`. */
export function contactName(contact: ContactRecord): string {
  const full = [contact.firstName, contact.lastName].filter(Boolean).join(' ').trim();
  return full || contact.name || contact.email || contact.phone || '';
}
