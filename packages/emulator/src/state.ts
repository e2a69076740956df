/**
 * Everything the emulator stores, as plain JSON-serialisable data so a snapshot can be written
 * to a file (`--state FILE`) and loaded back. Records are keyed by id; every record carries its
 * `locationId` so a Location's state can be listed and tokens checked against it.
 */
import type { BlockedSlot, Calendar, CalendarEvent } from './calendars/index.js';

import type { ConversationRecord, MessageRecord } from './conversations/model.js';
import type {
  AppInstallRecord,
  AuthorizationCodeRecord,
  CompanyTokenRecord,
  OAuthAppRecord,
  RefreshTokenRecord,
} from './oauth/model.js';
import type { OpportunityRecord, PipelineRecord } from './opportunities/model.js';
import type { WebhookSubscriptionRecord } from './webhookRouting/recipients.js';

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

/** An agency: the `companyId` its Locations carry. */
export interface CompanyRecord {
  id: string;
  name: string;
  dateAdded: string;
}

export interface TokenRecord {
  token: string;
  /** `pit` (private integration) or `oauth` (a marketplace app's Location token). */
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

/** A blocked slot with the times it was written (epoch ms), for the event views. */
export interface BlockedSlotRecord extends BlockedSlot {
  dateAdded: number;
  dateUpdated: number;
}

/** A note on an appointment (calendars.json `GetNoteSchema`). */
export interface AppointmentNoteRecord {
  id: string;
  locationId: string;
  appointmentId: string;
  contactId: string;
  body: string;
  userId?: string;
  dateAdded: string;
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
  calendars: Record<string, Calendar>;
  /** Appointments; times in epoch ms. */
  appointments: Record<string, CalendarEvent>;
  blockedSlots: Record<string, BlockedSlotRecord>;
  appointmentNotes: Record<string, AppointmentNoteRecord>;
  requests: RequestLogEntry[];
  companies: Record<string, CompanyRecord>;
  apps: Record<string, OAuthAppRecord>;
  installs: Record<string, AppInstallRecord>;
  authorizationCodes: Record<string, AuthorizationCodeRecord>;
  refreshTokens: Record<string, RefreshTokenRecord>;
  /** Agency (Company) access tokens; Location tokens are in `tokens`. */
  companyTokens: Record<string, CompanyTokenRecord>;
  /** Webhook URL per Location for private-integration users, keyed by locationId. */
  webhookSubscriptions: Record<string, WebhookSubscriptionRecord>;
  pipelines: Record<string, PipelineRecord>;
  opportunities: Record<string, OpportunityRecord>;
  conversations: Record<string, ConversationRecord>;
  messages: Record<string, MessageRecord>;
}

/**
 * A record map without a prototype: ids come from request paths, and on a plain object an id such
 * as `constructor` or `__proto__` would find `Object.prototype`'s members instead of nothing.
 */
function recordMap<T>(entries: Record<string, T> = {}): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

export function emptyState(): EmulatorState {
  return {
    version: 1,
    locations: recordMap(),
    tokens: recordMap(),
    contacts: recordMap(),
    notes: recordMap(),
    tasks: recordMap(),
    customFields: recordMap(),
    tags: recordMap(),
    users: recordMap(),
    calendars: recordMap(),
    appointments: recordMap(),
    blockedSlots: recordMap(),
    appointmentNotes: recordMap(),
    requests: [],
    companies: recordMap(),
    apps: recordMap(),
    installs: recordMap(),
    authorizationCodes: recordMap(),
    refreshTokens: recordMap(),
    companyTokens: recordMap(),
    webhookSubscriptions: recordMap(),
    pipelines: recordMap(),
    opportunities: recordMap(),
    conversations: recordMap(),
    messages: recordMap(),
  };
}

/** Replaces `target`'s contents with `source`'s, keeping the object identity callers hold. */
export function replaceState(target: EmulatorState, source: EmulatorState): void {
  const fresh = { ...emptyState(), ...structuredClone(source) };
  for (const key of Object.keys(fresh) as (keyof EmulatorState)[]) {
    const value = fresh[key];
    (target as unknown as Record<string, unknown>)[key] =
      value && typeof value === 'object' && !Array.isArray(value)
        ? recordMap(value as Record<string, unknown>)
        : value;
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
    calendars: mine(state.calendars),
    appointments: mine(state.appointments),
    blockedSlots: mine(state.blockedSlots),
    appointmentNotes: mine(state.appointmentNotes),
    pipelines: mine(state.pipelines),
    opportunities: mine(state.opportunities),
    conversations: mine(state.conversations),
    messages: mine(state.messages),
    webhook: state.webhookSubscriptions[locationId] ?? null,
  };
}
