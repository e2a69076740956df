import type { HighLevel } from '../highlevel.js';
import type { Services } from '../generated/index.js';

/** A group of related operations; holds the client and nothing else. */
export abstract class Resource {
  constructor(protected readonly client: HighLevel) {}
}

export type ContactSchemas = Services.contacts.components['schemas'];
export type LocationSchemas = Services.locations.components['schemas'];
export type CalendarSchemas = Services.calendars.components['schemas'];
export type OpportunitySchemas = Services.opportunities.components['schemas'];
export type UserSchemas = Services.users.components['schemas'];
export type ConversationSchemas = Services.conversations.components['schemas'];
export type OAuthSchemas = Services.oauth.components['schemas'];
