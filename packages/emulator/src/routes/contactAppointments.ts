/**
 * `GET /contacts/{contactId}/appointments` (contacts.json `GetEventSchema`): the contact's
 * appointments with HighLevel's offset-less wall-clock times in the calendar's zone
 * (docs/highlevel-behaviour.md#appointment-timestamps).
 */
import { calendarZone } from '../calendars/lookup.js';
import { contactAppointmentView } from '../calendars/views.js';
import { contactOf } from '../contacts/lookup.js';
import { route } from '../runtime.js';

export const contactAppointmentsRoute = route(
  'GET',
  '/contacts/{contactId}/appointments',
  ({ params, location, rt }) => {
    const contact = contactOf(rt, location, params.contactId!);
    const events = Object.values(rt.state.appointments)
      .filter((e) => e.contactId === contact.id)
      .sort((a, b) => a.startTime - b.startTime)
      .map((e) => contactAppointmentView(e, calendarZone(rt, e)));
    return { status: 200, body: { events } };
  },
);

export const contactAppointmentRoutes = [contactAppointmentsRoute];
