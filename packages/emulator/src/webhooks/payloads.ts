/**
 * Builders for the webhook events the emulator sends, in the payload shapes of HighLevel's
 * event docs (`spec/highlevel/docs/webhook events/`), each stamped with `timestamp` and
 * `webhookId`. They are pure: the caller passes the stored record and a `DeliveryStamp`.
 *
 * @example
 * const event = contactEvent('ContactCreate', contact, stampDelivery(clock));
 * await delivery.deliver(webhookUrl, event);
 */
export { stampDelivery, type DeliveryStamp } from './stamp.js';
export {
  contactEvent,
  noteEvent,
  taskEvent,
  type ContactEventType,
  type ContactInput,
  type NoteEventType,
  type NoteInput,
  type TaskEventType,
  type TaskInput,
} from './contactEvents.js';
export {
  appointmentEvent,
  type AppointmentEventType,
  type AppointmentInput,
} from './appointmentEvents.js';
export {
  opportunityEvent,
  type OpportunityEventType,
  type OpportunityInput,
} from './opportunityEvents.js';
export {
  appInstallEvent,
  appUninstallEvent,
  type AppInstallInput,
  type AppUninstallInput,
} from './appEvents.js';
