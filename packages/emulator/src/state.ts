/**
 * Everything the emulator stores, as plain JSON-serialisable data so a snapshot can be written
 * to a file (`--state FILE`) and loaded back. Records are keyed by id; every record carries its
 * `locationId` so a Location's state can be listed and tokens checked against it.
 */

/** Which field a Location checks for duplicates first (HighLevel "Allow Duplicate Contact"). */
export type DuplicateField = 'email' | 'phone';

export interface LocationRecord {
  id: string;
  companyId: string;
  name: string;
  timezone: string;
  /** ISO 3166 alpha-2, used to read national phone numbers (`US` reads `(415) 555-0100`). */
  country: string;
  /** When false (HighLevel's default) a create matching an existing contact is refused. */
  allowDuplicateContact: boolean;
  /** The order in which email and phone are matched by upsert and duplicate search. */
  duplicatePriority: DuplicateField[];
  dateAdded: string;
}

export interface TokenRecord {
  token: string;
  /** `pit` now; `oauth` tokens (with `expiresAt`) plug in here later. */
  kind: 'pit' | 'oauth';
  locationId: string;
  companyId: string;
  /** The app the token belongs to: rate limits are per app per Location. */
  appId: string;
  scopes: string[];
  /** Epoch ms after which the token is refused with 401 Invalid JWT; null = never. */
  expiresAt: number | null;
}

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

export interface CustomFieldRecord {
  id: string;
  locationId: string;
  name: string;
  fieldKey: string;
  dataType: string;
  placeholder: string;
  position: number;
  model: 'contact' | 'opportunity';
  picklistOptions: string[];
  acceptedFormat?: string[];
  isMultiFileAllowed?: boolean;
  maxFileLimit?: number;
  textBoxListOptions?: { label?: string; prefillValue?: string }[];
  parentId?: string;
  description?: string;
  dateAdded: string;
}

export interface LocationTagRecord {
  id: string;
  locationId: string;
  name: string;
}

export interface UserRecord {
  id: string;
  locationId: string;
  companyId: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  role: 'admin' | 'user';
}

export interface RequestLogEntry {
  method: string;
  path: string;
  /** The spec's path template when the request matched an operation. */
  operation: string | null;
  status: number;
  /** ISO time the request arrived, from the emulator clock. */
  time: string;
  durationMs: number;
  locationId: string | null;
}

export interface EmulatorState {
  version: 1;
  locations: Record<string, LocationRecord>;
  tokens: Record<string, TokenRecord>;
  contacts: Record<string, ContactRecord>;
  notes: Record<string, NoteRecord>;
  tasks: Record<string, TaskRecord>;
  customFields: Record<string, CustomFieldRecord>;
  tags: Record<string, LocationTagRecord>;
  users: Record<string, UserRecord>;
  requests: RequestLogEntry[];
}

export function emptyState(): EmulatorState {
  return {
    version: 1,
    locations: {},
    tokens: {},
    contacts: {},
    notes: {},
    tasks: {},
    customFields: {},
    tags: {},
    users: {},
    requests: [],
  };
}

/** Replaces `target`'s contents with `source`'s, keeping the object identity callers hold. */
export function replaceState(target: EmulatorState, source: EmulatorState): void {
  const fresh = { ...emptyState(), ...structuredClone(source) };
  for (const key of Object.keys(fresh) as (keyof EmulatorState)[]) {
    (target as unknown as Record<string, unknown>)[key] = fresh[key];
  }
}

/** Every record of one Location, for `GET /_emulator/locations/:id/state`. */
export function locationState(state: EmulatorState, locationId: string) {
  const mine = <T extends { locationId: string }>(records: Record<string, T>) =>
    Object.values(records).filter((r) => r.locationId === locationId);
  return {
    location: state.locations[locationId] ?? null,
    tokens: mine(state.tokens),
    contacts: mine(state.contacts),
    notes: mine(state.notes),
    tasks: mine(state.tasks),
    customFields: mine(state.customFields),
    tags: mine(state.tags),
    users: mine(state.users),
  };
}
