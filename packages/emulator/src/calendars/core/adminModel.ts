/**
 * The records behind HighLevel's calendar administration (spec/highlevel/apps/calendars.json):
 * calendar groups (`GroupDTO`), a calendar's notifications (`CalendarNotificationResponseDTO`)
 * and the Location's rooms and equipment (`CalendarResourceByIdResponseDTO`).
 */

/** A group of calendars, shown together on one booking page at its `slug`. */
export interface CalendarGroupRecord {
  id: string;
  locationId: string;
  name: string;
  description: string;
  slug: string;
  isActive: boolean;
}

export const RECEIVER_TYPES = [
  'contact',
  'guest',
  'assignedUser',
  'emails',
  'phoneNumbers',
  'business',
] as const;
export const NOTIFICATION_CHANNELS = ['email', 'inApp', 'sms', 'whatsapp'] as const;
export const NOTIFICATION_TYPES = [
  'booked',
  'confirmation',
  'cancellation',
  'reminder',
  'followup',
  'reschedule',
] as const;

/** When a reminder (before) or follow-up (after) goes out ([spec] `SchedulesDTO`). */
export interface NotificationSchedule {
  timeOffset?: number;
  unit?: string;
}

/**
 * One notification a calendar sends: to whom (`receiverType`), how (`channel`) and on what
 * (`notificationType`). `deleted` is HighLevel's soft delete; the emulator stores, never sends.
 */
export interface CalendarNotificationRecord {
  id: string;
  locationId: string;
  calendarId: string;
  receiverType: (typeof RECEIVER_TYPES)[number];
  channel: (typeof NOTIFICATION_CHANNELS)[number];
  notificationType: (typeof NOTIFICATION_TYPES)[number];
  isActive: boolean;
  deleted: boolean;
  templateId?: string;
  body?: string;
  subject?: string;
  afterTime?: NotificationSchedule[];
  beforeTime?: NotificationSchedule[];
  additionalEmailIds?: string[];
  additionalPhoneNumbers?: string[];
  selectedUsers?: string[];
  fromAddress?: string;
  fromName?: string;
  fromNumber?: string;
}

export const RESOURCE_TYPES = ['equipments', 'rooms'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** A room or a piece of equipment that service calendars book along with a person. */
export interface CalendarResourceRecord {
  id: string;
  locationId: string;
  resourceType: ResourceType;
  name: string;
  description: string;
  /** How many of the equipment there are. */
  quantity: number;
  /** How many of them are out of service. */
  outOfService: number;
  /** How many people the room holds. */
  capacity: number;
  calendarIds: string[];
  isActive: boolean;
}
