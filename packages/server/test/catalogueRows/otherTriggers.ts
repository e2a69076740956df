/**
 * Rows for the Conversations & Messages triggers and the Other Operations ones on associations
 * and blogs. `find-associations`, `get-association-by-keys` and `get-relations-by-record` answer
 * lists (`{associations, total}`, `{relations, total}`: packages/emulator/DEVIATIONS.md), which
 * their catalogue detection (`one('', 'id', …)`, the spec's single association) cannot read yet.
 */
import { silentWav } from '@ghl-bridge/emulator';
import { association, blogPostFields, smsSent } from './otherActions.js';
import type { Input, TriggerRow, World } from './world.js';

/** An email to a new contact: its message id and the `emailMessageId` its send answered. */
async function emailSent(world: World) {
  const contactId = await world.make.contact();
  return world.hl<{ messageId: string; emailMessageId: string }>(
    'POST',
    '/conversations/messages',
    {
      type: 'Email',
      contactId,
      subject: 'Your visit',
      html: '<p>See you soon</p>',
    },
  );
}

/** Staff reading the message in HighLevel (a provider reporting it read). */
const markRead = (world: World, messageId: string) =>
  world.hl('PUT', '/conversations/messages/{messageId}/status', { status: 'read' }, { messageId });

/** A call with a new contact, recorded and transcribed, as staff phoning from HighLevel. */
async function callMade(world: World): Promise<Input> {
  const contactId = await world.make.contact();
  const { messageId } = world.control.recordCall(world.ws.locationId, {
    contactId,
    transcript: ['Hello, this is the clinic.'],
  });
  return { messageId };
}

/**
 * HighLevel re-transcribing the call, with a new recording: a call's recording and transcription
 * never change otherwise once the call has ended.
 */
const retranscribe = async (world: World, input: Input) => {
  world.control.replaceCallRecording(world.ws.locationId, input.messageId as string, {
    recording: silentWav(2),
    transcript: ['Hello, this is the clinic.', 'Hi, I would like to book.'],
  });
  await Promise.resolve();
};

/** Staff renaming the association's sides. */
async function relabel(world: World, associationId: string) {
  await world.hl(
    'PUT',
    '/associations/{associationId}',
    { firstObjectLabel: 'Child', secondObjectLabel: 'Parent' },
    { associationId },
  );
}

/** The post each row's `change` writes, by the slug or blog its input names. */
const postsToWrite = new Map<string, Record<string, unknown>>();

const writePost = async (world: World, key: unknown) => {
  const fields = postsToWrite.get(key as string)!;
  await world.hl('POST', '/blogs/posts', { ...fields, locationId: world.ws.locationId });
};

/** The association a `get-association-key` input names by its key. */
const associationWithKey = (world: World, key: unknown) =>
  world.control.locationState(world.ws.locationId).associations.find((a) => a.key === key)!.id;

export const otherTriggerRows: Record<string, TriggerRow> = {
  'search-conversations': {
    input: async (world) => {
      const { conversationId } = await smsSent(world);
      return { id: conversationId };
    },
    change: async (world, input) => {
      const { contactId } = world.control
        .locationState(world.ws.locationId)
        .conversations.find((c) => c.id === input.id)!;
      await world.hl('POST', '/conversations/messages', {
        type: 'SMS',
        contactId,
        message: 'Running ten minutes late',
      });
    },
  },
  'get-conversation': {
    input: async (world) => ({ conversationId: (await smsSent(world)).conversationId }),
    change: async (world, input) => {
      const conversation = await world.hl<{ contactId: string }>(
        'GET',
        '/conversations/{conversationId}',
        undefined,
        { conversationId: input.conversationId as string },
      );
      await world.hl('POST', '/conversations/messages', {
        type: 'SMS',
        contactId: conversation.contactId,
        message: 'Running ten minutes late',
      });
    },
  },
  'get-email-by-id': {
    input: async (world) => ({ id: (await emailSent(world)).emailMessageId }),
    change: async (world, input) => {
      const email = await world.hl<{ conversationId: string }>(
        'GET',
        '/conversations/messages/email/{id}',
        undefined,
        { id: input.id as string },
      );
      const messages = world.control
        .locationState(world.ws.locationId)
        .messages.filter((m) => m.conversationId === email.conversationId);
      await markRead(world, messages[0]!.id);
    },
  },
  'get-message-by-id': {
    input: async (world) => ({ id: (await smsSent(world)).messageId }),
    change: (world, input) => markRead(world, input.id as string).then(() => undefined),
  },
  'get-messages-by-conversation': {
    input: async (world) => ({ conversationId: (await smsSent(world)).conversationId }),
    change: async (world, input) => {
      const { contactId } = world.control
        .locationState(world.ws.locationId)
        .conversations.find((c) => c.id === input.conversationId)!;
      await world.hl('POST', '/conversations/messages', {
        type: 'SMS',
        contactId,
        message: 'Running ten minutes late',
      });
    },
  },
  'get-message-recording': { input: callMade, change: retranscribe },
  'get-message-transcription': { input: callMade, change: retranscribe },
  'download-transcription': { input: callMade, change: retranscribe },
  'get-association': {
    input: async (world) => ({ associationId: (await association(world)).associationId }),
    change: (world, input) => relabel(world, input.associationId as string),
  },
  'get-association-key': {
    input: async (world) => ({ key_name: (await association(world)).key }),
    change: (world, input) => relabel(world, associationWithKey(world, input.key_name)),
  },
  'get-relations-by-record': {
    input: async (world) => ({ recordId: await world.make.contact(), skip: 0, limit: 100 }),
    change: async (world, input) => {
      await world.hl('POST', '/associations/relations', {
        locationId: world.ws.locationId,
        associationId: (await association(world)).associationId,
        firstRecordId: input.recordId,
        secondRecordId: await world.make.contact(),
      });
    },
  },
  'get-association-by-keys': {
    input: () => ({ objectKey: 'contact' }),
    change: async (world) => {
      await association(world);
    },
  },
  'find-associations': {
    input: () => ({ skip: 0, limit: 100 }),
    change: async (world) => {
      await association(world);
    },
  },
  'check-blog-url-slug': {
    input: (world) => {
      const fields = blogPostFields(world);
      postsToWrite.set(fields.urlSlug, fields);
      return { urlSlug: fields.urlSlug };
    },
    change: (world, input) => writePost(world, input.urlSlug),
  },
  'get-blog-posts': {
    input: (world) => {
      const fields = blogPostFields(world);
      postsToWrite.set(fields.blogId, fields);
      return { blogId: fields.blogId, limit: 100, offset: 0 };
    },
    change: (world, input) => writePost(world, input.blogId),
  },
  'get-blog-authors': {
    input: () => ({ limit: 100, offset: 0 }),
    change: async (world) => {
      world.control.createBlogAuthor(world.ws.locationId, { name: 'Guest Writer' });
      await Promise.resolve();
    },
  },
  'get-blog-categories': {
    input: () => ({ limit: 100, offset: 0 }),
    change: async (world) => {
      world.control.createBlogCategory(world.ws.locationId, { label: 'Recipes' });
      await Promise.resolve();
    },
  },
  'get-blogs-by-location': {
    input: () => ({ skip: 0, limit: 100 }),
    change: async (world) => {
      world.control.createBlog(world.ws.locationId, { name: 'Team news' });
      await Promise.resolve();
    },
  },
};
