/**
 * What agency staff do in HighLevel's UI and the v2 API cannot: save a snapshot of a Location's
 * setup (listed by `GET /snapshots/`), and edit a sub-account's name or time zone (what
 * `GET /locations/search` and `GET /locations/{locationId}` then show).
 */
import { newId } from '../ids.js';
import type { LocationRecord } from '../locations/model.js';
import { nowIso, type Runtime } from '../runtime.js';
import type { SnapshotRecord } from '../snapshots/model.js';
import { ControlError } from './controlError.js';
import { knownLocation } from './knownLocation.js';

export interface CreateSnapshotInput {
  name?: string;
  /** `own` (default) or `imported`. */
  type?: string;
}

export interface UpdateLocationInput {
  name?: string;
  timezone?: string;
}

export function agencyControl(rt: Runtime) {
  return {
    /** A snapshot of the agency `companyId`, as `GET /snapshots/` lists it. */
    createSnapshot(companyId: string, input: CreateSnapshotInput = {}): SnapshotRecord {
      if (!rt.state.companies[companyId]) {
        throw new ControlError(404, 'company_not_found', `No agency ${companyId} in the emulator`);
      }
      const type = input.type ?? 'own';
      if (type !== 'own' && type !== 'imported') {
        throw new ControlError(422, 'invalid_type', 'type must be "own" or "imported"');
      }
      const snapshot: SnapshotRecord = {
        id: newId(),
        companyId,
        name: input.name ?? 'New Snapshot',
        type,
        dateAdded: nowIso(rt),
      };
      rt.state.snapshots[snapshot.id] = snapshot;
      return { ...snapshot };
    },

    /** Renames the Location or moves it to another time zone, as staff do in its settings. */
    updateLocation(locationId: string, input: UpdateLocationInput): LocationRecord {
      const location = knownLocation(rt, locationId);
      if (input.name !== undefined) location.name = input.name;
      if (input.timezone !== undefined) {
        try {
          new Intl.DateTimeFormat('en-US', { timeZone: input.timezone });
        } catch {
          throw new ControlError(422, 'invalid_timezone', `Unknown time zone ${input.timezone}`);
        }
        location.timezone = input.timezone;
      }
      return { ...location };
    },
  };
}

export type AgencyControl = ReturnType<typeof agencyControl>;
