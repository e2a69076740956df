/**
 * What a HighLevel webhook means to the bridge, in its own words: an appointment cancelled, a
 * contact deleted, the app uninstalled. Everything downstream (the booking app's webhooks,
 * pausing a workspace) reads this description, never HighLevel's payloads, whose shapes differ by
 * event: appointments come nested (`{ appointment: { id } }`), contacts, notes and tasks flat
 * (`{ id }`), installs with `type: "INSTALL"`
 * (https://marketplace.gohighlevel.com/docs/category/webhook).
 */
import type { IncomingWebhookEvent } from '@ghl-bridge/client/webhooks';

/** A change to a record the bridge cares about, named as the booking app would name it. */
export type BridgeChange =
  | {
      kind: 'appointment';
      /** `cancelled`: an update whose `appointmentStatus` became `cancelled`. */
      action: 'created' | 'updated' | 'cancelled' | 'deleted';
      id: string;
      locationId: string;
      calendarId?: string;
      contactId?: string;
      /** HighLevel's `appointmentStatus`: new, confirmed, cancelled, showed, noshow, invalid. */
      status?: string;
      startTime?: string;
      endTime?: string;
    }
  | {
      kind: 'contact';
      action: 'created' | 'updated' | 'deleted';
      id: string;
      locationId: string;
      /** `tags` or `dnd` for ContactTagUpdate and ContactDndUpdate; absent for any change. */
      changed?: 'tags' | 'dnd';
    }
  | {
      kind: 'note';
      action: 'created' | 'updated' | 'deleted';
      id: string;
      locationId: string;
      contactId?: string;
    }
  | {
      kind: 'task';
      action: 'created' | 'completed' | 'deleted';
      id: string;
      locationId: string;
      contactId?: string;
    }
  | {
      kind: 'app';
      action: 'installed' | 'uninstalled';
      locationId: string;
      appId?: string;
    };

/** Why an event leads to no change: the bridge does not act on its type, or it names no record. */
export type NoChange = { reason: 'not_handled' } | { reason: 'no_id'; field: string };

type Fields = Readonly<Record<string, unknown>>;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

/** `{ key: value }` for each defined value: HighLevel leaves unknown fields out, so does the change. */
function present<T extends Record<string, string | undefined>>(fields: T) {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: string;
  };
}

const FLAT: Readonly<
  Record<
    string,
    { kind: 'contact' | 'note' | 'task'; action: string; changed?: 'tags' | 'dnd' } | undefined
  >
> = {
  ContactCreate: { kind: 'contact', action: 'created' },
  ContactUpdate: { kind: 'contact', action: 'updated' },
  ContactTagUpdate: { kind: 'contact', action: 'updated', changed: 'tags' },
  ContactDndUpdate: { kind: 'contact', action: 'updated', changed: 'dnd' },
  ContactDelete: { kind: 'contact', action: 'deleted' },
  NoteCreate: { kind: 'note', action: 'created' },
  NoteUpdate: { kind: 'note', action: 'updated' },
  NoteDelete: { kind: 'note', action: 'deleted' },
  TaskCreate: { kind: 'task', action: 'created' },
  TaskComplete: { kind: 'task', action: 'completed' },
  TaskDelete: { kind: 'task', action: 'deleted' },
};

const APPOINTMENT_ACTION: Readonly<Record<string, 'created' | 'updated' | 'deleted' | undefined>> =
  {
    AppointmentCreate: 'created',
    AppointmentUpdate: 'updated',
    AppointmentDelete: 'deleted',
  };

function appointmentChange(event: Fields, locationId: string): BridgeChange | NoChange {
  const appointment = (
    typeof event.appointment === 'object' && event.appointment !== null ? event.appointment : {}
  ) as Fields;
  const id = text(appointment.id);
  if (!id) return { reason: 'no_id', field: 'appointment.id' };
  const status = text(appointment.appointmentStatus);
  const action = APPOINTMENT_ACTION[String(event.type)]!;
  return {
    kind: 'appointment',
    action: action === 'updated' && status === 'cancelled' ? 'cancelled' : action,
    id,
    locationId,
    ...present({
      calendarId: text(appointment.calendarId),
      contactId: text(appointment.contactId),
      status,
      startTime: text(appointment.startTime),
      endTime: text(appointment.endTime),
    }),
  };
}

/**
 * The bridge's change for a webhook delivered for `locationId`, or why there is none.
 *
 * @example
 * bridgeChangeOf({ type: 'AppointmentUpdate', locationId: 'loc_1', appointment: { id: 'apt_1', appointmentStatus: 'cancelled' }, … }, 'loc_1');
 * // { kind: 'appointment', action: 'cancelled', id: 'apt_1', locationId: 'loc_1', status: 'cancelled' }
 */
export function bridgeChangeOf(
  event: IncomingWebhookEvent,
  locationId: string,
): BridgeChange | NoChange {
  const fields = event as unknown as Fields;
  const type = event.type;
  if (APPOINTMENT_ACTION[type]) return appointmentChange(fields, locationId);
  if (type === 'INSTALL' || type === 'UNINSTALL') {
    return {
      kind: 'app',
      action: type === 'INSTALL' ? 'installed' : 'uninstalled',
      locationId,
      ...present({ appId: text(fields.appId) }),
    };
  }
  const flat = FLAT[type];
  if (!flat) return { reason: 'not_handled' };
  const id = text(fields.id);
  if (!id) return { reason: 'no_id', field: 'id' };
  const contactId = flat.kind === 'contact' ? undefined : text(fields.contactId);
  return {
    ...flat,
    id,
    locationId,
    ...(contactId ? { contactId } : {}),
  } as BridgeChange;
}

/**
 * True for a change, false for a `NoChange`.
 *
 * @example if (isBridgeChange(result)) notify(result);
 */
export function isBridgeChange(result: BridgeChange | NoChange): result is BridgeChange {
  return 'kind' in result;
}
