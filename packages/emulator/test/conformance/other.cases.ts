/**
 * Conversations' reads, message status, live-chat typing and call recordings
 * (conversations.json); associations and relations (associations.json); blogs (blogs.json).
 */
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
import type { Context, OperationKey } from './context.js';
import { newContact, newConversation, stringAt } from './fixtures.js';
import { send } from './context.js';

/** An email sent to a new contact: its message id and the `emailMessageId` its send answered. */
async function newEmail(ctx: Context) {
  const { contactId } = await newContact(ctx);
  const body = { type: 'Email', contactId, subject: 'Your visit', html: '<p>See you soon</p>' };
  const res = await send(ctx, 'POST /conversations/messages', { body });
  return { messageId: stringAt(res, 'messageId'), emailMessageId: stringAt(res, 'emailMessageId') };
}

/** A call with a new contact, recorded and transcribed. */
async function newCall(ctx: Context) {
  const { contactId } = await newContact(ctx);
  const { messageId } = ctx.emulator.control.recordCall(ctx.locationId, {
    contactId,
    transcript: ['Hello, this is the clinic.', 'Hi, thanks for calling.'],
  });
  return { messageId, locationId: ctx.locationId };
}

const associationBody = (ctx: Context) => ({
  locationId: ctx.locationId,
  key: `patient_guardian_${ctx.unique()}`,
  firstObjectKey: 'contact',
  firstObjectLabel: 'Patient',
  secondObjectKey: 'contact',
  secondObjectLabel: 'Guardian',
});

async function newAssociation(ctx: Context) {
  const body = associationBody(ctx);
  const res = await send(ctx, 'POST /associations/', { body });
  return { associationId: stringAt(res, 'id'), key: body.key };
}

async function newRelation(ctx: Context) {
  const { associationId } = await newAssociation(ctx);
  const first = await newContact(ctx);
  const second = await newContact(ctx);
  const body = {
    locationId: ctx.locationId,
    associationId,
    firstRecordId: first.contactId,
    secondRecordId: second.contactId,
  };
  const res = await send(ctx, 'POST /associations/relations', { body });
  return { relationId: stringAt(res, 'id'), recordId: first.contactId, associationId };
}

/** A blog with an author and a category, and a post body naming them. */
function newBlog(ctx: Context) {
  const { control } = ctx.emulator;
  const blogId = control.createBlog(ctx.locationId, { name: 'Clinic news' }).id;
  const author = control.createBlogAuthor(ctx.locationId, { name: 'Dr Olive' }).id;
  const category = control.createBlogCategory(ctx.locationId, { label: 'Health' }).id;
  const post = {
    title: 'Spring opening hours',
    locationId: ctx.locationId,
    blogId,
    imageUrl: 'https://example.com/spring.jpg',
    imageAltText: 'Blossom',
    description: 'When we are open this spring',
    rawHTML: '<p>Open every weekday.</p>',
    status: 'PUBLISHED',
    categories: [category],
    tags: ['hours'],
    author,
    urlSlug: `spring-hours-${ctx.unique()}`,
    publishedAt: '2026-03-02T09:00:00.000Z',
  };
  return { blogId, post };
}

async function newPost(ctx: Context) {
  const { blogId, post } = newBlog(ctx);
  const res = await send(ctx, 'POST /blogs/posts', { body: post });
  const data = (res.body as { data?: { _id?: string } }).data;
  if (res.status !== 200 || !data?._id) throw new Error(`Precondition failed: ${res.status}`);
  return { blogId, post, postId: data._id };
}

const page = (ctx: Context, names: [string, string]) => ({
  locationId: ctx.locationId,
  [names[0]]: '0',
  [names[1]]: '10',
});

