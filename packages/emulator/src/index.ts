/**
 * @ghl-bridge/emulator — a faithful local HighLevel (API v2) for tests and demos.
 *
 * @example
 * import { createEmulator, emulatorFetch } from '@ghl-bridge/emulator';
 * const emulator = createEmulator();
 * const { locationId, token } = emulator.control.createLocation({ name: 'Test' });
 * const fetch = emulatorFetch(emulator);
 * const res = await fetch('http://ghl.test/contacts/', {
 *   method: 'POST',
 *   headers: { Authorization: `Bearer ${token}`, Version: '2021-07-28', 'Content-Type': 'application/json' },
 *   body: JSON.stringify({ locationId, email: 'ada@example.com' }),
 * });
 */
export {
  connectionResetError,
  createEmulator,
  emulatorFetch,
  isDroppedResponse,
  type Emulator,
  type EmulatorOptions,
} from './emulator.js';
export { startServer, type RunningServer } from './server.js';
export { DEMO, weekdayCalendar } from './seed.js';
export { silentWav } from './conversations/core/recording.js';
export { ALL_SCOPES, ControlError } from './control/control.js';
export type { Control } from './control/control.js';
export type {
  CreateLocationInput,
  CreatedLocation,
  CreateTokenInput,
  CreateUserInput,
} from './control/locationsControl.js';
export type {
  AppInstallation,
  InstallAppInput,
  RegisterAppInput,
  RegisteredApp,
  UninstallAppInput,
} from './control/appsControl.js';
export type { CreatePipelineInput } from './control/pipelinesControl.js';
export type { CreateCalendarInput } from './control/calendarsControl.js';
export type { CalendarView } from './calendars/views.js';
export type { WebhookDispatchOptions } from './webhooks/dispatcher.js';
export type { DeliveryLogEntry } from './webhooks/delivery.js';
export type { WebhookKeys } from './webhooks/keys.js';
export type { FaultRule, FaultMatch } from './faults.js';
export type { RateLimits } from './rateLimit.js';
export type { RouteDef, RouteRequest, RouteResult } from './runtime.js';
export type { EmulatorEvent } from './webhooks/core/emulatorEvent.js';
export type * from './state.js';
export type * from './locations/model.js';
export type {
  ContactRecord,
  CustomFieldValue,
  DuplicateField,
  NoteRecord,
  TaskRecord,
} from './contacts/core/model.js';
export type { AppointmentNoteRecord, BlockedSlotRecord } from './calendars/core/model.js';
export type * from './oauth/model.js';
export type * from './opportunities/core/model.js';
export type * from './conversations/model.js';
export type { CallRecordingRecord, TranscriptSentence } from './conversations/core/recording.js';
export type { CallInput, RecordingInput } from './conversations/calls.js';
export type * from './associations/core/model.js';
export type * from './blogs/core/model.js';
export type { WebhookSubscriptionRecord } from './webhooks/model.js';
