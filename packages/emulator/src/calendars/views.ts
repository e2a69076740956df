/**
 * Stored calendars, appointments and blocked slots as HighLevel's endpoints return them
 * (spec/highlevel/apps/calendars.json). Times are stored as instants; each endpoint writes them
 * its own way: ISO with the calendar zone's offset on the calendar endpoints, offset-less wall
 * clock on `GET /contacts/{contactId}/appointments`
 * (docs/highlevel-behaviour.md#appointment-timestamps).
 */
import type { UserRecord } from '../locations/model.js';
import type { AppointmentInput } from '../webhooks/core/appointmentEvents.js';
import { compact } from '../webhooks/core/stamp.js';
import type {
  AppointmentNoteRecord,
  BlockedSlotRecord,
  Calendar,
  CalendarEvent,
} from './core/model.js';
import { formatOffsetIso, formatWallClock } from './core/times.js';

/** A calendar as HighLevel answers it (`CalendarDTO`). */
export type CalendarView = Omit<Calendar, 'availabilityType'> & { availabilityType?: 0 | 1 };

/** `CalendarDTO`: the stored calendar, without `availabilityType` when it is unset (null). */
export function calendarView(calendar: Calendar): CalendarView {
  const { availabilityType, ...rest } = calendar;
  return availabilityType === null ? rest : { ...rest, availabilityType };
}

/** `CalendarEventDTO`, the shape of `GET …/appointments/{eventId}` and `GET /calendars/events`. */
export type EventView = {
  id: string;
  title: string;
  calendarId: string;
  locationId: string;
  contactId: string;
  groupId?: string;
  appointmentStatus: string;
  assignedUserId?: string;
  users: string[];
  address?: string;
  description?: string;
  startTime: string;
  endTime: string;
  dateAdded: string;
  dateUpdated: string;
};

export function eventView(event: CalendarEvent, zone: string): EventView {
  const at = (ms: number) => formatOffsetIso(ms, zone);
  return compact({
    id: event.id,
    title: event.title,
    calendarId: event.calendarId,
    locationId: event.locationId,
    contactId: event.contactId,
    groupId: event.groupId,
    appointmentStatus: event.appointmentStatus,
    assignedUserId: event.assignedUserId,
    users: event.users,
    address: event.address,
    description: event.description,
    startTime: at(event.startTime),
    endTime: at(event.endTime),
    dateAdded: at(event.dateAdded),
    dateUpdated: at(event.dateUpdated),
  }) satisfies AppointmentInput;
}

/**
 * `AppointmentSchemaResponse`, what create and update answer: flat, and with HighLevel's
 * misspelled `appoinmentStatus` beside `appointmentStatus`
 * (docs/highlevel-behaviour.md#misspellings).
 */
export function appointmentResponse(event: CalendarEvent, zone: string) {
  return compact({
    id: event.id,
    calendarId: event.calendarId,
    locationId: event.locationId,
    contactId: event.contactId,
    startTime: formatOffsetIso(event.startTime, zone),
    endTime: formatOffsetIso(event.endTime, zone),
    title: event.title,
    meetingLocationType: event.meetingLocationType,
    appointmentStatus: event.appointmentStatus,
    appoinmentStatus: event.appointmentStatus,
    assignedUserId: event.assignedUserId,
    address: event.address,
  });
}

/** `BlockedSlotSuccessfulResponseDto`, what block-slot create and update answer. */
export function blockedSlotView(block: BlockedSlotRecord, zone: string) {
  return compact({
    id: block.id,
    locationId: block.locationId,
    title: block.title,
    startTime: formatOffsetIso(block.startTime, zone),
    endTime: formatOffsetIso(block.endTime, zone),
    calendarId: block.calendarId,
    assignedUserId: block.assignedUserId,
  });
}

/** A blocked slot as `GET /calendars/blocked-slots` lists it: an event without contact or status. */
export function blockedSlotEventView(block: BlockedSlotRecord, zone: string) {
  return {
    ...blockedSlotView(block, zone),
    dateAdded: formatOffsetIso(block.dateAdded, zone),
    dateUpdated: formatOffsetIso(block.dateUpdated, zone),
  };
}

/**
 * `GetEventSchema` of `GET /contacts/{contactId}/appointments`: the times as the calendar's wall
 * clock without an offset, `2021-07-16 11:00:00` (the spec's examples).
 */
export function contactAppointmentView(event: CalendarEvent, zone: string) {
  const wall = (ms: number) => formatWallClock(ms, zone);
  return compact({
    id: event.id,
    calendarId: event.calendarId,
    title: event.title,
    assignedUserId: event.assignedUserId,
    startTime: wall(event.startTime),
    endTime: wall(event.endTime),
    address: event.address,
    locationId: event.locationId,
    contactId: event.contactId,
    groupId: event.groupId,
    appointmentStatus: event.appointmentStatus,
    users: event.users,
    dateAdded: wall(event.dateAdded),
    dateUpdated: wall(event.dateUpdated),
  });
}

/** `GetNoteSchema`; `createdBy` names the note's user when the Location has that user. */
export function appointmentNoteView(note: AppointmentNoteRecord, author: UserRecord | undefined) {
  return compact({
    id: note.id,
    body: note.body,
    userId: note.userId,
    dateAdded: note.dateAdded,
    contactId: note.contactId,
    createdBy: author && { id: author.id, name: author.name },
  });
}
