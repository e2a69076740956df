/**
 * The event the booking app is sent for a change made in HighLevel (by staff, a workflow, or the
 * bridge's own voice bookings): `appointment.*`, `contact.*`, `note.*`, `task.*`. Changes the app
 * has no event for (a contact created, an install) send nothing; an uninstall reaches the app as
 * `connection.needs_attention` from the connection itself.
 */
import type { BridgeChange } from './bridgeChange.js';

/** An event the app can subscribe to, with what it carries. */
export interface AppEvent {
  type:
    | 'appointment.created'
    | 'appointment.updated'
    | 'appointment.cancelled'
    | 'contact.updated'
    | 'contact.deleted'
    | 'note.created'
    | 'note.updated'
    | 'note.deleted'
    | 'task.created'
    | 'task.completed'
    | 'task.deleted';
  data: Record<string, unknown>;
}

const TYPES: Partial<Record<`${BridgeChange['kind']}.${string}`, AppEvent['type']>> = {
  'appointment.created': 'appointment.created',
  'appointment.updated': 'appointment.updated',
  'appointment.cancelled': 'appointment.cancelled',
  // A deleted appointment no longer takes the slot: for the app, it is cancelled.
  'appointment.deleted': 'appointment.cancelled',
  'contact.updated': 'contact.updated',
  'contact.deleted': 'contact.deleted',
  'note.created': 'note.created',
  'note.updated': 'note.updated',
  'note.deleted': 'note.deleted',
  'task.created': 'task.created',
  'task.completed': 'task.completed',
  'task.deleted': 'task.deleted',
};

/**
 * The app's event for `change`, or undefined when it has none. `webhookId` ties it to what
 * HighLevel sent (the same on HighLevel's retries, so the app can tell one change from two);
 * null for a change the reconciliation poll found, whose webhook never came.
 *
 * @example appEventOf({ kind: 'task', action: 'completed', id: 't1', locationId: 'l1' }, 'wh_1');
 * // { type: 'task.completed', data: { id: 't1', locationId: 'l1', action: 'completed', source: 'highlevel', foundBy: 'webhook', highLevelWebhookId: 'wh_1' } }
 */
export function appEventOf(change: BridgeChange, webhookId: string | null): AppEvent | undefined {
  if (change.kind === 'app') return undefined;
  const type = TYPES[`${change.kind}.${change.action}`];
  if (!type) return undefined;
  const { kind: _kind, ...fields } = change;
  return {
    type,
    data: {
      ...fields,
      source: 'highlevel',
      foundBy: webhookId === null ? 'reconciliation' : 'webhook',
      highLevelWebhookId: webhookId,
    },
  };
}
