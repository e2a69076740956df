import { badRequest, wrongLocation } from '../errors.js';
import type { LocationRecord } from '../locations/model.js';
import type { Runtime } from '../runtime.js';
import type { ContactRecord } from './core/model.js';

/**
 * The stored contact `id` of `location`. Missing (or deleted) is HighLevel's 400 `Contact not found
 * for id:<id>` (docs/highlevel-behaviour.md#not-found-is-400); another Location's is 403.
 */
export function contactOf(rt: Runtime, location: LocationRecord, id: string): ContactRecord {
  const contact = rt.state.contacts[id];
  if (!contact) throw badRequest(`Contact not found for id:${id}`);
  if (contact.locationId !== location.id) throw wrongLocation();
  return contact;
}
