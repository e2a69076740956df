/**
 * Turns an event the routes announced (`emit`: a HighLevel event name and the REST-shaped
 * record) into the webhook body HighLevel would send, with the payload builders beside it.
 */
import {
  appInstallEvent,
  appUninstallEvent,
  type AppInstallInput,
  type AppUninstallInput,
} from './appEvents.js';
import {
  appointmentEvent,
  type AppointmentEventType,
  type AppointmentInput,
} from './appointmentEvents.js';
import {
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
import type { EmulatorEvent } from './emulatorEvent.js';
import {
  opportunityEvent,
  type OpportunityEventType,
  type OpportunityInput,
} from './opportunityEvents.js';
import type { DeliveryStamp } from './stamp.js';

const CONTACT: ContactEventType[] = [
  'ContactCreate',
  'ContactUpdate',
  'ContactDelete',
  'ContactTagUpdate',
];
const NOTE: NoteEventType[] = ['NoteCreate', 'NoteUpdate', 'NoteDelete'];
const TASK: TaskEventType[] = ['TaskCreate', 'TaskComplete', 'TaskDelete'];
const APPOINTMENT: AppointmentEventType[] = [
  'AppointmentCreate',
  'AppointmentUpdate',
  'AppointmentDelete',
];
const OPPORTUNITY: OpportunityEventType[] = [
  'OpportunityCreate',
  'OpportunityUpdate',
  'OpportunityDelete',
  'OpportunityStatusUpdate',
  'OpportunityStageUpdate',
  'OpportunityMonetaryValueUpdate',
  'OpportunityAssignedToUpdate',
];

const isOneOf = <T extends string>(types: readonly T[], type: string): type is T =>
  (types as readonly string[]).includes(type);

const iso = (value: unknown) => (typeof value === 'number' ? new Date(value).toISOString() : value);

/**
 * The appointment in an event: the record itself or under `appointment`, with epoch-ms times
 * written as ISO.
 */
function appointmentOf(event: EmulatorEvent): AppointmentInput {
  const inner = event.payload.appointment;
  const record = (typeof inner === 'object' && inner !== null ? inner : event.payload) as Record<
    string,
    unknown
  >;
  return {
    ...record,
    locationId: event.locationId,
    startTime: iso(record.startTime),
    endTime: iso(record.endTime),
    dateAdded: iso(record.dateAdded),
    dateUpdated: iso(record.dateUpdated),
  } as AppointmentInput;
}

/**
 * The webhook body for `event`, or null for an event HighLevel has no webhook for here.
 *
 * @example
 * webhookPayload({ type: 'NoteCreate', locationId, payload: note }, stampDelivery(clock));
 * // { type: 'NoteCreate', locationId, id, body, contactId, dateAdded, timestamp, webhookId }
 */
export function webhookPayload(event: EmulatorEvent, stamp: DeliveryStamp): object | null {
  const { type } = event;
  const record = { ...event.payload, locationId: event.locationId } as unknown;
  if (type === 'INSTALL')
    return appInstallEvent(event.payload as unknown as AppInstallInput, stamp);
  if (type === 'UNINSTALL') {
    return appUninstallEvent(event.payload as unknown as AppUninstallInput, stamp);
  }
  if (event.locationId === null) return null;
  if (isOneOf(CONTACT, type)) return contactEvent(type, record as ContactInput, stamp);
  if (isOneOf(NOTE, type)) return noteEvent(type, record as NoteInput, stamp);
  if (isOneOf(TASK, type)) return taskEvent(type, record as TaskInput, stamp);
  if (isOneOf(OPPORTUNITY, type)) return opportunityEvent(type, record as OpportunityInput, stamp);
  if (isOneOf(APPOINTMENT, type)) return appointmentEvent(type, appointmentOf(event), stamp);
  return null;
}
