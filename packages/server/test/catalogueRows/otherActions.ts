/**
 * Rows for the Conversations & Messages actions (message status, the live-chat typing
 * indicator) and the Other Operations ones on associations, relations and blog posts.
 */
import { expect } from 'vitest';
import { byId, type ActionRow, type World } from './world.js';

let made = 0;
const unique = () => ++made;

/** An SMS to a new contact, as staff would send it. */
export async function smsSent(world: World, message = 'See you on Monday') {
  const contactId = await world.make.contact({
    phone: `+1415555${String(unique()).padStart(4, '0')}`,
  });
  return world.hl<{ conversationId: string; messageId: string }>(
    'POST',
    '/conversations/messages',
    { type: 'SMS', contactId, message },
  );
}

/** A contact-to-contact association, as `POST /associations/` makes it. */
export async function association(world: World) {
  const body = {
    locationId: world.ws.locationId,
    key: `patient_guardian_${unique()}`,
    firstObjectKey: 'contact',
    firstObjectLabel: 'Patient',
    secondObjectKey: 'contact',
    secondObjectLabel: 'Guardian',
  };
  const res = await world.hl<{ id: string }>('POST', '/associations/', body);
  return { associationId: res.id, key: body.key };
}

/** A blog with an author and a category (made in HighLevel's UI), and a post's fields naming them. */
export function blogPostFields(world: World) {
  const { control, ws } = world;
  const blogId = control.createBlog(ws.locationId, { name: 'Clinic news' }).id;
  const author = control.createBlogAuthor(ws.locationId, { name: 'Dr Olive' }).id;
  const category = control.createBlogCategory(ws.locationId, { label: 'Health' }).id;
  return {
    title: 'Spring opening hours',
    blogId,
    imageUrl: 'https://example.com/spring.jpg',
    imageAltText: 'Blossom',
    description: 'When we are open this spring',
    rawHTML: '<p>Open every weekday.</p>',
    status: 'PUBLISHED',
    categories: [category],
    tags: ['hours'],
    author,
    urlSlug: `spring-hours-${unique()}`,
    publishedAt: '2030-03-04T09:00:00.000Z',
  };
}

export const otherActionRows: Record<string, ActionRow> = {
  'update-message-status': {
    input: async (world) => ({ messageId: (await smsSent(world)).messageId, status: 'read' }),
    check: (state, input) => expect(byId(state.messages, input.messageId)?.status).toBe('read'),
  },
  'agent-typing-indicator': {
    input: async (world) => ({
      conversationId: (await smsSent(world)).conversationId,
      visitorId: 'visitor-1',
      isTyping: 'true',
    }),
    check: (state, input) =>
      expect(
        state.liveChatTyping.find((t) => t.conversationId === input.conversationId),
      ).toMatchObject({ visitorId: 'visitor-1', isTyping: true }),
  },
  'create-association': {
    input: () => ({
      key: `pet_owner_${unique()}`,
      firstObjectKey: 'contact',
      firstObjectLabel: 'Owner',
      secondObjectKey: 'custom_objects.pets',
      secondObjectLabel: 'Pet',
    }),
    check: (state, input, result) =>
      expect(byId(state.associations, result.id)).toMatchObject({
        key: input.key,
        associationType: 'USER_DEFINED',
      }),
  },
  'update-association': {
    input: async (world) => ({
      associationId: (await association(world)).associationId,
      firstObjectLabel: 'Child',
      secondObjectLabel: 'Parent',
    }),
    check: (state, input) =>
      expect(byId(state.associations, input.associationId)).toMatchObject({
        firstObjectLabel: 'Child',
        secondObjectLabel: 'Parent',
      }),
  },
  'delete-association': {
    input: async (world) => ({ associationId: (await association(world)).associationId }),
    check: (state, input) => expect(byId(state.associations, input.associationId)).toBeUndefined(),
  },
  'create-relation': {
    input: async (world) => ({
      associationId: (await association(world)).associationId,
      firstRecordId: await world.make.contact(),
      secondRecordId: await world.make.contact(),
    }),
    check: (state, input, result) =>
      expect(byId(state.relations, result.id)).toMatchObject({
        associationId: input.associationId,
        firstRecordId: input.firstRecordId,
        secondRecordId: input.secondRecordId,
      }),
  },
  'delete-relation': {
    input: async (world) => {
      const body = {
        locationId: world.ws.locationId,
        associationId: (await association(world)).associationId,
        firstRecordId: await world.make.contact(),
        secondRecordId: await world.make.contact(),
      };
      const relation = await world.hl<{ id: string }>('POST', '/associations/relations', body);
      return { relationId: relation.id };
    },
    check: (state, input) => expect(byId(state.relations, input.relationId)).toBeUndefined(),
  },
  'create-blog-post': {
    input: (world) => blogPostFields(world),
    check: (state, input) =>
      expect(state.blogPosts.find((p) => p.urlSlug === input.urlSlug)).toMatchObject({
        title: 'Spring opening hours',
        status: 'PUBLISHED',
        blogId: input.blogId,
      }),
  },
  'update-blog-post': {
    input: async (world) => {
      const fields = blogPostFields(world);
      const created = await world.hl<{ data: { _id: string } }>('POST', '/blogs/posts', {
        ...fields,
        locationId: world.ws.locationId,
      });
      return {
        ...fields,
        postId: created.data._id,
        title: 'Summer opening hours',
        status: 'ARCHIVED',
      };
    },
    check: (state, input) =>
      expect(byId(state.blogPosts, input.postId)).toMatchObject({
        title: 'Summer opening hours',
        status: 'ARCHIVED',
      }),
  },
};
