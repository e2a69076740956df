import type { AssociationRecord, RelationRecord } from './core/model.js';

/** An association as HighLevel answers it (`GetPostSuccessfulResponseDto`). */
export function associationView(association: AssociationRecord) {
  return {
    id: association.id,
    locationId: association.locationId,
    key: association.key,
    firstObjectKey: association.firstObjectKey,
    firstObjectLabel: association.firstObjectLabel,
    secondObjectKey: association.secondObjectKey,
    secondObjectLabel: association.secondObjectLabel,
    associationType: association.associationType,
  };
}

/**
 * A relation: its association's view (the schema the spec gives relation answers) with the
 * relation's own id and its two records.
 */
export function relationView(relation: RelationRecord, association: AssociationRecord) {
  return {
    ...associationView(association),
    id: relation.id,
    associationId: relation.associationId,
    firstRecordId: relation.firstRecordId,
    secondRecordId: relation.secondRecordId,
  };
}
