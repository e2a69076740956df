import type { Paths } from '../generated/index.js';
import type { CallOptions } from '../types.js';
import { paginate } from './paginate.js';
import { Resource, type ConversationSchemas } from './resource.js';

export type Conversation = ConversationSchemas['ConversationSchema'];
export type ConversationSearchParams = Paths['/conversations/search']['get']['parameters']['query'];
export type Message = ConversationSchemas['GetMessageResponseDto'];
export type MessagesParams = NonNullable<
  Paths['/conversations/{conversationId}/messages']['get']['parameters']['query']
>;

type SendBody = ConversationSchemas['SendMessageBodyDto'];
/**
 * `SendMessageBodyDto` as HighLevel takes it: the spec marks `subType` (typed as an object) and
 * the delivery `status` required, neither of which a plain SMS or email needs.
 */
export type SendMessageInput = Omit<SendBody, 'subType' | 'status'> & {
  subType?: string;
  status?: SendBody['status'];
};
export type SendMessageResult = ConversationSchemas['SendMessageResponseDto'];

export interface ConversationSearchResult {
  conversations: Conversation[];
  total: number;
}

export interface MessagesPage {
  messages: Message[];
  /** Pass as `lastMessageId` to get the next page. */
  lastMessageId: string | undefined;
  nextPage: boolean;
}

/**
 * The spec describes the page flat (`{ lastMessageId, nextPage, messages: [] }`); HighLevel's API
 * reference shows it wrapped in `messages`
 * (https://marketplace.gohighlevel.com/docs/ghl/conversations/get-messages). Both are read.
 */
export function messagesPage(body: unknown): MessagesPage {
  const outer = (body ?? {}) as { messages?: unknown };
  const page = (
    Array.isArray(outer.messages) ? outer : (outer.messages ?? {})
  ) as Partial<MessagesPage>;
  return {
    messages: Array.isArray(page.messages) ? page.messages : [],
    lastMessageId: typeof page.lastMessageId === 'string' ? page.lastMessageId : undefined,
    nextPage: page.nextPage === true,
  };
}

/** Conversations and messages (`apps/conversations.json`, Version 2021-04-15). */
export class Conversations extends Resource {
  /** @example const { conversations } = await hl.conversations.search({ locationId, contactId }); */
  async search(
    params: ConversationSearchParams,
    options: CallOptions = {},
  ): Promise<ConversationSearchResult> {
    const res = await this.client.request('GET', '/conversations/search', {
      ...options,
      query: params,
    });
    return { conversations: res.conversations ?? [], total: res.total ?? 0 };
  }

  /**
   * One page of a conversation's messages (20 unless `limit` says otherwise); pass the page's
   * `lastMessageId` for the next one.
   *
   * @example const { messages, nextPage, lastMessageId } = await hl.conversations.messages(conversationId);
   */
  async messages(
    conversationId: string,
    params: MessagesParams = {},
    options: CallOptions = {},
  ): Promise<MessagesPage> {
    const res = await this.client.request('GET', '/conversations/{conversationId}/messages', {
      ...options,
      path: { conversationId },
      query: params,
    });
    return messagesPage(res);
  }

  /**
   * Every message of the conversation, page after page, while HighLevel says `nextPage`.
   *
   * @example for await (const m of hl.conversations.allMessages(conversationId)) transcript.push(m.body);
   */
  allMessages(
    conversationId: string,
    params: Omit<MessagesParams, 'lastMessageId'> = {},
    options: CallOptions = {},
  ): AsyncGenerator<Message> {
    return paginate(
      (lastMessageId: string | undefined) =>
        this.messages(conversationId, { ...params, lastMessageId }, options),
      (page) => ({
        items: page.messages,
        next: page.nextPage ? page.lastMessageId : undefined,
      }),
    );
  }

  /**
   * Sends an SMS, email or other message to a contact. Sent with `raw`: the spec's schema is
   * wrong (see `SendMessageInput`). Never retried when the outcome is unknown: a retry could
   * send the message twice.
   *
   * @example await hl.conversations.sendMessage({ type: 'SMS', contactId, message: 'See you at 3pm' });
   */
  sendMessage(input: SendMessageInput, options: CallOptions = {}): Promise<SendMessageResult> {
    return this.client.raw<SendMessageResult>('POST', '/conversations/messages', {
      ...options,
      body: input,
    });
  }
}
