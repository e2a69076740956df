/** The live-chat typing indicator an agent or bot last set on a conversation. */
export interface LiveChatTypingRecord {
  conversationId: string;
  locationId: string;
  visitorId: string;
  isTyping: boolean;
  /** ISO time it was set. */
  at: string;
}
