/**
 * Booking, rescheduling and deleting appointments. The slot check (`checkBooking`, the pure rule
 * shared with free-slots, which also picks a team calendar's member) and the write happen in one
 * synchronous step with no `await` between them, so of two requests racing for the last place in
 * a slot exactly one is booked (docs/highlevel-behaviour.md#booking-a-slot).
 */
import { badRequest, unprocessable } from '../errors.js';
import { newId, newTraceId } from '../ids.js';
import type { LocationRecord } from '../locations/model.js';
import { emit, type Runtime } from '../runtime.js';
import {
  appointmentTitle,
  defaultAssignee,
  endAfterMove,
  initialStatus,
  optionalText,
  updateNeedsFreeSlot,
} from './core/appointmentRules.js';
import { SLOT_UNAVAILABLE_MESSAGE } from './core/booking.js';
import { asText, type Body } from './core/fields.js';
import type { AppointmentStatus, CalendarEvent } from './core/model.js';
import { checkBooking, type BookingResult } from './core/teamBooking.js';
import { formatOffsetIso } from './core/times.js';
import { bookableContact, bookings, calendarOf, calendarZone } from './lookup.js';
import { eventView } from './views.js';

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

function booked(result: BookingResult): Extract<BookingResult, { ok: true }> {
  if (result.ok) return result;
  if (result.code === 'slot_unavailable') throw slotUnavailable();
  throw unprocessable([result.message]);
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
  const now = rt.clock.now();
  const { startTime, endTime, assignedUserId, users } = booked(
    checkBooking({
      calendar,
      calendarTimezone: zone,
      startTime: input.startTime as string,
      endTime: asText(input.endTime),
      now,
      ...bookings(rt, location.id),
      requested: asText(input.assignedUserId),
      current: defaultAssignee(calendar),
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
    title: asText(input.title) ?? appointmentTitle(calendar, contact),
    appointmentStatus: initialStatus(
      calendar,
      input.appointmentStatus as AppointmentStatus | undefined,
    ),
    ...(assignedUserId === undefined ? {} : { assignedUserId }),
    users,
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

/**
 * `PUT /calendars/events/appointments/{eventId}` after body validation. When the change needs a
 * free slot (`updateNeedsFreeSlot`), it is checked without the appointment's own current time,
 * so moving it by one slot works.
 */
export function updateAppointment(
  rt: Runtime,
  location: LocationRecord,
  event: CalendarEvent,
  input: Body,
) {
  refuseRecurring(input);
  const calendar = calendarOf(rt, location, asText(input.calendarId) ?? event.calendarId);
  const zone = calendarZone(rt, calendar);
  const status =
    (input.appointmentStatus as AppointmentStatus | undefined) ?? event.appointmentStatus;
  const requested = asText(input.assignedUserId);
  const needsFreeSlot = updateNeedsFreeSlot(event, {
    input,
    calendarId: calendar.id,
    assignedUserId: requested ?? event.assignedUserId,
    status,
  });
  const now = rt.clock.now();
  const checked = booked(
    checkBooking({
      calendar,
      calendarTimezone: zone,
      startTime: asText(input.startTime) ?? formatOffsetIso(event.startTime, zone),
      endTime: endAfterMove(event, input, zone),
      now,
      ...bookings(rt, location.id),
      requested,
      current: event.assignedUserId,
      excludeEventId: event.id,
      ignoreFreeSlotValidation: !needsFreeSlot || input.ignoreFreeSlotValidation === true,
      ignoreDateRange: input.ignoreDateRange === true,
    }),
  );
  const { startTime, endTime } = checked;
  // A change that takes no slot keeps the owners (or takes the one named); a move lets
  // `checkBooking` keep a team member while free at the new time, or choose another.
  const { assignedUserId, users } = needsFreeSlot
    ? checked
    : { assignedUserId: requested ?? event.assignedUserId, users: event.users };
  const groupId = calendar.groupId;
  Object.assign(event, {
    calendarId: calendar.id,
    groupId,
    title: asText(input.title) ?? event.title,
    appointmentStatus: status,
    assignedUserId,
    users,
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
