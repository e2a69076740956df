import type { OperationCaller } from '../caller.js';
import { AppointmentNotes } from './appointmentNotes.js';
import { Appointments } from './appointments.js';
import { BlockedSlots } from './blockedSlots.js';
import { Calendars } from './calendars.js';
import { Contacts } from './contacts.js';
import { Conversations } from './conversations.js';
import { CustomFields } from './customFields.js';
import { Locations } from './locations.js';
import { Notes } from './notes.js';
import { OAuth } from './oauth.js';
import { Opportunities } from './opportunities.js';
import { Pipelines } from './pipelines.js';
import { Tasks } from './tasks.js';
import { Users } from './users.js';

/** The resources a `HighLevel` client carries, e.g. `hl.contacts`, `hl.calendars`. */
export interface Resources {
  contacts: Contacts;
  notes: Notes;
  tasks: Tasks;
  customFields: CustomFields;
  locations: Locations;
  calendars: Calendars;
  appointments: Appointments;
  blockedSlots: BlockedSlots;
  appointmentNotes: AppointmentNotes;
  opportunities: Opportunities;
  pipelines: Pipelines;
  users: Users;
  conversations: Conversations;
  oauth: OAuth;
}

export function attachResources(client: OperationCaller): Resources {
  return {
    contacts: new Contacts(client),
    notes: new Notes(client),
    tasks: new Tasks(client),
    customFields: new CustomFields(client),
    locations: new Locations(client),
    calendars: new Calendars(client),
    appointments: new Appointments(client),
    blockedSlots: new BlockedSlots(client),
    appointmentNotes: new AppointmentNotes(client),
    opportunities: new Opportunities(client),
    pipelines: new Pipelines(client),
    users: new Users(client),
    conversations: new Conversations(client),
    oauth: new OAuth(client),
  };
}
