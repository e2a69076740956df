/**
 * Builders for the webhook events the emulator sends, in the payload shapes of HighLevel's
 * event docs (`spec/highlevel/docs/webhook events/`), each stamped with `timestamp` and
 * `webhookId`. They are pure (the caller passes the stored record and a `DeliveryStamp`), so
 * they live in `core/`; this list stays outside it with its test, which parses every payload
 * with the client's webhook parser against HighLevel's documented schemas.
 *
 * @example
 * const event = contactEvent('ContactCreate', contact, stampDelivery(clock));
 * await delivery.deliver(webhookUrl, event);
 */
export { stampDelivery, type DeliveryStamp } from './core/stamp.js';
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
} from './core/contactEvents.js';
export {
  appointmentEvent,
  type AppointmentEventType,
  type AppointmentInput,
} from './core/appointmentEvents.js';
export {
  opportunityEvent,
  type OpportunityEventType,
  type OpportunityInput,
} from './core/opportunityEvents.js';
export {
  appInstallEvent,
  appUninstallEvent,
  type AppInstallInput,
  type AppUninstallInput,
} from './core/appEvents.js';
