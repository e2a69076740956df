/**
 * Contact, note and task webhooks, in the shapes of HighLevel's event docs
 * (`spec/highlevel/docs/webhook events/Contact*.md`, `Note*.md`, `Task*.md`): flat payloads with
 * `type` and `locationId` beside the record's own fields.
 */
import type { WebhookEventOf } from '@ghl-bridge/client/webhooks';
import { compact, type DeliveryStamp } from './stamp.js';

export type ContactEventType =
  'ContactCreate' | 'ContactUpdate' | 'ContactDelete' | 'ContactTagUpdate';
export type NoteEventType = 'NoteCreate' | 'NoteUpdate' | 'NoteDelete';
/** HighLevel documents no TaskUpdate event. */
export type TaskEventType = 'TaskCreate' | 'TaskComplete' | 'TaskDelete';

type Text = string | null | undefined;

/** A contact as stored (HighLevel's REST contact); other fields are ignored. */
export interface ContactInput {
  id: string;
  locationId: string;
  firstName?: Text;
  lastName?: Text;
  name?: Text;
  email?: Text;
  phone?: Text;
  companyName?: Text;
  address1?: Text;
  city?: Text;
  state?: Text;
  postalCode?: Text;
  country?: Text;
  website?: Text;
  source?: Text;
  assignedTo?: Text;
  dateOfBirth?: Text;
  dnd?: boolean | null;
  tags?: string[] | null;
  /** REST's `[{ id, value }]`, or a map of field id to value. */
  customFields?: { id: string; value?: unknown }[] | Record<string, unknown> | null;
  attachments?: unknown[] | null;
  dateAdded?: Text;
}

/** A note as stored, with the Location of its contact. */
export interface NoteInput {
  id: string;
  locationId: string;
  contactId: string;
  body: string;
  dateAdded?: Text;
}

/** A task as stored, with the Location of its contact. */
export interface TaskInput {
  id: string;
  locationId: string;
  contactId: string;
  title: string;
  body?: Text;
  assignedTo?: Text;
  dueDate?: Text;
  dateAdded?: Text;
}

type CustomFieldValue = string | number | unknown[] | Record<string, unknown>;

/** HighLevel's schema allows string, number, array or object values; other scalars as text. */
function customFieldValue(value: unknown): CustomFieldValue {
  if (typeof value === 'string' || typeof value === 'number' || Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  return String(value);
}

function customFields(
  input: ContactInput['customFields'],
): { id: string; value: CustomFieldValue }[] {
  if (!input) return [];
  const pairs = Array.isArray(input)
    ? input.map((f) => [f.id, f.value] as const)
    : Object.entries(input);
  return pairs
    .filter(([, value]) => value !== undefined && value !== null)
    .map(([id, value]) => ({ id, value: customFieldValue(value) }));
}

/**
 * A ContactCreate/Update/Delete/TagUpdate event for a stored contact. `name` is built from the
 * first and last name when the contact has none, as HighLevel's contacts show it.
 *
 * @example
 * contactEvent('ContactTagUpdate', contact, stampDelivery(clock));
 * // { type: 'ContactTagUpdate', locationId, id, firstName, tags: ['vip'], …, timestamp, webhookId }
 */
export function contactEvent<T extends ContactEventType>(
  type: T,
  contact: ContactInput,
  stamp: DeliveryStamp,
): WebhookEventOf<T> {
  const fullName = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  const payload: Omit<WebhookEventOf<'ContactCreate'>, 'type'> = compact({
    locationId: contact.locationId,
    id: contact.id,
    address1: contact.address1,
    city: contact.city,
    state: contact.state,
    companyName: contact.companyName,
    country: contact.country,
    source: contact.source,
    dateAdded: contact.dateAdded,
    dateOfBirth: contact.dateOfBirth,
    dnd: contact.dnd,
    email: contact.email,
    name: contact.name ?? (fullName || undefined),
    firstName: contact.firstName,
    lastName: contact.lastName,
    phone: contact.phone,
    postalCode: contact.postalCode,
    tags: contact.tags ?? [],
    website: contact.website,
    attachments: contact.attachments ?? [],
    assignedTo: contact.assignedTo,
    customFields: customFields(contact.customFields),
    ...stamp,
  });
  return { type, ...payload } as WebhookEventOf<T>;
}

/**
 * A NoteCreate/Update/Delete event.
 *
 * @example
 * noteEvent('NoteCreate', { ...note, locationId }, stampDelivery(clock));
 */
export function noteEvent<T extends NoteEventType>(
  type: T,
  note: NoteInput,
  stamp: DeliveryStamp,
): WebhookEventOf<T> {
  const payload: Omit<WebhookEventOf<'NoteCreate'>, 'type'> = compact({
    locationId: note.locationId,
    id: note.id,
    body: note.body,
    contactId: note.contactId,
    dateAdded: note.dateAdded,
    ...stamp,
  });
  return { type, ...payload } as WebhookEventOf<T>;
}

/**
 * A TaskCreate/Complete/Delete event.
 *
 * @example
 * taskEvent('TaskComplete', task, stampDelivery(clock));
 */
export function taskEvent<T extends TaskEventType>(
  type: T,
  task: TaskInput,
  stamp: DeliveryStamp,
): WebhookEventOf<T> {
  const payload: Omit<WebhookEventOf<'TaskCreate'>, 'type'> = compact({
    locationId: task.locationId,
    id: task.id,
    assignedTo: task.assignedTo,
    body: task.body,
    contactId: task.contactId,
    title: task.title,
    dateAdded: task.dateAdded,
    dueDate: task.dueDate,
    ...stamp,
  });
  return { type, ...payload } as WebhookEventOf<T>;
}
