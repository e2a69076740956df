/**
 * The caller's HighLevel contact: the contacts that may be them (read only), and the one a
 * booking uses, created when none fits (the decision is core/contactMatch.ts). A phone or an
 * email is looked up with HighLevel's duplicate search, which matches that one field; a name with
 * the full-text contact search (docs/highlevel-behaviour.md#contact-search,
 * https://marketplace.gohighlevel.com/docs/ghl/contacts/search-contacts-advanced).
 */
import type { SearchedContact } from '@ghl-bridge/client';
import { decideContact, type ContactCandidate } from './core/contactMatch.js';
import type { BookAppointmentArgs, CallerDetails } from './core/toolArgs.js';
import { LIVE, type VoiceContext } from './context.js';

const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);

/** A search hit as the contact decision reads it (search types its fields as unknown). */
function candidateOf(hit: SearchedContact): ContactCandidate {
  return {
    id: hit.id,
    phone: textOf(hit.phone),
    email: textOf(hit.email),
    name: textOf(hit.contactName) ?? textOf(hit.name),
    firstName: textOf(hit.firstName),
    lastName: textOf(hit.lastName),
  };
}

function splitName(name: string): { firstName: string; lastName?: string } {
  const [firstName = name, ...rest] = name.trim().split(/\s+/);
  return rest.length ? { firstName, lastName: rest.join(' ') } : { firstName };
}

/**
 * The Location's contacts that may be the caller: by phone, by email and by name, read at once.
 *
 * @example const candidates = await contactCandidates(ctx, { name: 'Ada Lovelace', phone: '+14155550100', … });
 */
export async function contactCandidates(
  ctx: VoiceContext,
  args: BookAppointmentArgs,
): Promise<ContactCandidate[]> {
  const { hl, locationId } = ctx;
  const [byPhone, byEmail, byName] = await Promise.all([
    args.phone ? hl.contacts.findDuplicate({ locationId, phone: args.phone }, LIVE) : null,
    args.email ? hl.contacts.findDuplicate({ locationId, email: args.email }, LIVE) : null,
    hl.contacts.search({ locationId, query: args.name.slice(0, 75), pageLimit: 20 }, LIVE),
  ]);
  return [
    ...[byPhone, byEmail].flatMap((c) => (c?.id ? [{ ...c, id: c.id }] : [])),
    ...byName.contacts.map(candidateOf),
  ];
}

/**
 * The contact to book for, among `candidates`, or a new one; a new contact that may duplicate
 * someone gets the review tag (`tags`).
 *
 * @example const { contactId, tags } = await resolveContact(ctx, args, candidates);
 */
export async function resolveContact(
  ctx: VoiceContext,
  args: BookAppointmentArgs,
  candidates: ContactCandidate[],
): Promise<{ contactId: string; tags: string[] }> {
  const decision = decideContact({
    phone: args.phone,
    email: args.email,
    name: args.name,
    candidates,
    defaultCountry: ctx.phoneCountry,
  });
  if (decision.action === 'use') return { contactId: decision.contactId, tags: [] };
  const created = await ctx.hl.contacts.create(
    {
      locationId: ctx.locationId,
      ...splitName(args.name),
      ...(args.phone ? { phone: args.phone } : {}),
      ...(args.email ? { email: args.email } : {}),
      source: 'voice',
    },
    LIVE,
  );
  if (!created.id) throw new Error('HighLevel created a contact without an id');
  return {
    contactId: created.id,
    tags: decision.action === 'create-flagged' ? [decision.tag] : [],
  };
}

/**
 * The caller's existing contact id for finding their appointments: the phone first, then the
 * email (core/contactMatch.ts order); `undefined` when neither is known.
 *
 * @example const contactId = await callerContactId(ctx, { phone: '+14155550100' });
 */
export async function callerContactId(
  ctx: VoiceContext,
  caller: CallerDetails,
): Promise<string | undefined> {
  const { hl, locationId } = ctx;
  if (caller.phone) {
    const byPhone = await hl.contacts.findDuplicate({ locationId, phone: caller.phone }, LIVE);
    if (byPhone?.id) return byPhone.id;
  }
  if (caller.email) {
    const byEmail = await hl.contacts.findDuplicate({ locationId, email: caller.email }, LIVE);
    if (byEmail?.id) return byEmail.id;
  }
  return undefined;
}
