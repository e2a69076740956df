/**
 * Who receives an event. HighLevel sends an app's webhooks to its one webhook URL, for the events
 * it turned on, when it is installed on the event's Location and holds the event's scope
 * (docs/highlevel-behaviour.md#delivery-and-payload). INSTALL and UNINSTALL go to
 * the app concerned only. A Location may also have a URL registered through the control API, for
 * private-integration users, who have no webhooks on HighLevel (see DEVIATIONS.md).
 */
import { installKey } from '../oauth/model.js';
import type { EmulatorState } from '../state.js';
import type { EmulatorEvent } from './core/emulatorEvent.js';

const APP_EVENTS = new Set(['INSTALL', 'UNINSTALL']);

/**
 * The scopes of which an app needs one to receive `type` (docs/highlevel-behaviour.md#scopes).
 * Appointment events have no documented scope; either calendars read scope is taken as enough.
 * Null: an event the emulator does not send to apps.
 */
export function scopesForEvent(type: string): string[] | null {
  if (/^(Contact|Note|Task)[A-Z]/.test(type)) return ['contacts.readonly'];
  if (type.startsWith('Opportunity')) return ['opportunities.readonly'];
  if (type.startsWith('Appointment')) return ['calendars/events.readonly', 'calendars.readonly'];
  return null;
}

const wants = (events: string[] | null, type: string) => events === null || events.includes(type);

/**
 * The URLs `event` is delivered to, each once.
 *
 * @example
 * webhookRecipients(state, { type: 'ContactCreate', locationId, payload }); // ['https://app.example/hooks']
 */
export function webhookRecipients(state: EmulatorState, event: EmulatorEvent): string[] {
  const urls = new Set<string>();
  if (APP_EVENTS.has(event.type)) {
    const app = state.apps[String(event.payload.appId)];
    if (app?.webhookUrl && wants(app.events, event.type)) urls.add(app.webhookUrl);
    return [...urls];
  }
  const { locationId } = event;
  if (!locationId) return [];
  const needed = scopesForEvent(event.type);
  for (const app of Object.values(state.apps)) {
    if (!app.webhookUrl || !needed || !wants(app.events, event.type)) continue;
    if (!state.installs[installKey(app.id, locationId)]) continue;
    if (!needed.some((scope) => app.scopes.includes(scope))) continue;
    urls.add(app.webhookUrl);
  }
  const subscription = state.webhookSubscriptions[locationId];
  if (subscription && wants(subscription.events, event.type)) urls.add(subscription.url);
  return [...urls];
}
