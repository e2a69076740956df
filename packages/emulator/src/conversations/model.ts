/**
 * Conversations and their messages (spec/highlevel/apps/conversations.json `ConversationSchema`,
 * `GetMessageResponseDto`). A contact has one conversation; the emulator sends nothing out: a
 * message is stored, and tests read it back to assert what a contact would have received.
 * Messages are kept in the order they were sent (insertion order of `state.messages`).
 */

/** The channels the emulator sends on, with HighLevel's names and numeric message types. */
export const CHANNELS = {
  SMS: { messageType: 'TYPE_SMS', type: 2, conversationType: 'TYPE_PHONE' },
  Email: { messageType: 'TYPE_EMAIL', type: 3, conversationType: 'TYPE_EMAIL' },
} as const;
export type Channel = keyof typeof CHANNELS;

export interface ConversationRecord {
  id: string;
  locationId: string;
  contactId: string;
  /** `TYPE_PHONE` or `TYPE_EMAIL`: the channel of the first message. */
  type: string;
  lastMessageBody: string;
  lastMessageType: string;
  lastMessageDirection: 'inbound' | 'outbound';
  /** Epoch ms of the last message, for sorting. */
  lastMessageDate: number;
  unreadCount: number;
  dateAdded: string;
  dateUpdated: string;
}

export interface MessageRecord {
  id: string;
  locationId: string;
  conversationId: string;
  contactId: string;
  /** HighLevel's numeric type: 2 for SMS, 3 for email. */
  type: number;
  messageType: string;
  direction: 'inbound' | 'outbound';
  /** `delivered`/`scheduled` when sent; a provider's `PUT …/status` sets the others. */
  status: 'delivered' | 'scheduled' | 'read' | 'failed' | 'pending';
  body: string;
  contentType: string;
  subject?: string;
  /** Where it went: the contact's phone (SMS) or email address. */
  to: string;
  from?: string;
  attachments: string[];
  /** `api` for messages sent through the API, `app` for calls made in HighLevel. */
  source: 'api' | 'app';
  /** The emailMessageId of an email. */
  emailMessageId?: string;
  /** A call's length in seconds and outcome (`MessageMeta`); calls are made with the control API. */
  call?: { durationSeconds: number; status: 'completed' | 'voicemail' };
  dateAdded: string;
}
