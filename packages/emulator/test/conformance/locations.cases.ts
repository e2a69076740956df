/** The Location, its custom fields and its tags (locations.json). */
import {
  locationTokenOnAgencyOperation,
  operationCase,
  otherLocation,
  UNKNOWN_ID,
  unknownId,
  unknownProperty,
  withBody,
  withoutField,
  withQuery,
  type ConformanceCase,
} from './cases.js';
import type { Context, OperationKey } from './context.js';
import { newCustomField, newLocationTag, newTask } from './fixtures.js';

const ofLocation = (ctx: Context) => ({ params: { locationId: ctx.locationId } });

const field = (ctx: Context, { id }: { id: string }) => ({
  params: { locationId: ctx.locationId, id },
});

const tag = (ctx: Context, { tagId }: { tagId: string }) => ({
  params: { locationId: ctx.locationId, tagId },
});

export const locationCases: Record<OperationKey, ConformanceCase> = {
  'GET /locations/{locationId}': operationCase({
    request: ofLocation,
    errors: [otherLocation],
  }),
  'POST /locations/': operationCase({
    auth: 'agency',
    request: (ctx) => ({ body: { name: 'Spa Uptown', companyId: ctx.companyId, country: 'US' } }),
    errors: [
      locationTokenOnAgencyOperation,
      withBody(
        'another agency',
        { companyId: UNKNOWN_ID },
        403,
        'The token does not have access to this location.',
      ),
      withoutField('name'),
      unknownProperty,
    ],
  }),
  'GET /locations/{locationId}/customFields': operationCase({
    prepare: newCustomField,
    request: (ctx) => ({ ...ofLocation(ctx), query: { model: 'contact' } }),
    errors: [
      otherLocation,
      withQuery(
        'model',
        'company',
        422,
        'model must be one of the following values: contact, opportunity, all',
      ),
    ],
  }),
  'POST /locations/{locationId}/customFields': operationCase({
    request: (ctx) => ({
      ...ofLocation(ctx),
      body: { name: `Total bookings ${ctx.unique()}`, dataType: 'NUMERICAL', model: 'contact' },
    }),
    errors: [otherLocation, withoutField('dataType'), withoutField('name'), unknownProperty],
  }),
  'GET /locations/{locationId}/customFields/{id}': operationCase({
    prepare: newCustomField,
    request: field,
    errors: [unknownId('id', 'Custom field'), otherLocation],
  }),
  'PUT /locations/{locationId}/customFields/{id}': operationCase({
    prepare: newCustomField,
    request: (ctx, fx) => ({ ...field(ctx, fx), body: { name: 'Renamed', placeholder: 'e.g. 3' } }),
    errors: [unknownId('id', 'Custom field'), withoutField('name'), unknownProperty],
  }),
  'DELETE /locations/{locationId}/customFields/{id}': operationCase({
    prepare: newCustomField,
    request: field,
    errors: [unknownId('id', 'Custom field'), otherLocation],
  }),
  'GET /locations/{locationId}/tags': operationCase({
    prepare: newLocationTag,
    request: ofLocation,
    errors: [otherLocation],
  }),
  'POST /locations/{locationId}/tags': operationCase({
    // An existing tag, whose name a second create may not take.
    prepare: newLocationTag,
    request: (ctx) => ({ ...ofLocation(ctx), body: { name: `new-${ctx.unique()}` } }),
    errors: [
      withBody<{ name: string }>(
        'the name of an existing tag',
        (_ctx, existing) => ({ name: existing.name }),
        400,
        (existing) => `Tag ${existing.name} already exists`,
      ),
      withoutField('name'),
      unknownProperty,
      otherLocation,
    ],
  }),
  'GET /locations/{locationId}/tags/{tagId}': operationCase({
    prepare: newLocationTag,
    request: tag,
    errors: [unknownId('tagId', 'Tag')],
  }),
  'PUT /locations/{locationId}/tags/{tagId}': operationCase({
    prepare: newLocationTag,
    request: (ctx, fx) => ({ ...tag(ctx, fx), body: { name: `renamed-${ctx.unique()}` } }),
    errors: [unknownId('tagId', 'Tag'), unknownProperty],
  }),
  'DELETE /locations/{locationId}/tags/{tagId}': operationCase({
    prepare: newLocationTag,
    request: tag,
    errors: [unknownId('tagId', 'Tag')],
  }),
  'POST /locations/{locationId}/tasks/search': operationCase({
    prepare: newTask,
    request: (ctx, { contactId }) => ({
      ...ofLocation(ctx),
      body: { contactId: [contactId], completed: false, limit: 10 },
    }),
    errors: [
      otherLocation,
      unknownProperty,
      withBody('limit 0', { limit: 0 }, 422, 'limit must be a whole number of at least 1'),
    ],
  }),
};
