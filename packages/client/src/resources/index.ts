// The public surface of the resources; the client attaches them in ./attach.ts.
export {
  AppointmentNotes,
  type AppointmentNote,
  type AppointmentNoteInput,
  type AppointmentNotesPage,
} from './appointmentNotes.js';
export {
  Appointments,
  type Appointment,
  type ContactAppointment,
  type CreateAppointmentInput,
  type UpdateAppointmentInput,
} from './appointments.js';
export { BlockedSlots, type BlockedSlot, type BlockedSlotInput } from './blockedSlots.js';
export type { CalendarEvent, EventRangeParams } from './calendarEvents.js';
export {
  Calendars,
  type Calendar,
  type CalendarListParams,
  type FreeSlotsParams,
} from './calendars.js';
export type * from './contactSearch.js';
export {
  Contacts,
  type Contact,
  type CreateContactInput,
  type UpdateContactInput,
  type UpsertContactInput,
} from './contacts.js';
export {
  Conversations,
  type Conversation,
  type ConversationSearchParams,
  type ConversationSearchResult,
  type Message,
  type MessagesPage,
  type MessagesParams,
  type SendMessageInput,
  type SendMessageResult,
} from './conversations.js';
export {
  CustomFields,
  type CreateCustomFieldInput,
  type CustomField,
  type UpdateCustomFieldInput,
} from './customFields.js';
export { Locations, type Location, type LocationTag } from './locations.js';
export { Notes, type CreateNoteInput, type Note, type UpdateNoteInput } from './notes.js';
export {
  OAuth,
  type AppCredentials,
  type ExchangeCodeParams,
  type InstalledLocations,
  type InstalledLocationsParams,
  type RefreshTokenParams,
} from './oauth.js';
export {
  Opportunities,
  type CreateOpportunityInput,
  type Opportunity,
  type OpportunitySearchMeta,
  type OpportunitySearchPage,
  type OpportunitySearchParams,
  type OpportunityStatus,
  type UpdateOpportunityInput,
  type UpsertOpportunityInput,
} from './opportunities.js';
export { Pipelines, type Pipeline, type PipelineStage } from './pipelines.js';
export { Tasks, type CreateTaskInput, type Task, type UpdateTaskInput } from './tasks.js';
export { Users, type User, type UserSearchPage, type UserSearchParams } from './users.js';

export type { Resources } from './attach.js';
