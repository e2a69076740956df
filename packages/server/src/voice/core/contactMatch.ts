/**
 * Which HighLevel contact a voice booking belongs to (docs/architecture.md#voice-booking): the
 * E.164 phone first, then the email, then the exact name only when it is unique and nothing
 * contradicts it. A name shared by several contacts, or a name whose contact has a different phone
 * or email, creates a new contact tagged for review: merging a stranger into someone else's record
 * is worse than a duplicate a person can merge later.
 */
import { toE164, type CountryCode } from '../../core/phone.js';

/** The fields of a HighLevel contact this decision reads (a subset of the client's `Contact`). */
export interface ContactCandidate {
  id: string;
  phone?: string | null;
  email?: string | null;
  name?: string | null;
  firstName?: string | null;
  lastName?: string | null;
}

export interface Caller {
  /** E.164, as `toolArgs` produces it. */
  phone?: string;
  email?: string;
  name?: string;
}

/** The tag a flagged contact gets, so someone reviews it in HighLevel. */
export const REVIEW_TAG = 'voice:review-contact';

export type ContactDecision =
  | { action: 'use'; contactId: string; matchedBy: 'phone' | 'email' | 'name' }
  | { action: 'create' }
  | {
      action: 'create-flagged';
      reason: 'name_matches_several' | 'name_matches_but_details_differ';
      tag: typeof REVIEW_TAG;
      /** The existing contacts the new one may duplicate, for the review note. */
      similarContactIds: string[];
    };

const normalizeName = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
const normalizeEmail = (email: string) => email.trim().toLowerCase();

function fullName(candidate: ContactCandidate): string {
  const joined = [candidate.firstName, candidate.lastName].filter(Boolean).join(' ');
  return normalizeName(candidate.name || joined);
}

/**
 * Among several contacts with the same phone or email (a shared family line), the one whose
 * email, then name, also matches; else the first in HighLevel's order.
 */
function narrow(matches: ContactCandidate[], caller: Caller, by: 'phone' | 'email'): string {
  const email = caller.email && normalizeEmail(caller.email);
  const name = caller.name && normalizeName(caller.name);
  const byEmail =
    by === 'phone' && email && matches.find((c) => c.email && normalizeEmail(c.email) === email);
  const byName = name && matches.find((c) => fullName(c) === name);
  return (byEmail || byName || matches[0])!.id;
}

/**
 * Decides the contact for a booking from the caller's details and the contacts HighLevel found
 * for them (by phone, email and name).
 *
 * @example
 * decideContact({ phone: '+14155550100', name: 'Ada Lovelace', candidates, defaultCountry: 'US' });
 * // { action: 'use', contactId: 'c_1', matchedBy: 'phone' }
 */
export function decideContact(
  input: Caller & { candidates: readonly ContactCandidate[]; defaultCountry: CountryCode },
): ContactDecision {
  const { candidates, defaultCountry } = input;
  const phoneOf = (c: ContactCandidate) => (c.phone ? toE164(c.phone, defaultCountry) : undefined);
  const emailOf = (c: ContactCandidate) => (c.email ? normalizeEmail(c.email) : undefined);

  if (input.phone) {
    const matches = candidates.filter((c) => phoneOf(c) === input.phone);
    if (matches.length)
      return { action: 'use', contactId: narrow(matches, input, 'phone'), matchedBy: 'phone' };
  }
  const email = input.email && normalizeEmail(input.email);
  if (email) {
    const matches = candidates.filter((c) => emailOf(c) === email);
    if (matches.length)
      return { action: 'use', contactId: narrow(matches, input, 'email'), matchedBy: 'email' };
  }
  const name = input.name && normalizeName(input.name);
  const named = name ? candidates.filter((c) => fullName(c) === name) : [];
  if (named.length === 0) return { action: 'create' };
  const similarContactIds = named.map((c) => c.id);
  if (named.length > 1) {
    return {
      action: 'create-flagged',
      reason: 'name_matches_several',
      tag: REVIEW_TAG,
      similarContactIds,
    };
  }
  // Phone and email did not match above, so any phone or email on both sides is a conflict.
  const contact = named[0]!;
  const phoneDiffers = Boolean(input.phone && phoneOf(contact));
  const emailDiffers = Boolean(email && emailOf(contact));
  if (phoneDiffers || emailDiffers) {
    return {
      action: 'create-flagged',
      reason: 'name_matches_but_details_differ',
      tag: REVIEW_TAG,
      similarContactIds,
    };
  }
  return { action: 'use', contactId: contact.id, matchedBy: 'name' };
}
