import type { ContactRecord } from './core/model.js';

const lower = (s: string | null | undefined) => (s ? s.toLowerCase() : undefined);

/**
 * A stored contact as HighLevel returns it (`GetContectByIdSchema`): derived lower-case fields,
 * `customFields: [{id, value}]`, and no null properties (the spec types them as plain strings).
 */
export function contactView(contact: ContactRecord): Record<string, unknown> {
  const { customFields, gender: _gender, inboundDndSettings: _inbound, ...fields } = contact;
  const fullName = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  const view: Record<string, unknown> = {
    ...fields,
    emailLowerCase: lower(contact.email),
    firstNameLowerCase: lower(contact.firstName),
    lastNameLowerCase: lower(contact.lastName),
    fullNameLowerCase: lower(fullName || contact.name),
    customFields: Object.entries(customFields).map(([id, value]) => ({ id, value })),
  };
  for (const [key, value] of Object.entries(view)) {
    if (value === null || value === undefined) delete view[key];
  }
  return view;
}
