/** Users' writes and the agency's user and account reads (users, locations, companies, snapshots). */
import {
  locationTokenOnAgencyOperation,
  operationCase,
  UNKNOWN_ID,
  unknownId,
  unknownProperty,
  withBody,
  withoutField,
  withoutQuery,
  withQuery,
  type ConformanceCase,
} from './cases.js';
import type { Context, OperationKey } from './context.js';

const NO_ACCESS = 'The token does not have access to this location.';

/** A `CreateUserDto` body for a new user of the context's Location. */
const newUserBody = (ctx: Context) => ({
  companyId: ctx.companyId,
  firstName: 'Sam',
  lastName: 'Stylist',
  email: `staff${ctx.unique()}@example.com`,
  password: 'correct horse battery staple',
  type: 'account',
  role: 'user',
  locationIds: [ctx.locationId],
});

/** A user made by hand in the context's Location. */
const newUser = (ctx: Context) => ({
  userId: ctx.emulator.control.createUser(ctx.locationId, {
    firstName: 'Staff',
    lastName: `Member${ctx.unique()}`,
  }).id,
});

export const userCases: Record<OperationKey, ConformanceCase> = {
  'POST /users/': operationCase({
    request: (ctx) => ({ body: newUserBody(ctx) }),
    errors: [
      withoutField('password'),
      withoutField('locationIds'),
      unknownProperty,
      withBody(
        'an unknown role',
        { role: 'owner' },
        422,
        'role must be one of the following values: admin, user',
      ),
      withBody('another agency', { companyId: UNKNOWN_ID }, 403, NO_ACCESS),
      withBody(
        'a Location of another agency',
        (ctx) => ({ locationIds: [ctx.otherLocationId] }),
        403,
        NO_ACCESS,
      ),
    ],
  }),
  'PUT /users/{userId}': operationCase({
    prepare: newUser,
    request: (_ctx, params) => ({ params, body: { firstName: 'Samantha', role: 'admin' } }),
    errors: [unknownId('userId', 'User'), unknownProperty],
  }),
  'DELETE /users/{userId}': operationCase({
    prepare: newUser,
    request: (_ctx, params) => ({ params }),
    errors: [unknownId('userId', 'User')],
  }),
  'POST /users/search/filter-by-email': operationCase({
    auth: 'agency',
    prepare: (ctx) =>
      ctx.emulator.control.createUser(ctx.locationId, { email: `u${ctx.unique()}@example.com` }),
    request: (ctx, user) => ({ body: { companyId: ctx.companyId, emails: user.email } }),
    errors: [
      locationTokenOnAgencyOperation,
      withoutField('emails'),
      unknownProperty,
      withBody('another agency', { companyId: UNKNOWN_ID }, 403, NO_ACCESS),
    ],
  }),
  'GET /locations/search': operationCase({
    request: (ctx) => ({ query: { companyId: ctx.companyId, limit: '5' } }),
    errors: [withQuery('companyId', UNKNOWN_ID, 403, NO_ACCESS)],
  }),
  'GET /companies/{companyId}': operationCase({
    auth: 'agency',
    request: (ctx) => ({ params: { companyId: ctx.companyId } }),
    errors: [
      locationTokenOnAgencyOperation,
      {
        name: 'another agency',
        request: (valid) => ({ ...valid, params: { companyId: UNKNOWN_ID } }),
        status: 403,
        message: NO_ACCESS,
      },
    ],
  }),
  'GET /snapshots/': operationCase({
    auth: 'agency',
    prepare: (ctx) =>
      ctx.emulator.control.createSnapshot(ctx.companyId, { name: 'Clinic starter' }),
    request: (ctx) => ({ query: { companyId: ctx.companyId } }),
    errors: [
      locationTokenOnAgencyOperation,
      withoutQuery('companyId'),
      withQuery('companyId', UNKNOWN_ID, 403, NO_ACCESS),
    ],
  }),
};
