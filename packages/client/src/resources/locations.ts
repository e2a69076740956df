import type { CallOptions } from '../types.js';
import { Resource, type LocationSchemas } from './resource.js';

export type Location = LocationSchemas['GetLocationByIdSchema'];
export type LocationTag = LocationSchemas['LocationTagsSchema'];

/** Locations (sub-accounts) and their tag list (`apps/locations.json`, Version 2021-07-28). */
export class Locations extends Resource {
  /** @example const { timezone } = await hl.locations.get(locationId); */
  async get(locationId: string, options: CallOptions = {}): Promise<Location> {
    const res = await this.client.request('GET', '/locations/{locationId}', {
      ...options,
      path: { locationId },
    });
    return res.location as Location;
  }

  /**
   * The tags defined in the Location (what the tag picker offers), not a contact's tags.
   *
   * @example const names = (await hl.locations.listTags(locationId)).map((t) => t.name);
   */
  async listTags(locationId: string, options: CallOptions = {}): Promise<LocationTag[]> {
    const res = await this.client.request('GET', '/locations/{locationId}/tags', {
      ...options,
      path: { locationId },
    });
    return res.tags ?? [];
  }

  /** @example const tag = await hl.locations.createTag(locationId, 'vip'); */
  async createTag(
    locationId: string,
    name: string,
    options: CallOptions = {},
  ): Promise<LocationTag> {
    const res = await this.client.request('POST', '/locations/{locationId}/tags', {
      ...options,
      path: { locationId },
      body: { name },
    });
    return res.tag as LocationTag;
  }
}
