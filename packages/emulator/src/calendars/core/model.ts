import type { DurationUnit, NoticeUnit, WindowUnit } from './times.js';

// Shapes follow the calendar DTOs of the official spec, spec/highlevel/apps/calendars.json
// (`CalendarCreateDTO`, `CalendarDTO`, `CalendarEventDTO`, `BlockedSlotSuccessfulResponseDto`),
// keeping HighLevel's spellings (`appoinmentPerSlot`, `appoinmentPerDay`). A calendar has no
// time zone of its own: its hours are read in the location's (or calendar owner's) zone, which
// callers pass next to it.

export const CALENDAR_TYPES = [
  'round_robin',
  'event',
  'class_booking',
  'collective',
  'service_booking',
  'personal',
] as const;
export type CalendarType = (typeof CALENDAR_TYPES)[number];

export const APPOINTMENT_STATUSES = [
  'new',
  'confirmed',
  'cancelled',
  'showed',
  'noshow',
  'invalid',
] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const LOCATION_KINDS = [
  'custom',
  'zoom_conference',
  'google_conference',
  'inbound_call',
  'outbound_call',
  'physical',
  'booker',
  'ms_teams_conference',
] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

/**
 * One open range of a day. A close of 00:00 (or 23:60, the spec allows minute 60) is the
 * midnight that ends the day ([spec] `Hour`).
 */
export interface Hours {
  openHour: number;
  openMinute: number;
  closeHour: number;
  closeMinute: number;
}

/** Weekly hours: `daysOfTheWeek` uses 0 = Sunday … 6 = Saturday ([spec] `OpenHour`). */
export interface OpenHours {
  daysOfTheWeek: number[];
  hours: Hours[];
}

/**
 * Hours for one date that replace that weekday's `openHours`; an empty `hours` closes the day.
 * `date` is `<YYYY-MM-DD local>T00:00:00.000Z` ([spec] `Availability`).
 */
export interface Availability {
  date: string;
  hours: Hours[];
  deleted: boolean;
}

export interface TeamMember {
  userId: string;
  priority: 0 | 0.5 | 1;
  isPrimary?: boolean;
}

export interface LocationConfiguration {
  kind: LocationKind;
  location?: string;
}

/**
 * Which hours apply ([spec] `CalendarCreateDTO.availabilityType`): 0 only `openHours`, 1 only
 * `availabilities`, null both (a date's availability replaces its weekday hours).
 */
export type AvailabilityType = 0 | 1 | null;

/** A calendar as the emulator stores it, with HighLevel's defaults filled in. */
export interface Calendar {
  id: string;
  locationId: string;
  groupId?: string;
  name: string;
  description?: string;
  slug?: string;
  widgetSlug?: string;
  calendarType: CalendarType;
  widgetType: 'default' | 'classic';
  eventType: 'RoundRobin_OptimizeForAvailability' | 'RoundRobin_OptimizeForEqualDistribution';
  eventTitle: string;
  eventColor: string;
  teamMembers: TeamMember[];
  locationConfigurations: LocationConfiguration[];
  slotDuration: number;
  slotDurationUnit: DurationUnit;
  slotInterval: number;
  slotIntervalUnit: DurationUnit;
  /** Post-buffer: time kept free after each appointment. */
  slotBuffer: number;
  slotBufferUnit: DurationUnit;
  preBuffer: number;
  preBufferUnit: DurationUnit;
  appoinmentPerSlot: number;
  appoinmentPerDay?: number;
  /** Minimum scheduling notice. */
  allowBookingAfter?: number;
  allowBookingAfterUnit?: NoticeUnit;
  /** How far ahead of now bookings are allowed. */
  allowBookingFor?: number;
  allowBookingForUnit?: WindowUnit;
  openHours: OpenHours[];
  availabilityType: AvailabilityType;
  availabilities: Availability[];
  enableRecurring: boolean;
  autoConfirm: boolean;
  allowReschedule: boolean;
  allowCancellation: boolean;
  googleInvitationEmails: boolean;
  isActive: boolean;
  formId?: string;
  formSubmitType: 'RedirectURL' | 'ThankYouMessage';
  formSubmitRedirectURL?: string;
  formSubmitThanksMessage?: string;
  guestType?: 'count_only' | 'collect_detail';
  stickyContact?: boolean;
  isLivePaymentMode?: boolean;
  shouldSendAlertEmailsToAssignedMember?: boolean;
  shouldAssignContactToTeamMember?: boolean;
  shouldSkipAssigningContactForExisting?: boolean;
  alertEmail?: string;
  pixelId?: string;
  consentLabel?: string;
  calendarCoverImage?: string;
  notes?: string;
}

/**
 * An appointment ([spec] `CalendarEventDTO`). Times are instants in epoch ms; routes render them
 * with `formatOffsetIso` or `formatWallClock`.
 */
export interface CalendarEvent {
  id: string;
  calendarId: string;
  locationId: string;
  contactId: string;
  groupId?: string;
  title: string;
  appointmentStatus: AppointmentStatus;
  assignedUserId?: string;
  users: string[];
  address?: string;
  notes?: string;
  description?: string;
  meetingLocationType?: string;
  meetingLocationId?: string;
  isRecurring?: boolean;
  rrule?: string;
  startTime: number;
  endTime: number;
  dateAdded: number;
  dateUpdated: number;
}

/**
 * A blocked slot ([spec] `BlockSlotCreateRequestDTO`): it belongs to a calendar or to a user,
 * "not both". Times are epoch ms.
 */
export interface BlockedSlot {
  id: string;
  locationId: string;
  calendarId?: string;
  assignedUserId?: string;
  title: string;
  startTime: number;
  endTime: number;
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
