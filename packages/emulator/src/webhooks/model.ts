/**
 * What the emulator stores for webhooks: a URL per Location for private-integration users, who
 * have no webhooks on HighLevel (see DEVIATIONS.md). Apps keep theirs on the app record, and the
 * delivery log lives in memory with the delivery, outside the snapshot.
 */

export interface WebhookSubscriptionRecord {
  locationId: string;
  url: string;
  /** Event names to send; null: all of them. */
  events: string[] | null;
}
