import { badRequest, wrongLocation } from '../errors.js';
import type { LocationRecord } from '../locations/model.js';
import type { Runtime } from '../runtime.js';
import type { BusinessRecord } from './model.js';

/**
 * The stored business `id` of `location`: unknown is a 400 `Business not found for id:<id>`, as
 * contacts answer; another Location's is 403 (both assumed, see DEVIATIONS.md).
 */
export function businessOf(rt: Runtime, location: LocationRecord, id: string): BusinessRecord {
  const business = rt.state.businesses[id];
  if (!business) throw badRequest(`Business not found for id:${id}`);
  if (business.locationId !== location.id) throw wrongLocation();
  return business;
}
