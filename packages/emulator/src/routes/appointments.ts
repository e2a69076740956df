/**
 * Appointments: create, get and update under `/calendars/events/appointments` (calendars.json
 * `AppointmentCreateSchema`, `AppointmentEditSchema`, `AppointmentSchemaResponse`).
 */
import { createAppointment, updateAppointment } from '../calendars/appointmentWrites.js';
import { appointmentOf, calendarZone } from '../calendars/lookup.js';
import { appointmentResponse, eventView } from '../calendars/views.js';
import { dtoRules, validBody } from '../dto.js';
import { route } from '../runtime.js';

/**
 * `notes` is accepted and silently dropped by HighLevel
 * (docs/highlevel-behaviour.md#appointment-writes).
 */
const notesDropped = { extra: { notes: { type: 'string', nullable: true } } };
const createRules = dtoRules('calendars', 'AppointmentCreateSchema', notesDropped);
const updateRules = dtoRules('calendars', 'AppointmentEditSchema', notesDropped);

/**
 * 200 (not 201) with the appointment flat, as HighLevel answers
 * (docs/highlevel-behaviour.md#appointment-writes).
 */
export const createAppointmentRoute = route(
  'POST',
  '/calendars/events/appointments',
  ({ body, location, rt }) => {
    const event = createAppointment(rt, location, validBody(createRules, body));
    return { status: 200, body: appointmentResponse(event, calendarZone(rt, event)) };
  },
);

export const getAppointmentRoute = route(
  'GET',
  '/calendars/events/appointments/{eventId}',
  ({ params, location, rt }) => {
    const event = appointmentOf(rt, location, params.eventId!);
    return { status: 200, body: { event: eventView(event, calendarZone(rt, event)) } };
  },
);

export const updateAppointmentRoute = route(
  'PUT',
  '/calendars/events/appointments/{eventId}',
  ({ params, body, location, rt }) => {
    const event = appointmentOf(rt, location, params.eventId!);
    updateAppointment(rt, location, event, validBody(updateRules, body));
    return { status: 200, body: appointmentResponse(event, calendarZone(rt, event)) };
  },
);

export const appointmentRoutes = [
  createAppointmentRoute,
  getAppointmentRoute,
  updateAppointmentRoute,
];
