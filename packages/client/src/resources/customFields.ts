import type { CallOptions } from '../types.js';
import { Resource, type LocationSchemas, type WithOptional } from './resource.js';

export type CustomField = LocationSchemas['CustomFieldSchema'];
/** `position` defaults to 0 (`CreateCustomFieldsDTO` in `apps/locations.json`). */
export type CreateCustomFieldInput = WithOptional<
  LocationSchemas['CreateCustomFieldsDTO'],
  'position'
>;
/** The data type cannot be changed once the field exists (`UpdateCustomFieldsDTO` has none). */
export type UpdateCustomFieldInput = WithOptional<
  LocationSchemas['UpdateCustomFieldsDTO'],
  'position'
>;

/**
 * A Location's custom fields (`/locations/{locationId}/customFields` in `apps/locations.json`,
 * Version 2021-07-28). Contacts and opportunities carry their values as `{ id, value }`, so these
 * are what maps a field id to its `fieldKey` and name.
 */
export class CustomFields extends Resource {
  /**
   * The Location's custom fields; `model` narrows them to contact or opportunity fields.
   *
   * @example const contactFields = await hl.customFields.list(locationId, { model: 'contact' });
   */
  async list(
    locationId: string,
    params: { model?: 'contact' | 'opportunity' | 'all' } = {},
    options: CallOptions = {},
  ): Promise<CustomField[]> {
    const res = await this.client.request('GET', '/locations/{locationId}/customFields', {
      ...options,
      path: { locationId },
      query: params,
    });
    return res.customFields ?? [];
  }

  /**
   * One field, by id or by field key (`contact.pincode`) — HighLevel accepts either here.
   *
   * @example const pincode = await hl.customFields.get(locationId, 'contact.pincode');
   */
  async get(locationId: string, idOrKey: string, options: CallOptions = {}): Promise<CustomField> {
    const res = await this.client.request('GET', '/locations/{locationId}/customFields/{id}', {
      ...options,
      path: { locationId, id: idOrKey },
    });
    return res.customField as CustomField;
  }

  /** @example await hl.customFields.create(locationId, { name: 'Pincode', dataType: 'TEXT', model: 'contact' }); */
  async create(
    locationId: string,
    input: CreateCustomFieldInput,
    options: CallOptions = {},
  ): Promise<CustomField> {
    const res = await this.client.request('POST', '/locations/{locationId}/customFields', {
      ...options,
      path: { locationId },
      body: input,
    });
    return res.customField as CustomField;
  }

  /** @example await hl.customFields.update(locationId, fieldId, { name: 'Postal code' }); */
  async update(
    locationId: string,
    fieldId: string,
    input: UpdateCustomFieldInput,
    options: CallOptions = {},
  ): Promise<CustomField> {
    const res = await this.client.request('PUT', '/locations/{locationId}/customFields/{id}', {
      ...options,
      path: { locationId, id: fieldId },
      body: input,
    });
    return res.customField as CustomField;
  }

  /** @example await hl.customFields.delete(locationId, fieldId); */
  async delete(locationId: string, fieldId: string, options: CallOptions = {}): Promise<void> {
    await this.client.request('DELETE', '/locations/{locationId}/customFields/{id}', {
      ...options,
      path: { locationId, id: fieldId },
    });
  }
}
