/**
 * Relations (spec/highlevel/apps/associations.json): two records linked under an association,
 * the first record of the association's first object, the second of its second.
 * https://marketplace.gohighlevel.com/docs/ghl/associations/create-relation
 */
import { associationOf, checkRecord, relationOf } from '../associations/lookup.js';
import type { RelationRecord } from '../associations/core/model.js';
import { relationView } from '../associations/view.js';
import { requiredQuery } from '../calendars/requiredQuery.js';
import { dtoRules, validBody } from '../dto.js';
import { badRequest } from '../errors.js';
import { newId } from '../ids.js';
import { nowIso, route } from '../runtime.js';

const createRules = dtoRules('associations', 'createRelationReqDto');

export const createRelationRoute = route(
  'POST',
  '/associations/relations',
  ({ body, location, rt }) => {
    const input = validBody(createRules, body);
    const association = associationOf(rt, location, input.associationId as string);
    const firstRecordId = input.firstRecordId as string;
    const secondRecordId = input.secondRecordId as string;
    checkRecord(rt, location, association.firstObjectKey, firstRecordId);
    checkRecord(rt, location, association.secondObjectKey, secondRecordId);
    const duplicate = Object.values(rt.state.relations).some(
      (r) =>
        r.associationId === association.id &&
        r.firstRecordId === firstRecordId &&
        r.secondRecordId === secondRecordId,
    );
    if (duplicate) throw badRequest('Relation already exists for these records');
    const relation: RelationRecord = {
      id: newId(),
      locationId: location.id,
      associationId: association.id,
      firstRecordId,
      secondRecordId,
      dateAdded: nowIso(rt),
    };
    rt.state.relations[relation.id] = relation;
    return { status: 201, body: relationView(relation, association) };
  },
);

/** The record's relations on either side, oldest first, optionally under some associations only. */
export const getRelationsByRecordRoute = route(
  'GET',
  '/associations/relations/{recordId}',
  ({ params, query, location, rt }) => {
    const { skip, limit } = requiredQuery(query, {
      strings: ['locationId'],
      numbers: ['skip', 'limit'],
    });
    const only = query
      .getAll('associationIds')
      .flatMap((v) => v.split(','))
      .filter(Boolean);
    const found = Object.values(rt.state.relations)
      .filter((r) => r.locationId === location.id)
      .filter((r) => r.firstRecordId === params.recordId || r.secondRecordId === params.recordId)
      .filter((r) => only.length === 0 || only.includes(r.associationId))
      .sort((a, b) => a.dateAdded.localeCompare(b.dateAdded) || a.id.localeCompare(b.id));
    const relations = found
      .slice(skip, skip + limit)
      .map((r) => relationView(r, rt.state.associations[r.associationId]!));
    return { status: 200, body: { relations, total: found.length } };
  },
);

export const deleteRelationRoute = route(
  'DELETE',
  '/associations/relations/{relationId}',
  ({ params, query, location, rt }) => {
    requiredQuery(query, { strings: ['locationId'] });
    const relation = relationOf(rt, location, params.relationId!);
    delete rt.state.relations[relation.id];
    return {
      status: 200,
      body: relationView(relation, rt.state.associations[relation.associationId]!),
    };
  },
);

export const relationRoutes = [createRelationRoute, getRelationsByRecordRoute, deleteRelationRoute];
