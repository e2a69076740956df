/**
 * A new Location (sub-account) of an agency, with HighLevel's defaults: made by the control API
 * for tests and seeds, and by `POST /locations/` for an agency token.
 */
import type { DuplicateField } from '../contacts/core/model.js';
import { newId } from '../ids.js';
import { nowIso, type Runtime } from '../runtime.js';
import type { LocationRecord } from './model.js';

export interface NewLocation {
  companyId: string;
  name?: string;
  timezone?: string;
  country?: string;
  allowDuplicateContact?: boolean;
  duplicatePriority?: DuplicateField[];
  id?: string;
}

/** @example const location = addLocation(rt, { companyId: 'co_1', name: 'Spa Uptown' }); */
export function addLocation(rt: Runtime, input: NewLocation): LocationRecord {
  const location: LocationRecord = {
    id: input.id ?? newId(),
    companyId: input.companyId,
    name: input.name ?? 'Emulated Location',
    timezone: input.timezone ?? 'America/New_York',
    country: input.country ?? 'US',
    allowDuplicateContact: input.allowDuplicateContact ?? false,
    duplicatePriority: input.duplicatePriority ?? ['email', 'phone'],
    dateAdded: nowIso(rt),
  };
  rt.state.locations[location.id] = location;
  return location;
}
