/** Businesses (businesses.json) and contacts' business (contacts.json). */
import {
  operationCase,
  otherLocation,
  unknownBodyId,
  unknownId,
  unknownProperty,
  withoutField,
  withoutQuery,
  type ConformanceCase,
} from './cases.js';
import { send, type Context, type OperationKey } from './context.js';
import { newContact, stringAt } from './fixtures.js';

/** A business of the context's Location. */
async function newBusiness(ctx: Context): Promise<{ businessId: string }> {
  const res = await send(ctx, 'POST /businesses/', {
    body: { locationId: ctx.locationId, name: `Business ${ctx.unique()}` },
  });
  return { businessId: stringAt(res, 'buiseness', 'id') };
}

/** A business with one contact linked to it. */
async function businessWithContact(ctx: Context) {
  const { businessId } = await newBusiness(ctx);
  const { contactId } = await newContact(ctx);
  await send(ctx, 'POST /contacts/bulk/business', {
    body: { locationId: ctx.locationId, ids: [contactId], businessId },
  });
  return { businessId, contactId };
}

export const businessCases: Record<OperationKey, ConformanceCase> = {
  'GET /businesses/': operationCase({
    prepare: newBusiness,
    request: (ctx) => ({ query: { locationId: ctx.locationId } }),
    errors: [withoutQuery('locationId'), otherLocation],
  }),
  'GET /businesses/{businessId}': operationCase({
    prepare: newBusiness,
    request: (_ctx, params) => ({ params }),
    errors: [unknownId('businessId', 'Business')],
  }),
  'POST /businesses/': operationCase({
    request: (ctx) => ({
      body: { locationId: ctx.locationId, name: 'Acme Dental', city: 'Austin', country: 'US' },
    }),
    errors: [withoutField('name'), withoutField('locationId'), unknownProperty, otherLocation],
  }),
  'PUT /businesses/{businessId}': operationCase({
    prepare: newBusiness,
    request: (_ctx, params) => ({ params, body: { name: 'Acme Smiles', website: 'acme.example' } }),
    errors: [unknownId('businessId', 'Business'), unknownProperty],
  }),
  'DELETE /businesses/{businessId}': operationCase({
    prepare: newBusiness,
    request: (_ctx, params) => ({ params }),
    errors: [unknownId('businessId', 'Business')],
  }),
  'GET /contacts/business/{businessId}': operationCase({
    prepare: businessWithContact,
    request: (ctx, { businessId }) => ({
      params: { businessId },
      query: { locationId: ctx.locationId },
    }),
    errors: [withoutQuery('locationId'), unknownId('businessId', 'Business'), otherLocation],
  }),
  'POST /contacts/bulk/business': operationCase({
    prepare: async (ctx) => ({ ...(await newBusiness(ctx)), ...(await newContact(ctx)) }),
    request: (ctx, { businessId, contactId }) => ({
      body: { locationId: ctx.locationId, ids: [contactId], businessId },
    }),
    errors: [
      unknownBodyId('businessId', 'Business'),
      withoutField('businessId'),
      withoutField('ids'),
      unknownProperty,
      otherLocation,
    ],
  }),
};