export const otherCases: Record<OperationKey, ConformanceCase> = {
  'GET /conversations/{conversationId}': operationCase({
    prepare: newConversation,
    request: (_ctx, params) => ({ params }),
    errors: [unknownId('conversationId', 'Conversation')],
  }),
  'GET /conversations/messages/{id}': operationCase({
    prepare: newEmail,
    request: (_ctx, { messageId }) => ({ params: { id: messageId } }),
    errors: [unknownId('id', 'Message')],
  }),
  'GET /conversations/messages/email/{id}': operationCase({
    prepare: newEmail,
    request: (_ctx, { emailMessageId }) => ({ params: { id: emailMessageId } }),
    errors: [unknownId('id', 'Email')],
  }),
  'PUT /conversations/messages/{messageId}/status': operationCase({
    prepare: newEmail,
    request: (_ctx, { messageId }) => ({ params: { messageId }, body: { status: 'read' } }),
    errors: [
      unknownId('messageId', 'Message'),
      withoutField('status'),
      withBody(
        'an unknown status',
        { status: 'unread' },
        422,
        'status must be one of the following values: delivered, failed, pending, read',
      ),
      unknownProperty,
    ],
  }),
  'POST /conversations/providers/live-chat/typing': operationCase({
    prepare: newConversation,
    request: (ctx, { conversationId }) => ({
      body: { locationId: ctx.locationId, isTyping: true, visitorId: 'visitor-1', conversationId },
    }),
    errors: [
      unknownBodyId('conversationId', 'Conversation'),
      withoutField('visitorId'),
      unknownProperty,
      otherLocation,
    ],
  }),
  'GET /conversations/messages/{messageId}/locations/{locationId}/recording': operationCase({
    prepare: newCall,
    request: (_ctx, params) => ({ params }),
    errors: [unknownId('messageId', 'Message'), otherLocation],
  }),
  'GET /conversations/locations/{locationId}/messages/{messageId}/transcription': operationCase({
    prepare: newCall,
    request: (_ctx, params) => ({ params }),
    errors: [unknownId('messageId', 'Message'), otherLocation],
  }),
  'GET /conversations/locations/{locationId}/messages/{messageId}/transcription/download':
    operationCase({
      prepare: newCall,
      request: (_ctx, params) => ({ params }),
      errors: [unknownId('messageId', 'Message'), otherLocation],
    }),
  'GET /associations/': operationCase({
    prepare: newAssociation,
    request: (ctx) => ({ query: page(ctx, ['skip', 'limit']) }),
    errors: [
      withoutQuery('locationId'),
      withoutQuery('limit', 'limit must be a number conforming to the specified constraints'),
      otherLocation,
    ],
  }),
  'POST /associations/': operationCase({
    request: (ctx) => ({ body: associationBody(ctx) }),
    errors: [withoutField('key'), withoutField('secondObjectKey'), unknownProperty, otherLocation],
  }),
  'GET /associations/{associationId}': operationCase({
    prepare: newAssociation,
    request: (_ctx, { associationId }) => ({ params: { associationId } }),
    errors: [unknownId('associationId', 'Association')],
  }),
  'PUT /associations/{associationId}': operationCase({
    prepare: newAssociation,
    request: (_ctx, { associationId }) => ({
      params: { associationId },
      body: { firstObjectLabel: 'Child', secondObjectLabel: 'Parent' },
    }),
    errors: [
      unknownId('associationId', 'Association'),
      withoutField('secondObjectLabel'),
      unknownProperty,
    ],
  }),
  'DELETE /associations/{associationId}': operationCase({
    prepare: newAssociation,
    request: (_ctx, { associationId }) => ({ params: { associationId } }),
    errors: [unknownId('associationId', 'Association')],
  }),
  'GET /associations/key/{key_name}': operationCase({
    prepare: newAssociation,
    request: (ctx, { key }) => ({
      params: { key_name: key },
      query: { locationId: ctx.locationId },
    }),
    errors: [
      {
        name: 'an unknown key',
        request: (valid) => ({ ...valid, params: { key_name: 'no_such_key' } }),
        status: 400,
        message: 'Association not found for key:no_such_key',
      },
      withoutQuery('locationId'),
      otherLocation,
    ],
  }),
  'GET /associations/objectKey/{objectKey}': operationCase({
    prepare: newAssociation,
    request: (ctx) => ({ params: { objectKey: 'contact' }, query: { locationId: ctx.locationId } }),
    errors: [otherLocation],
  }),
  'POST /associations/relations': operationCase({
    prepare: async (ctx) => ({
      ...(await newAssociation(ctx)),
      first: (await newContact(ctx)).contactId,
      second: (await newContact(ctx)).contactId,
    }),
    request: (ctx, { associationId, first, second }) => ({
      body: {
        locationId: ctx.locationId,
        associationId,
        firstRecordId: first,
        secondRecordId: second,
      },
    }),
    errors: [
      unknownBodyId('associationId', 'Association'),
      unknownBodyId('firstRecordId', 'Contact'),
      withoutField('secondRecordId'),
      unknownProperty,
      otherLocation,
    ],
  }),
  'GET /associations/relations/{recordId}': operationCase({
    prepare: newRelation,
    request: (ctx, { recordId }) => ({ params: { recordId }, query: page(ctx, ['skip', 'limit']) }),
    errors: [
      withoutQuery('skip', 'skip must be a number conforming to the specified constraints'),
      otherLocation,
    ],
  }),
  'DELETE /associations/relations/{relationId}': operationCase({
    prepare: newRelation,
    request: (ctx, { relationId }) => ({
      params: { relationId },
      query: { locationId: ctx.locationId },
    }),
    errors: [unknownId('relationId', 'Relation'), otherLocation],
  }),
  'GET /blogs/posts/url-slug-exists': operationCase({
    prepare: newPost,
    request: (ctx, { post }) => ({ query: { locationId: ctx.locationId, urlSlug: post.urlSlug } }),
    errors: [withoutQuery('urlSlug'), otherLocation],
  }),
  'GET /blogs/authors': operationCase({
    prepare: newBlog,
    request: (ctx) => ({ query: page(ctx, ['offset', 'limit']) }),
    errors: [withoutQuery('locationId'), otherLocation],
  }),
  'GET /blogs/categories': operationCase({
    prepare: newBlog,
    request: (ctx) => ({ query: page(ctx, ['offset', 'limit']) }),
    errors: [
      withQuery(
        'limit',
        'ten',
        422,
        'limit must be a number conforming to the specified constraints',
      ),
      otherLocation,
    ],
  }),
  'GET /blogs/posts/all': operationCase({
    prepare: newPost,
    request: (ctx, { blogId }) => ({ query: { ...page(ctx, ['offset', 'limit']), blogId } }),
    errors: [
      withQuery('blogId', UNKNOWN_ID, 400, `Blog not found for id:${UNKNOWN_ID}`),
      withoutQuery('blogId'),
      otherLocation,
    ],
  }),
  'GET /blogs/site/all': operationCase({
    prepare: newBlog,
    request: (ctx) => ({ query: page(ctx, ['skip', 'limit']) }),
    errors: [withoutQuery('locationId'), otherLocation],
  }),
  'POST /blogs/posts': operationCase({
    prepare: newBlog,
    request: (_ctx, { post }) => ({ body: post }),
    errors: [
      unknownBodyId('blogId', 'Blog'),
      unknownBodyId('author', 'Author'),
      withoutField('urlSlug'),
      unknownProperty,
      otherLocation,
    ],
  }),
  'PUT /blogs/posts/{postId}': operationCase({
    prepare: newPost,
    request: (_ctx, { postId, post }) => ({
      params: { postId },
      body: { ...post, title: 'Summer opening hours', status: 'ARCHIVED' },
    }),
    errors: [
      unknownId('postId', 'Blog post'),
      withoutField('title'),
      withBody(
        'a status not in the enum',
        { status: 'HIDDEN' },
        422,
        'status must be one of the following values: DRAFT, PUBLISHED, SCHEDULED, ARCHIVED',
      ),
      unknownProperty,
    ],
  }),
};
