/**
 * What one poll of a trigger did, kept on its subscription (`last_poll`) and shown by
 * `GET /v1/workspaces/:ws/triggers/:id`: when it ran, its HighLevel calls, what it found and
 * delivered, and why it failed if it did.
 */
export interface PollSummary {
  at: string;
  /** HighLevel calls, retries included. */
  calls: number;
  pages: number;
  /** Items in HighLevel's answer. */
  items: number;
  /** Items delivered: new, or changed since the last poll. */
  delivered: number;
  /** The first poll records what is there and delivers nothing. */
  baseline: boolean;
  /** Why the poll failed; the next one reads again from the same checkpoint. */
  error: string | null;
  /** More items than a poll reads (`MAX_PAGES` pages): the rest were not looked at. */
  truncated: boolean;
}
