/**
 * Workflows and campaigns and who is in them, followers of contacts and opportunities, and bulk
 * contact tags (contacts.json, opportunities.json, workflows.json, campaigns.json).
 */
import {
  operationCase,
  otherLocation,
  UNKNOWN_ID,
  unknownId,
  unknownProperty,
  withBody,
  withoutField,
  withoutQuery,
  withQuery,
  type ConformanceCase,
  type ErrorCase,
} from './cases.js';
import { send, type Context, type OperationKey } from './context.js';
import { newContact, newOpportunity } from './fixtures.js';

/** A contact and a campaign of the context's Location (made by hand: HighLevel has no create). */
async function contactAndCampaign(ctx: Context) {
  const { contactId } = await newContact(ctx);
  const campaignId = ctx.emulator.control.createCampaign(ctx.locationId, {
    name: `Campaign ${ctx.unique()}`,
  }).id;
  return { contactId, campaignId };
}

/** A contact already in a campaign. */
async function contactInCampaign(ctx: Context) {
  const params = await contactAndCampaign(ctx);
  await send(ctx, 'POST /contacts/{contactId}/campaigns/{campaignId}', { params, body: {} });
  return params;
}

async function contactAndWorkflow(ctx: Context) {
  const { contactId } = await newContact(ctx);
  const workflowId = ctx.emulator.control.createWorkflow(ctx.locationId, {
    name: `Workflow ${ctx.unique()}`,
  }).id;
  return { contactId, workflowId };
}

/** A campaign or workflow of another Location, named in the path: 403. */
const othersAutomation = (param: 'campaignId' | 'workflowId'): ErrorCase<unknown> => ({
  name: `another Location's ${param}`,
  request: (valid, ctx) => {
    const control = ctx.emulator.control;
    const id =
      param === 'campaignId'
        ? control.createCampaign(ctx.otherLocationId).id
        : control.createWorkflow(ctx.otherLocationId).id;
    return { ...valid, params: { ...valid.params, [param]: id } };
  },
  status: 403,
  message: 'The token does not have access to this location.',
});

const followers = { followers: ['UserFollower00000001', 'UserFollower00000002'] };

const badFollower = withBody(
  'a follower id that is not a string',
  { followers: [42] },
  422,
  'each value in followers must be a string',
);

export const automationCases: Record<OperationKey, ConformanceCase> = {
  'GET /workflows/': operationCase({
    prepare: (ctx) => ctx.emulator.control.createWorkflow(ctx.locationId, { name: 'Welcome' }),
    request: (ctx) => ({ query: { locationId: ctx.locationId } }),
    errors: [withoutQuery('locationId'), otherLocation],
  }),
  'GET /campaigns/': operationCase({
    prepare: (ctx) => ctx.emulator.control.createCampaign(ctx.locationId, { status: 'draft' }),
    request: (ctx) => ({ query: { locationId: ctx.locationId, status: 'draft' } }),
    errors: [withoutQuery('locationId'), otherLocation],
  }),
  'POST /contacts/{contactId}/campaigns/{campaignId}': operationCase({
    prepare: contactAndCampaign,
    request: (_ctx, params) => ({ params, body: {} }),
    errors: [
      unknownId('contactId', 'Contact'),
      unknownId('campaignId', 'Campaign'),
      othersAutomation('campaignId'),
      unknownProperty,
    ],
  }),
  'DELETE /contacts/{contactId}/campaigns/{campaignId}': operationCase({
    prepare: contactInCampaign,
    request: (_ctx, params) => ({ params }),
    errors: [unknownId('contactId', 'Contact'), unknownId('campaignId', 'Campaign')],
  }),
  'DELETE /contacts/{contactId}/campaigns/removeAll': operationCase({
    prepare: contactInCampaign,
    request: (_ctx, { contactId }) => ({ params: { contactId } }),
    errors: [unknownId('contactId', 'Contact')],
  }),
  'POST /contacts/{contactId}/workflow/{workflowId}': operationCase({
    prepare: contactAndWorkflow,
    request: (_ctx, params) => ({
      params,
      body: { eventStartTime: '2026-03-03T09:30:00-05:00' },
    }),
    errors: [
      unknownId('contactId', 'Contact'),
      unknownId('workflowId', 'Workflow'),
      othersAutomation('workflowId'),
      withBody(
        'an eventStartTime that is no date',
        { eventStartTime: 'next Tuesday' },
        422,
        'eventStartTime must be a valid ISO 8601 date string',
      ),
      unknownProperty,
    ],
  }),
  'DELETE /contacts/{contactId}/workflow/{workflowId}': operationCase({
    prepare: contactAndWorkflow,
    request: (_ctx, params) => ({ params, body: {} }),
    errors: [
      unknownId('contactId', 'Contact'),
      unknownId('workflowId', 'Workflow'),
      unknownProperty,
    ],
  }),
  'POST /contacts/{contactId}/followers': operationCase({
    prepare: newContact,
    request: (_ctx, { contactId }) => ({ params: { contactId }, body: followers }),
    errors: [
      unknownId('contactId', 'Contact'),
      withoutField('followers'),
      badFollower,
      unknownProperty,
    ],
  }),
  'DELETE /contacts/{contactId}/followers': operationCase({
    prepare: newContact,
    request: (_ctx, { contactId }) => ({ params: { contactId }, body: followers }),
    errors: [unknownId('contactId', 'Contact'), withoutField('followers'), unknownProperty],
  }),
  'POST /opportunities/{id}/followers': operationCase({
    prepare: newOpportunity,
    request: (_ctx, { id }) => ({ params: { id }, body: followers }),
    errors: [
      unknownId('id', 'Opportunity'),
      withoutField('followers'),
      badFollower,
      unknownProperty,
    ],
  }),
  'DELETE /opportunities/{id}/followers': operationCase({
    prepare: newOpportunity,
    request: (_ctx, { id }) => ({
      params: { id },
      query: { isRemoveAllFollowers: 'false' },
      body: followers,
    }),
    errors: [
      unknownId('id', 'Opportunity'),
      withoutField('followers'),
      withQuery('isRemoveAllFollowers', 'yes', 422, 'isRemoveAllFollowers must be a boolean value'),
      unknownProperty,
    ],
  }),
  'POST /contacts/bulk/tags/update/{type}': operationCase({
    prepare: newContact,
    request: (ctx, { contactId }) => ({
      params: { type: 'add' },
      body: { locationId: ctx.locationId, contacts: [contactId, UNKNOWN_ID], tags: ['vip'] },
    }),
    errors: [
      {
        name: 'a type other than add or remove',
        request: (valid) => ({ ...valid, params: { type: 'replace' } }),
        status: 422,
        message: 'type must be one of the following values: add, remove',
      },
      withBody(
        'removeAllTags with add',
        { removeAllTags: true },
        422,
        'removeAllTags can only be used with the remove type',
      ),
      withoutField('contacts'),
      withoutField('tags'),
      unknownProperty,
      otherLocation,
    ],
  }),
};
