import { contactOf } from '../contacts/lookup.js';
import { badRequest, wrongLocation } from '../errors.js';
import type { LocationRecord } from '../locations/model.js';
import { opportunityOf } from '../opportunities/writes.js';
import type { Runtime } from '../runtime.js';
import type { AssociationRecord, RelationRecord } from './core/model.js';

/** The association `id` of `location`: 400 `Association not found for id:<id>`, another Location's 403. */
export function associationOf(
  rt: Runtime,
  location: LocationRecord,
  id: string,
): AssociationRecord {
  const association = rt.state.associations[id];
  if (!association) throw badRequest(`Association not found for id:${id}`);
  if (association.locationId !== location.id) throw wrongLocation();
  return association;
}

/** The relation `id` of `location`: 400 `Relation not found for id:<id>`, another Location's 403. */
export function relationOf(rt: Runtime, location: LocationRecord, id: string): RelationRecord {
  const relation = rt.state.relations[id];
  if (!relation) throw badRequest(`Relation not found for id:${id}`);
  if (relation.locationId !== location.id) throw wrongLocation();
  return relation;
}

/**
 * Checks that `recordId` is a record of the kind `objectKey` names, for the kinds the emulator
 * stores (contacts and opportunities); records of other kinds (custom objects, businesses) are
 * taken as given (DEVIATIONS.md).
 */
export function checkRecord(
  rt: Runtime,
  location: LocationRecord,
  objectKey: string,
  recordId: string,
): void {
  if (objectKey === 'contact') contactOf(rt, location, recordId);
  if (objectKey === 'opportunity') opportunityOf(rt, location, recordId);
}
