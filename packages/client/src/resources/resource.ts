import type { OperationCaller } from '../caller.js';
import type { Services } from '../generated/index.js';

/** A group of related operations; holds the client and nothing else. */
export abstract class Resource {
  constructor(protected readonly client: OperationCaller) {}
}

export type ContactSchemas = Services.contacts.components['schemas'];
export type LocationSchemas = Services.locations.components['schemas'];
export type CalendarSchemas = Services.calendars.components['schemas'];
export type OpportunitySchemas = Services.opportunities.components['schemas'];
export type UserSchemas = Services.users.components['schemas'];
export type ConversationSchemas = Services.conversations.components['schemas'];
export type OAuthSchemas = Services.oauth.components['schemas'];

/**
 * `T` with the keys `K` optional. The generated types mark every property that has a spec
 * `default` as required (openapi-typescript's `defaultNonNullable`), which is right for
 * responses but wrong for request bodies: HighLevel applies the default when the property is
 * absent.
 */
export type WithOptional<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

/** An instant as HighLevel's epoch-millisecond query parameters want it. */
export function epochMs(instant: Date | number): number {
  return instant instanceof Date ? instant.getTime() : instant;
}
