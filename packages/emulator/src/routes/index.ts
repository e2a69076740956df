/**
 * Every HighLevel operation the emulator implements. A new resource adds its route file's list
 * here; the operation table checks each `method + path` against the spec at startup.
 */
import type { RouteDef } from '../runtime.js';
import { appointmentNoteRoutes } from './appointmentNotes.js';
import { appointmentRoutes } from './appointments.js';
import { blockedSlotRoutes } from './blockedSlots.js';
import { calendarEventRoutes } from './calendarEvents.js';
import { calendarRoutes } from './calendars.js';
import { contactAppointmentRoutes } from './contactAppointments.js';
import { contactNoteRoutes } from './contactNotes.js';
import { contactRoutes } from './contacts.js';
import { contactSearchRoutes } from './contactSearch.js';
import { contactTagRoutes } from './contactTags.js';
import { contactTaskRoutes } from './contactTasks.js';
import { conversationRoutes } from './conversations.js';
import { upsertContactRoute } from './contactUpsert.js';
import { customFieldRoutes } from './customFields.js';
import { freeSlotsRoutes } from './freeSlots.js';
import { locationRoutes } from './locations.js';
import { locationTagRoutes } from './locationTags.js';
import { locationTaskRoutes } from './locationTasks.js';
import { oauthRoutes } from './oauth.js';
import { opportunityRoutes } from './opportunities.js';
import { opportunitySearchRoutes } from './opportunitySearch.js';
import { pipelineRoutes } from './pipelines.js';
import { userRoutes } from './users.js';

export const highLevelRoutes: RouteDef[] = [
  ...contactRoutes,
  upsertContactRoute,
  ...contactSearchRoutes,
  ...contactTagRoutes,
  ...contactNoteRoutes,
  ...contactTaskRoutes,
  ...customFieldRoutes,
  ...locationRoutes,
  ...locationTagRoutes,
  ...locationTaskRoutes,
  ...calendarRoutes,
  ...freeSlotsRoutes,
  ...appointmentRoutes,
  ...calendarEventRoutes,
  ...blockedSlotRoutes,
  ...appointmentNoteRoutes,
  ...contactAppointmentRoutes,
  ...oauthRoutes,
  ...pipelineRoutes,
  ...opportunityRoutes,
  ...opportunitySearchRoutes,
  ...userRoutes,
  ...conversationRoutes,
];
