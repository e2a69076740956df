/**
 * The contact fields a booking app manages (docs/contacts.md), what is stored of them, and the
 * HighLevel bodies they become. A version carries only the fields the app sent: the others stay
 * as they are in HighLevel, and the bridge remembers the latest value of every field sent so far
 * (for finding the contact again by email or phone).
 */

export const APP_CONTACT_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'companyName',
  'address1',
  'city',
  'state',
  'postalCode',
  'country',
  'timezone',
  'dateOfBirth',
] as const;

export type AppContactField = (typeof APP_CONTACT_FIELDS)[number];

/** Field values as the app sent them (the phone read as E.164). */
export type AppContactFields = Partial<Record<AppContactField, string>>;

/** What is stored of the app's versions of one contact (`app_contacts.desired`). */
export interface DesiredContact {
  /** The latest value of every field the app has sent, in any version. */
  fields: AppContactFields;
  /** The fields the latest version sent: the ones its job writes. */
  sent: AppContactField[];
  /** The app's managed tags, when the latest version sent them; absent: leave the tags alone. */
  tags?: string[];
}

/**
 * The stored state after a new version: its fields over the earlier ones, its names as `sent`.
 *
 * @example
 * nextDesired({ fields: { email: 'ada@example.com' }, sent: ['email'] }, { firstName: 'Ada' }, undefined)
 * // { fields: { email: 'ada@example.com', firstName: 'Ada' }, sent: ['firstName'] }
 */
export function nextDesired(
  previous: DesiredContact | undefined,
  sent: AppContactFields,
  tags: readonly string[] | undefined,
): DesiredContact {
  const names = APP_CONTACT_FIELDS.filter((field) => sent[field] !== undefined);
  return {
    fields: { ...previous?.fields, ...pick(sent, names) },
    sent: names,
    ...(tags ? { tags: [...tags] } : {}),
  };
}

/**
 * Whether HighLevel can find (or create) the contact by it: an email or a phone.
 *
 * @example hasIdentity({ firstName: 'Ada' }) // false
 */
export function hasIdentity(fields: AppContactFields): boolean {
  return fields.email !== undefined || fields.phone !== undefined;
}

/** The bodies of a contact write: the update's, and what only the upsert takes. */
export interface ContactBodies {
  /** For `PUT /contacts/{id}`. */
  update: Omit<AppContactFields, 'companyName'>;
  /**
   * `companyName`, which `PUT /contacts/{id}` does not take (`UpdateContactDto` in
   * spec/highlevel/apps/contacts.json has no such property, and HighLevel refuses a property its
   * DTO does not declare: docs/highlevel-behaviour.md#unknown-properties-are-refused) while
   * `POST /contacts/upsert` does (`UpsertContactDto.companyName`).
   */
  upsertOnly: Pick<AppContactFields, 'companyName'>;
}

/**
 * `fields` split by the call that can write them.
 *
 * @example contactBodies({ firstName: 'Ada', companyName: 'Analytical' })
 * // { update: { firstName: 'Ada' }, upsertOnly: { companyName: 'Analytical' } }
 */
export function contactBodies(fields: AppContactFields): ContactBodies {
  const { companyName, ...update } = fields;
  return { update, upsertOnly: companyName === undefined ? {} : { companyName } };
}

/**
 * How an upsert finds the contact: by its email, else its phone. One of them only: with both,
 * HighLevel updates the first of two contacts that each match one and ignores the other field
 * (docs/highlevel-behaviour.md#upsert).
 *
 * @example upsertIdentity({ email: 'ada@example.com', phone: '+14155550132' }) // { email: 'ada@example.com' }
 */
export function upsertIdentity(
  contact: Readonly<{ email?: string | null; phone?: string | null }>,
): Pick<AppContactFields, 'email' | 'phone'> {
  if (contact.email) return { email: contact.email };
  return contact.phone ? { phone: contact.phone } : {};
}

function pick(fields: AppContactFields, names: readonly AppContactField[]): AppContactFields {
  return Object.fromEntries(names.map((name) => [name, fields[name]]));
}
