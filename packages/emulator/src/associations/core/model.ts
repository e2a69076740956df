/**
 * Associations and relations (spec/highlevel/apps/associations.json). An association is a kind
 * of link between two kinds of record (`contact` ↔ `custom_objects.pets`, labelled on each side);
 * a relation links two records under one association.
 */

/** An association (`GetPostSuccessfulResponseDto`). */
export interface AssociationRecord {
  id: string;
  locationId: string;
  /** Unique in the Location, e.g. `student_teacher`. */
  key: string;
  firstObjectKey: string;
  firstObjectLabel: string;
  secondObjectKey: string;
  secondObjectLabel: string;
  /** Every association made through the API is `USER_DEFINED`. */
  associationType: 'USER_DEFINED';
  dateAdded: string;
}

/** Two records linked under an association (`createRelationReqDto`). */
export interface RelationRecord {
  id: string;
  locationId: string;
  associationId: string;
  /** A record of the association's first object. */
  firstRecordId: string;
  /** A record of the association's second object. */
  secondRecordId: string;
  dateAdded: string;
}
