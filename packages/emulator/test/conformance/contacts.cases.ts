/** Contacts: CRUD, upsert, search, duplicate search, the deprecated list, tags (contacts.json). */
import {
  operationCase,
  otherLocation,
  unknownId,
  unknownProperty,
  withBody,
  withoutField,
  withoutQuery,
  withQuery,
  type ConformanceCase,
} from './cases.js';
import type { OperationKey } from './context.js';
import { newContact, type ContactFixture } from './fixtures.js';

const DUPLICATE = 'This location does not allow duplicated contacts.';

/** Adding and removing tags take the same `TagsDTO` and fail the same ways. */
const contactTags = operationCase({
  prepare: newContact,
  request: (_ctx, { contactId }) => ({ params: { contactId }, body: { tags: ['vip'] } }),
  errors: [unknownId('contactId', 'Contact'), withoutField('tags'), unknownProperty],
});

export const contactCases: Record<OperationKey, ConformanceCase> = {
  'POST /contacts/': operationCase({
    // A contact already holding an email, for the Location's no-duplicates rule.
    prepare: newContact,
    request: (ctx) => ({
      body: {
        locationId: ctx.locationId,
        firstName: 'Ada',
        email: `ada${ctx.unique()}@example.com`,
      },
    }),
    errors: [
      unknownProperty,
      withoutField('locationId'),
      otherLocation,
      withBody<ContactFixture>(
        "another contact's email",
        (_ctx, existing) => ({ email: existing.email }),
        400,
        DUPLICATE,
      ),
    ],
  }),
  'GET /contacts/{contactId}': operationCase({
    prepare: newContact,
    request: (_ctx, { contactId }) => ({ params: { contactId } }),
    errors: [unknownId('contactId', 'Contact')],
  }),
  'PUT /contacts/{contactId}': operationCase({
    prepare: async (ctx) => ({ contact: await newContact(ctx), other: await newContact(ctx) }),
    request: (_ctx, { contact }) => ({
      params: { contactId: contact.contactId },
      body: { firstName: 'Grace', tags: ['returning'] },
    }),
    errors: [
      unknownId('contactId', 'Contact'),
      // `locationId` is in the create DTO, not the update DTO: a common mistake.
      withBody(
        'its own locationId in the body',
        (ctx) => ({ locationId: ctx.locationId }),
        422,
        'property locationId should not exist',
      ),
      withBody<{ other: ContactFixture }>(
        "another contact's email",
        (_ctx, { other }) => ({ email: other.email }),
        400,
        DUPLICATE,
      ),
    ],
  }),
  'DELETE /contacts/{contactId}': operationCase({
    prepare: newContact,
    request: (_ctx, { contactId }) => ({ params: { contactId } }),
    errors: [unknownId('contactId', 'Contact')],
  }),
  'POST /contacts/upsert': operationCase({
    prepare: newContact,
    request: (ctx, { email }) => ({
      body: { locationId: ctx.locationId, email, lastName: 'Lovelace', tags: ['upserted'] },
    }),
    errors: [unknownProperty, withoutField('locationId'), otherLocation],
  }),
  'POST /contacts/search': operationCase({
    prepare: newContact,
    request: (ctx, { email }) => ({
      body: {
        locationId: ctx.locationId,
        pageLimit: 10,
        filters: [{ field: 'email', operator: 'eq', value: email }],
      },
    }),
    errors: [
      unknownProperty,
      withoutField('locationId'),
      withoutField('pageLimit', 'pageLimit must be a positive integer'),
      otherLocation,
    ],
  }),
  'GET /contacts/search/duplicate': operationCase({
    prepare: newContact,
    request: (ctx, { email }) => ({ query: { locationId: ctx.locationId, email } }),
    errors: [withoutQuery('locationId'), otherLocation],
  }),
  'GET /contacts/': operationCase({
    prepare: newContact,
    request: (ctx) => ({ query: { locationId: ctx.locationId, limit: '5' } }),
    errors: [
      withoutQuery('locationId'),
      withQuery('limit', '101', 422, 'limit must not be greater than 100'),
      otherLocation,
    ],
  }),
  'POST /contacts/{contactId}/tags': contactTags,
  'DELETE /contacts/{contactId}/tags': contactTags,
};
