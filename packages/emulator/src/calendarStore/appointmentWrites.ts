/**
 * Booking, rescheduling and deleting appointments. The slot check (`checkSlotAvailable`, the
 * pure rule shared with free-slots) and the write happen in one synchronous step with no `await`
 * between them, so of two requests racing for the last place in a slot exactly one is booked
 * (docs/highlevel-behaviour.md#booking-a-slot).
 */
import {
  checkSlotAvailable,
  formatOffsetIso,
  parseInstant,
  SLOT_UNAVAILABLE_MESSAGE,
  type AppointmentStatus,
  type Calendar,
  type CalendarEvent,
  type SlotCheckResult,
} from '../calendars/index.js';
import { badRequest, unprocessable } from '../errors.js';
import { newId, newTraceId } from '../ids.js';
import { emit, type Runtime } from '../runtime.js';
import type { ContactRecord, LocationRecord } from '../state.js';
import { bookableContact, bookings, calendarOf, calendarZone } from './lookup.js';
import { eventView } from './views.js';

type Body = Record<string, unknown>;

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * HighLevel's 400 for a start time that is not (or no longer) a free slot, with a `traceId` as
 * in the captured body (docs/highlevel-behaviour.md#slot-no-longer-available).
 */
export const slotUnavailable = () =>
  badRequest(SLOT_UNAVAILABLE_MESSAGE, { traceId: newTraceId() });

/**
 * Recurring appointments (`rrule`) are not modelled; refusing them is better than storing a
 * series that never repeats.
 */
function refuseRecurring(input: Body): void {
  if (input.rrule !== undefined) throw unprocessable(['rrule is not supported by the emulator']);
}

function bookedTimes(result: SlotCheckResult): { startTime: number; endTime: number } {
  if (result.ok) return result;
  if (result.code === 'slot_unavailable') throw slotUnavailable();
  throw unprocessable([result.message]);
}

/** The member a booking goes to when none is named: the only one of a one-member calendar. */
function defaultAssignee(calendar: Calendar): string | undefined {
  return calendar.teamMembers.length === 1 ? calendar.teamMembers[0]?.userId : undefined;
}

/**
 * The calendar's `eventTitle` with the contact merge fields filled in (`{{contact.name}}` is
 * HighLevel's default title, [spec] CalendarCreateDTO.eventTitle); the calendar's name when
 * nothing is left.
 */
export function appointmentTitle(calendar: Calendar, contact: ContactRecord): string {
  const fields: Record<string, string | null | undefined> = {
    name: contact.name ?? [contact.firstName, contact.lastName].filter(Boolean).join(' '),
    first_name: contact.firstName,
    last_name: contact.lastName,
    email: contact.email,
    phone: contact.phone,
  };
  const title = calendar.eventTitle
    .replace(/\{\{\s*contact\.(\w+)\s*\}\}/g, (_, key: string) => fields[key] ?? '')
    .trim();
  return title || calendar.name;
}

function announce(rt: Runtime, type: string, event: CalendarEvent): void {
  emit(rt, {
    type,
    locationId: event.locationId,
    payload: eventView(event, calendarZone(rt, event)),
  });
}

/** `POST /calendars/events/appointments` after body validation. */
export function createAppointment(rt: Runtime, location: LocationRecord, input: Body) {
  refuseRecurring(input);
  const calendar = calendarOf(rt, location, input.calendarId as string);
  const contact = bookableContact(rt, location, input.contactId as string);
  const zone = calendarZone(rt, calendar);
  const assignedUserId = text(input.assignedUserId) ?? defaultAssignee(calendar);
  const now = rt.clock.now();
  const { startTime, endTime } = bookedTimes(
    checkSlotAvailable({
      calendar,
      calendarTimezone: zone,
      startTime: input.startTime as string,
      endTime: text(input.endTime),
      now,
      ...bookings(rt, location.id),
      assignedUserId,
      ignoreFreeSlotValidation: input.ignoreFreeSlotValidation === true,
      ignoreDateRange: input.ignoreDateRange === true,
    }),
  );
  const event: CalendarEvent = {
    id: newId(),
    calendarId: calendar.id,
    locationId: location.id,
    contactId: contact.id,
    ...(calendar.groupId === undefined ? {} : { groupId: calendar.groupId }),
    title: text(input.title) ?? appointmentTitle(calendar, contact),
    // HighLevel keeps a requested status, even `new` on an auto-confirming calendar
    // (docs/highlevel-behaviour.md#appointment-writes).
    appointmentStatus:
      (input.appointmentStatus as AppointmentStatus | undefined) ??
      (calendar.autoConfirm ? 'confirmed' : 'new'),
    ...(assignedUserId === undefined ? {} : { assignedUserId }),
    users: [],
    ...optionalText(input, 'address', 'meetingLocationType', 'meetingLocationId'),
    startTime,
    endTime,
    dateAdded: now,
    dateUpdated: now,
  };
  rt.state.appointments[event.id] = event;
  announce(rt, 'AppointmentCreate', event);
  return event;
}

function optionalText(input: Body, ...keys: (keyof CalendarEvent)[]): Partial<CalendarEvent> {
  const out: Record<string, string> = {};
  for (const key of keys) {
    const value = text(input[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/**
 * The new end when only the start moves: the appointment keeps its length. An unreadable start
 * is left for `checkSlotAvailable` to report.
 */
function endAfterMove(event: CalendarEvent, input: Body, zone: string): string {
  const sent = text(input.endTime);
  if (sent !== undefined) return sent;
  const sentStart = text(input.startTime);
  const start = sentStart === undefined ? undefined : parseInstant(sentStart, zone);
  const duration = event.endTime - event.startTime;
  return formatOffsetIso(start === undefined ? event.endTime : start + duration, zone);
}

/**
 * `PUT /calendars/events/appointments/{eventId}` after body validation. A new time, calendar or
 * assignee, or bringing a cancelled appointment back, needs a free slot, checked without the
 * appointment's own current time (so moving it by one slot works). A status or title change
 * alone is not re-checked: confirming a held appointment must not fail because its slot is now
 * in the past or full.
 */
export function updateAppointment(
  rt: Runtime,
  location: LocationRecord,
  event: CalendarEvent,
  input: Body,
) {
  refuseRecurring(input);
  const calendar = calendarOf(rt, location, text(input.calendarId) ?? event.calendarId);
  const zone = calendarZone(rt, calendar);
  const status =
    (input.appointmentStatus as AppointmentStatus | undefined) ?? event.appointmentStatus;
  const assignedUserId = text(input.assignedUserId) ?? event.assignedUserId;
  const moved =
    input.startTime !== undefined ||
    input.endTime !== undefined ||
    calendar.id !== event.calendarId ||
    assignedUserId !== event.assignedUserId ||
    (event.appointmentStatus === 'cancelled' && status !== 'cancelled');
  const now = rt.clock.now();
  const { startTime, endTime } = bookedTimes(
    checkSlotAvailable({
      calendar,
      calendarTimezone: zone,
      startTime: text(input.startTime) ?? formatOffsetIso(event.startTime, zone),
      endTime: endAfterMove(event, input, zone),
      now,
      ...bookings(rt, location.id),
      assignedUserId,
      excludeEventId: event.id,
      ignoreFreeSlotValidation:
        !moved || status === 'cancelled' || input.ignoreFreeSlotValidation === true,
      ignoreDateRange: input.ignoreDateRange === true,
    }),
  );
  const groupId = calendar.groupId;
  Object.assign(event, {
    calendarId: calendar.id,
    groupId,
    title: text(input.title) ?? event.title,
    appointmentStatus: status,
    assignedUserId,
    ...optionalText(input, 'address', 'meetingLocationType', 'meetingLocationId'),
    startTime,
    endTime,
    dateUpdated: now,
  });
  if (groupId === undefined) delete event.groupId;
  if (assignedUserId === undefined) delete event.assignedUserId;
  announce(rt, 'AppointmentUpdate', event);
  return event;
}

/** Removes an appointment with its notes. */
export function deleteAppointment(rt: Runtime, event: CalendarEvent): void {
  delete rt.state.appointments[event.id];
  for (const [id, note] of Object.entries(rt.state.appointmentNotes)) {
    if (note.appointmentId === event.id) delete rt.state.appointmentNotes[id];
  }
  announce(rt, 'AppointmentDelete', event);
}
