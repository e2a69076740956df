/** Pipelines and opportunities (opportunities.json). */
import {
  operationCase,
  otherLocation,
  UNKNOWN_ID,
  unknownBodyId,
  unknownId,
  unknownProperty,
  withBody,
  withoutField,
  withoutQuery,
  withQuery,
  type ConformanceCase,
} from './cases.js';
import type { OperationKey } from './context.js';
import { newContact, newOpportunity } from './fixtures.js';

const byId = (_ctx: unknown, { id }: { id: string }) => ({ params: { id } });

export const opportunityCases: Record<OperationKey, ConformanceCase> = {
  'GET /opportunities/pipelines': operationCase({
    request: (ctx) => ({ query: { locationId: ctx.locationId } }),
    errors: [withoutQuery('locationId'), otherLocation],
  }),
  'POST /opportunities/': operationCase({
    // A new contact, and one who already has an opportunity in the pipeline.
    prepare: async (ctx) => ({
      contactId: (await newContact(ctx)).contactId,
      taken: (await newOpportunity(ctx)).contactId,
    }),
    request: (ctx, { contactId }) => ({
      body: {
        locationId: ctx.locationId,
        pipelineId: ctx.pipelineId,
        contactId,
        name: 'Massage package',
        status: 'open',
        monetaryValue: 120,
      },
    }),
    errors: [
      withBody<{ taken: string }>(
        'a contact with an opportunity in the pipeline',
        (_ctx, { taken }) => ({ contactId: taken }),
        400,
        'Can not create duplicate opportunity for the contact.',
      ),
      unknownBodyId('pipelineId', 'Pipeline'),
      withoutField('name'),
      unknownProperty,
      otherLocation,
    ],
  }),
  'GET /opportunities/{id}': operationCase({
    prepare: newOpportunity,
    request: byId,
    errors: [unknownId('id', 'Opportunity')],
  }),
  'PUT /opportunities/{id}': operationCase({
    prepare: newOpportunity,
    request: (ctx, fx) => ({
      ...byId(ctx, fx),
      body: { name: 'Deluxe package', monetaryValue: 240 },
    }),
    errors: [
      unknownId('id', 'Opportunity'),
      unknownBodyId('pipelineStageId', 'Pipeline stage'),
      unknownProperty,
    ],
  }),
  'DELETE /opportunities/{id}': operationCase({
    prepare: newOpportunity,
    request: byId,
    errors: [unknownId('id', 'Opportunity')],
  }),
  'PUT /opportunities/{id}/status': operationCase({
    prepare: newOpportunity,
    request: (ctx, fx) => ({ ...byId(ctx, fx), body: { status: 'won' } }),
    errors: [
      unknownId('id', 'Opportunity'),
      withoutField('status'),
      // `all` is in the DTO's enum because search filters by it; no opportunity can have it.
      withBody(
        'status all',
        { status: 'all' },
        422,
        'status must be one of the following values: open, won, lost, abandoned',
      ),
      unknownProperty,
    ],
  }),
  'POST /opportunities/upsert': operationCase({
    prepare: newContact,
    request: (ctx, { contactId }) => ({
      body: { locationId: ctx.locationId, pipelineId: ctx.pipelineId, contactId, status: 'open' },
    }),
    errors: [
      unknownBodyId('id', 'Opportunity'),
      withoutField('pipelineId'),
      unknownProperty,
      otherLocation,
    ],
  }),
  'GET /opportunities/search': operationCase({
    prepare: newOpportunity,
    request: (ctx) => ({
      query: { location_id: ctx.locationId, pipeline_id: ctx.pipelineId, limit: '10' },
    }),
    errors: [
      withoutQuery('location_id'),
      withQuery('limit', '101', 422, 'limit must not be greater than 100'),
      withQuery('location_id', UNKNOWN_ID, 403, 'The token does not have access to this location.'),
    ],
  }),
};
