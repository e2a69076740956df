/**
 * Associations (spec/highlevel/apps/associations.json): the kinds of link a Location defines
 * between two kinds of record. Only user-defined associations exist here; HighLevel's built-in
 * ones are not listed (DEVIATIONS.md).
 * https://marketplace.gohighlevel.com/docs/ghl/associations/find-associations
 */
import { requiredQuery } from '../calendars/requiredQuery.js';
import { associationOf } from '../associations/lookup.js';
import type { AssociationRecord } from '../associations/core/model.js';
import { associationView } from '../associations/view.js';
import { dtoRules, validBody } from '../dto.js';
import { badRequest } from '../errors.js';
import { newId } from '../ids.js';
import { nowIso, route, type Runtime } from '../runtime.js';
import type { LocationRecord } from '../locations/model.js';

/** The labels and object keys are strings, as the spec's own examples; it types them `object`. */
const asStrings = {
  types: Object.fromEntries(
    ['firstObjectLabel', 'firstObjectKey', 'secondObjectLabel', 'secondObjectKey'].map((name) => [
      name,
      { type: 'string' },
    ]),
  ),
};
const createRules = dtoRules('associations', 'createAssociationReqDto', asStrings);
const updateRules = dtoRules('associations', 'UpdateAssociationReqDto', asStrings);

const mine = (rt: Runtime, location: LocationRecord) =>
  Object.values(rt.state.associations)
    .filter((a) => a.locationId === location.id)
    .sort((a, b) => a.dateAdded.localeCompare(b.dateAdded) || a.id.localeCompare(b.id));

export const findAssociationsRoute = route('GET', '/associations/', ({ query, location, rt }) => {
  const { skip, limit } = requiredQuery(query, {
    strings: ['locationId'],
    numbers: ['skip', 'limit'],
  });
  const all = mine(rt, location);
  return {
    status: 200,
    body: { associations: all.slice(skip, skip + limit).map(associationView), total: all.length },
  };
});

export const createAssociationRoute = route('POST', '/associations/', ({ body, location, rt }) => {
  const input = validBody(createRules, body);
  const key = input.key as string;
  if (mine(rt, location).some((a) => a.key === key)) {
    throw badRequest(`Association with key ${key} already exists`);
  }
  const association: AssociationRecord = {
    id: newId(),
    locationId: location.id,
    key,
    firstObjectKey: input.firstObjectKey as string,
    firstObjectLabel: input.firstObjectLabel as string,
    secondObjectKey: input.secondObjectKey as string,
    secondObjectLabel: input.secondObjectLabel as string,
    associationType: 'USER_DEFINED',
    dateAdded: nowIso(rt),
  };
  rt.state.associations[association.id] = association;
  return { status: 201, body: associationView(association) };
});

export const getAssociationRoute = route(
  'GET',
  '/associations/{associationId}',
  ({ params, location, rt }) => ({
    status: 200,
    body: associationView(associationOf(rt, location, params.associationId!)),
  }),
);

export const updateAssociationRoute = route(
  'PUT',
  '/associations/{associationId}',
  ({ params, body, location, rt }) => {
    const input = validBody(updateRules, body);
    const association = associationOf(rt, location, params.associationId!);
    association.firstObjectLabel = input.firstObjectLabel as string;
    association.secondObjectLabel = input.secondObjectLabel as string;
    return { status: 200, body: associationView(association) };
  },
);

/** Deleting an association deletes the relations made under it. */
export const deleteAssociationRoute = route(
  'DELETE',
  '/associations/{associationId}',
  ({ params, location, rt }) => {
    const association = associationOf(rt, location, params.associationId!);
    for (const relation of Object.values(rt.state.relations)) {
      if (relation.associationId === association.id) delete rt.state.relations[relation.id];
    }
    delete rt.state.associations[association.id];
    return {
      status: 200,
      body: { deleted: true, id: association.id, message: 'Association deleted successfully' },
    };
  },
);

export const getAssociationByKeyRoute = route(
  'GET',
  '/associations/key/{key_name}',
  ({ params, query, location, rt }) => {
    requiredQuery(query, { strings: ['locationId'] });
    const association = mine(rt, location).find((a) => a.key === params.key_name);
    if (!association) throw badRequest(`Association not found for key:${params.key_name}`);
    return { status: 200, body: associationView(association) };
  },
);

/** Every association with the object on either side, e.g. `contact`. */
export const getAssociationsByObjectKeyRoute = route(
  'GET',
  '/associations/objectKey/{objectKey}',
  ({ params, location, rt }) => {
    const key = params.objectKey;
    const found = mine(rt, location).filter(
      (a) => a.firstObjectKey === key || a.secondObjectKey === key,
    );
    return {
      status: 200,
      body: { associations: found.map(associationView), total: found.length },
    };
  },
);

export const associationRoutes = [
  findAssociationsRoute,
  createAssociationRoute,
  getAssociationRoute,
  updateAssociationRoute,
  deleteAssociationRoute,
  getAssociationByKeyRoute,
  getAssociationsByObjectKeyRoute,
];
