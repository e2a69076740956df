import type { LocationRecord } from '../locations/model.js';
import type { Runtime } from '../runtime.js';
import { ControlError } from './controlError.js';

/** The stored Location `locationId`, or the control API's 404 `location_not_found`. */
export function knownLocation(rt: Runtime, locationId: string): LocationRecord {
  const location = rt.state.locations[locationId];
  if (!location) {
    throw new ControlError(404, 'location_not_found', `No Location ${locationId} in the emulator`);
  }
  return location;
}
