/**
 * Everything the emulator stores, as plain JSON-serialisable data so a snapshot can be written
 * to a file (`--state FILE`) and loaded back. Records are keyed by id; every record carries its
 * `locationId` so a Location's state can be listed and tokens checked against it.
 */
import type {
  AppointmentNoteRecord,
  BlockedSlotRecord,
  Calendar,
  CalendarEvent,
} from './calendars/core/model.js';
import type {
  CalendarGroupRecord,
  CalendarNotificationRecord,
  CalendarResourceRecord,
} from './calendars/core/adminModel.js';
import type {
  CampaignRecord,
  ContactCampaignRecord,
  ContactWorkflowRecord,
  WorkflowRecord,
} from './automation/core/model.js';
import type { BusinessRecord } from './businesses/model.js';
import type { ContactRecord, NoteRecord, TaskRecord } from './contacts/core/model.js';
import type { ConversationRecord, MessageRecord } from './conversations/model.js';
import type { CallRecordingRecord } from './conversations/core/recording.js';
import type { LiveChatTypingRecord } from './conversations/core/typing.js';
import type { AssociationRecord, RelationRecord } from './associations/core/model.js';
import type {
  BlogAuthorRecord,
  BlogCategoryRecord,
  BlogPostRecord,
  BlogRecord,
} from './blogs/core/model.js';
import type {
  CompanyRecord,
  CustomFieldRecord,
  LocationRecord,
  LocationTagRecord,
  TokenRecord,
  UserRecord,
} from './locations/model.js';
import type {
  AppInstallRecord,
  AuthorizationCodeRecord,
  CompanyTokenRecord,
  OAuthAppRecord,
  RefreshTokenRecord,
} from './oauth/model.js';
import type { OpportunityRecord, PipelineRecord } from './opportunities/core/model.js';
import type { SnapshotRecord } from './snapshots/model.js';
import type { WebhookSubscriptionRecord } from './webhooks/model.js';

/** One request the emulator answered, as `GET /_emulator/requests` lists it. */
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
  calendarGroups: Record<string, CalendarGroupRecord>;
  calendarNotifications: Record<string, CalendarNotificationRecord>;
  /** Rooms and equipment. */
  calendarResources: Record<string, CalendarResourceRecord>;
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
  /** Call recordings and transcriptions, keyed by the call message's id. */
  callRecordings: Record<string, CallRecordingRecord>;
  /** The live-chat typing indicator last set on each conversation, keyed by conversation id. */
  liveChatTyping: Record<string, LiveChatTypingRecord>;
  associations: Record<string, AssociationRecord>;
  relations: Record<string, RelationRecord>;
  blogs: Record<string, BlogRecord>;
  blogAuthors: Record<string, BlogAuthorRecord>;
  blogCategories: Record<string, BlogCategoryRecord>;
  blogPosts: Record<string, BlogPostRecord>;
  workflows: Record<string, WorkflowRecord>;
  campaigns: Record<string, CampaignRecord>;
  /** Which contacts are in which campaigns. */
  contactCampaigns: Record<string, ContactCampaignRecord>;
  /** Which contacts are in which workflows. */
  contactWorkflows: Record<string, ContactWorkflowRecord>;
  businesses: Record<string, BusinessRecord>;
  /** Agency snapshots; each carries its `companyId`, not a Location. */
  snapshots: Record<string, SnapshotRecord>;
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
    calendarGroups: recordMap(),
    calendarNotifications: recordMap(),
    calendarResources: recordMap(),
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
    callRecordings: recordMap(),
    liveChatTyping: recordMap(),
    associations: recordMap(),
    relations: recordMap(),
    blogs: recordMap(),
    blogAuthors: recordMap(),
    blogCategories: recordMap(),
    blogPosts: recordMap(),
    workflows: recordMap(),
    campaigns: recordMap(),
    contactCampaigns: recordMap(),
    contactWorkflows: recordMap(),
    businesses: recordMap(),
    snapshots: recordMap(),
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
    calendarGroups: mine(state.calendarGroups),
    calendarNotifications: mine(state.calendarNotifications),
    calendarResources: mine(state.calendarResources),
    pipelines: mine(state.pipelines),
    opportunities: mine(state.opportunities),
    conversations: mine(state.conversations),
    messages: mine(state.messages),
    callRecordings: mine(state.callRecordings),
    liveChatTyping: mine(state.liveChatTyping),
    associations: mine(state.associations),
    relations: mine(state.relations),
    blogs: mine(state.blogs),
    blogAuthors: mine(state.blogAuthors),
    blogCategories: mine(state.blogCategories),
    blogPosts: mine(state.blogPosts),
    workflows: mine(state.workflows),
    campaigns: mine(state.campaigns),
    contactCampaigns: mine(state.contactCampaigns),
    contactWorkflows: mine(state.contactWorkflows),
    businesses: mine(state.businesses),
    webhook: state.webhookSubscriptions[locationId] ?? null,
  };
}
