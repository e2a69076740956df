import type { CallOptions } from '../types.js';
import type { ContactSearchParams, ContactSearchResult, SearchedContact } from './contactSearch.js';
import { Resource, type ContactSchemas } from './resource.js';

export type Contact = ContactSchemas['GetContectByIdSchema'];
export type CreateContactInput = Omit<ContactSchemas['CreateContactDto'], 'tags'>;
export type UpdateContactInput = Omit<ContactSchemas['UpdateContactDto'], 'tags'>;
export type UpsertContactInput = Omit<ContactSchemas['UpsertContactDto'], 'tags'>;

/**
 * Contacts (`apps/contacts.json`, Version 2021-07-28).
 *
 * The create/update/upsert inputs have no `tags`: HighLevel *replaces* every tag of the contact
 * with that list, wiping tags the user set by hand (UpsertContactDto.tags in the spec). Use
 * `addTags`/`removeTags`, which change only the tags named.
 */
export class Contacts extends Resource {
  /** @example const contact = await hl.contacts.get('ocQHyuzHvysMo5N5VsXc'); */
  async get(contactId: string, options: CallOptions = {}): Promise<Contact> {
    const res = await this.client.request('GET', '/contacts/{contactId}', {
      ...options,
      path: { contactId },
    });
    return res.contact as Contact;
  }

  /** Creates a contact; a duplicate email or phone raises `DuplicateContactError` with the existing id. */
  async create(input: CreateContactInput, options: CallOptions = {}): Promise<Contact> {
    const res = await this.client.request('POST', '/contacts/', { ...options, body: input });
    return res.contact as Contact;
  }

  async update(
    contactId: string,
    input: UpdateContactInput,
    options: CallOptions = {},
  ): Promise<Contact> {
    const res = await this.client.request('PUT', '/contacts/{contactId}', {
      ...options,
      path: { contactId },
      body: input,
    });
    return res.contact as Contact;
  }

  /**
   * Creates or updates the contact matching the email or phone, per the Location's duplicate
   * settings. Safe to retry.
   */
  async upsert(
    input: UpsertContactInput,
    options: CallOptions = {},
  ): Promise<{ contact: Contact; new: boolean }> {
    const res = await this.client.request('POST', '/contacts/upsert', {
      ...options,
      body: input,
    });
    return { contact: res.contact as Contact, new: Boolean(res.new) };
  }

  async delete(contactId: string, options: CallOptions = {}): Promise<void> {
    await this.client.request('DELETE', '/contacts/{contactId}', {
      ...options,
      path: { contactId },
    });
  }

  /** One page of `POST /contacts/search`. */
  search(params: ContactSearchParams, options: CallOptions = {}): Promise<ContactSearchResult> {
    return this.client.raw<ContactSearchResult>('POST', '/contacts/search', {
      ...options,
      body: { pageLimit: 100, ...params },
    });
  }

  /**
   * Every contact matching `params`, page after page through the `searchAfter` cursor (which,
   * unlike `page`, is not capped at 10,000 results).
   *
   * @example
   * for await (const c of hl.contacts.searchAll({ locationId, filters: [{ field: 'tags', operator: 'eq', value: 'vip' }] })) {}
   */
  async *searchAll(
    params: Omit<ContactSearchParams, 'page' | 'searchAfter'>,
    options: CallOptions = {},
  ): AsyncGenerator<SearchedContact> {
    const pageLimit = params.pageLimit ?? 100;
    let searchAfter: unknown[] | undefined;
    for (;;) {
      const page = await this.search(
        { ...params, pageLimit, ...(searchAfter ? { searchAfter } : {}) },
        options,
      );
      yield* page.contacts;
      const last = page.contacts.at(-1);
      if (page.contacts.length < pageLimit || !last?.searchAfter) return;
      searchAfter = last.searchAfter;
    }
  }

  /**
   * The contact HighLevel's duplicate rule would match for this email or phone, or null
   * (`GET /contacts/search/duplicate`; the spec gives no response schema, HighLevel returns
   * `{ contact }`).
   */
  async findDuplicate(
    params: { locationId: string; email?: string; phone?: string },
    options: CallOptions = {},
  ): Promise<Contact | null> {
    const res = await this.client.raw<{ contact?: Contact | null }>(
      'GET',
      '/contacts/search/duplicate',
      {
        ...options,
        query: { locationId: params.locationId, email: params.email, number: params.phone },
      },
    );
    return res.contact ?? null;
  }

  /** Adds tags, keeping the contact's others. Returns the contact's tags after the change. */
  async addTags(contactId: string, tags: string[], options: CallOptions = {}): Promise<string[]> {
    const res = await this.client.request('POST', '/contacts/{contactId}/tags', {
      ...options,
      path: { contactId },
      body: { tags },
    });
    return res.tags ?? [];
  }

  /** Removes only these tags. Returns the contact's tags after the change. */
  async removeTags(
    contactId: string,
    tags: string[],
    options: CallOptions = {},
  ): Promise<string[]> {
    const res = await this.client.request('DELETE', '/contacts/{contactId}/tags', {
      ...options,
      path: { contactId },
      body: { tags },
    });
    return res.tags ?? [];
  }
}
