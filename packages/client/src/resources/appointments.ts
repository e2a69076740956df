import type { CallOptions } from '../types.js';
import {
  deleteCalendarEvent,
  listCalendarEvents,
  type CalendarEvent,
  type EventRangeParams,
} from './calendarEvents.js';
import {
  Resource,
  type CalendarSchemas,
  type ContactSchemas,
  type WithOptional,
} from './resource.js';

/** What create and update answer: the appointment, flat (not wrapped in `{ event }`). */
export type Appointment = CalendarSchemas['AppointmentSchemaResponse'];
/**
 * `startTime` is ISO 8601 with offset; use a slot string from `calendars.freeSlots` unchanged.
 * `meetingLocationId` defaults to `"default"`.
 */
export type CreateAppointmentInput = WithOptional<
  CalendarSchemas['AppointmentCreateSchema'],
  'meetingLocationId'
>;
export type UpdateAppointmentInput = WithOptional<
  CalendarSchemas['AppointmentEditSchema'],
  'meetingLocationId'
>;
/**
 * An appointment as `GET /contacts/{contactId}/appointments` lists it. Its `startTime`/`endTime`
 * carry no offset (`"2021-07-16 11:00:00"`, the spec's examples): they are wall-clock times in
 * the calendar's timezone, not UTC. Read the calendar's zone before comparing them with instants,
 * or fetch the appointment with `appointments.get` for offset times.
 */
export type ContactAppointment = ContactSchemas['GetEventSchema'];

/** Appointments (`/calendars/events…` in `apps/calendars.json`, Version 2021-04-15). */
export class Appointments extends Resource {
  /**
   * Books an appointment. Unless `ignoreFreeSlotValidation` is set, `startTime` must be one of
   * the calendar's free slots.
   *
   * @example
   * const [slot] = await hl.calendars.freeSlots({ calendarId, start: Date.now(), end: Date.now() + 86_400_000 });
   * const appt = await hl.appointments.create({ calendarId, locationId, contactId, startTime: slot! });
   */
  async create(input: CreateAppointmentInput, options: CallOptions = {}): Promise<Appointment> {
    return this.client.request('POST', '/calendars/events/appointments', {
      ...options,
      body: input,
    });
  }

  /** @example const { startTime, appointmentStatus } = await hl.appointments.get(eventId); */
  async get(eventId: string, options: CallOptions = {}): Promise<CalendarEvent> {
    const res = await this.client.request('GET', '/calendars/events/appointments/{eventId}', {
      ...options,
      path: { eventId },
    });
    return res.event as unknown as CalendarEvent;
  }

  /**
   * Changes an appointment (reschedule, status, assignee). For a recurring series pass an
   * instance id to change one occurrence, the master event id to change them all.
   *
   * @example await hl.appointments.update(eventId, { appointmentStatus: 'cancelled' });
   */
  async update(
    eventId: string,
    input: UpdateAppointmentInput,
    options: CallOptions = {},
  ): Promise<Appointment> {
    return this.client.request('PUT', '/calendars/events/appointments/{eventId}', {
      ...options,
      path: { eventId },
      body: input,
    });
  }

  /**
   * Deletes the appointment; HighLevel answers 4xx for one already deleted. To keep it on record,
   * `update` its status to `cancelled` instead.
   *
   * @example await hl.appointments.delete(eventId);
   */
  delete(eventId: string, options: CallOptions = {}): Promise<void> {
    return deleteCalendarEvent(this.client, eventId, options);
  }

  /**
   * The appointments of a calendar, user or group between two instants.
   *
   * @example
   * const events = await hl.appointments.list({ locationId, calendarId, startTime: new Date('2025-03-01'), endTime: new Date('2025-04-01') });
   */
  list(params: EventRangeParams, options: CallOptions = {}): Promise<CalendarEvent[]> {
    return listCalendarEvents(this.client, '/calendars/events', params, options);
  }

  /**
   * Every appointment of a contact (Version 2021-07-28, a contacts endpoint). The times have no
   * offset: see `ContactAppointment`.
   *
   * @example const upcoming = await hl.appointments.listForContact(contactId);
   */
  async listForContact(
    contactId: string,
    options: CallOptions = {},
  ): Promise<ContactAppointment[]> {
    const res = await this.client.request('GET', '/contacts/{contactId}/appointments', {
      ...options,
      path: { contactId },
    });
    return res.events ?? [];
  }
}
