/**
 * Contacts with their notes and tasks as the emulator stores them
 * (spec/highlevel/apps/contacts.json). Every record carries its `locationId`.
 */

/** Which field a Location checks for duplicates first (HighLevel "Allow Duplicate Contact"). */
export type DuplicateField = 'email' | 'phone';

/** A custom field's value, in the type the field's `dataType` asks for. */
export type CustomFieldValue = string | number | boolean | string[] | Record<string, unknown>;

export interface ContactRecord {
  id: string;
  locationId: string;
  firstName?: string | null;
  lastName?: string | null;
  name?: string | null;
  email?: string | null;
  phone?: string | null;
  companyName?: string | null;
  address1?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country?: string | null;
  website?: string | null;
  timezone?: string | null;
  source?: string | null;
  assignedTo?: string | null;
  dateOfBirth?: string | null;
  gender?: string | null;
  dnd?: boolean;
  dndSettings?: Record<string, unknown>;
  inboundDndSettings?: Record<string, unknown>;
  type: string;
  tags: string[];
  /** User ids following the contact (`POST /contacts/{contactId}/followers`); absent until set. */
  followers?: string[];
  /** The business the contact works for (`POST /contacts/bulk/business`); absent until set. */
  businessId?: string;
  /** Custom field id -> value, in the type the field's dataType asks for. */
  customFields: Record<string, CustomFieldValue>;
  dateAdded: string;
  dateUpdated: string;
}

export interface NoteRecord {
  id: string;
  locationId: string;
  contactId: string;
  body: string;
  userId?: string;
  title?: string;
  color?: string;
  pinned?: boolean;
  dateAdded: string;
}

export interface TaskRecord {
  id: string;
  locationId: string;
  contactId: string;
  title: string;
  body?: string;
  assignedTo?: string;
  dueDate: string;
  completed: boolean;
  dateAdded: string;
}
