/**
 * Finding a Location's calendars, appointments and blocked slots by id, with the errors HighLevel
 * answers. Not found is a 400 like contacts' (`Contact not found for id:…`,
 * docs/highlevel-behaviour.md#not-found-is-400): the calendars spec declares no 404 for any of
 * these operations (DEVIATIONS.md).
 */
import type { ContactRecord } from '../contacts/core/model.js';
import { badRequest, wrongLocation } from '../errors.js';
import type { LocationRecord } from '../locations/model.js';
import type { Runtime } from '../runtime.js';
import type { BlockedSlotRecord, Calendar, CalendarEvent } from './core/model.js';

function ownedBy<T extends { locationId: string }>(
  record: T | undefined,
  location: LocationRecord,
  notFound: string,
): T {
  if (!record) throw badRequest(notFound);
  if (record.locationId !== location.id) throw wrongLocation();
  return record;
}

export const calendarOf = (rt: Runtime, location: LocationRecord, id: string): Calendar =>
  ownedBy(rt.state.calendars[id], location, `Calendar not found for id:${id}`);

export const appointmentOf = (rt: Runtime, location: LocationRecord, id: string): CalendarEvent =>
  ownedBy(rt.state.appointments[id], location, `Event not found for id:${id}`);

export const blockedSlotOf = (
  rt: Runtime,
  location: LocationRecord,
  id: string,
): BlockedSlotRecord =>
  ownedBy(rt.state.blockedSlots[id], location, `Event not found for id:${id}`);

/**
 * The contact an appointment is for. Unlike a contact in the path (403 for another Location's),
 * a `contactId` in a booking body that is not this Location's is simply not found.
 */
export function bookableContact(rt: Runtime, location: LocationRecord, id: string): ContactRecord {
  const contact = rt.state.contacts[id];
  if (!contact || contact.locationId !== location.id)
    throw badRequest(`Contact not found for id:${id}`);
  return contact;
}

/**
 * The zone a calendar's hours are kept in. HighLevel calendars have no time zone field
 * (`CalendarDTO`); they follow their Location's.
 */
export function calendarZone(rt: Runtime, calendar: Pick<Calendar, 'locationId'>): string {
  return rt.state.locations[calendar.locationId]?.timezone ?? 'UTC';
}

/** Everything that can hold time on a Location's calendars: appointments and blocked slots. */
export function bookings(rt: Runtime, locationId: string) {
  return {
    events: Object.values(rt.state.appointments).filter((e) => e.locationId === locationId),
    blockedSlots: Object.values(rt.state.blockedSlots).filter((b) => b.locationId === locationId),
  };
}
