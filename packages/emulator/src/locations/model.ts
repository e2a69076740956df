/**
 * Locations (sub-accounts) as the emulator stores them, with what hangs off a Location rather
 * than off one contact: the agency (Company) it belongs to, its users, the tokens that reach it,
 * its custom fields and its tags (spec/highlevel/apps/locations.json, users.json).
 */
import type { DuplicateField } from '../contacts/core/model.js';

export interface LocationRecord {
  id: string;
  companyId: string;
  name: string;
  timezone: string;
  /** ISO 3166 alpha-2, used to read national phone numbers (`US` reads `(415) 555-0100`). */
  country: string;
  /** When false (HighLevel's default) a create matching an existing contact is refused. */
  allowDuplicateContact: boolean;
  /** The order in which email and phone are matched by upsert and duplicate search. */
  duplicatePriority: DuplicateField[];
  dateAdded: string;
}

/** An agency: the `companyId` its Locations carry. */
export interface CompanyRecord {
  id: string;
  name: string;
  dateAdded: string;
}

export interface TokenRecord {
  token: string;
  /** `pit` (private integration) or `oauth` (a marketplace app's Location token). */
  kind: 'pit' | 'oauth';
  locationId: string;
  companyId: string;
  /** The app the token belongs to: rate limits are per app per Location. */
  appId: string;
  scopes: string[];
  /** Epoch ms after which the token is refused with 401 Invalid JWT; null = never. */
  expiresAt: number | null;
}

export interface UserRecord {
  id: string;
  locationId: string;
  companyId: string;
  name: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  role: 'admin' | 'user';
}

export interface CustomFieldRecord {
  id: string;
  locationId: string;
  name: string;
  fieldKey: string;
  dataType: string;
  placeholder: string;
  position: number;
  model: 'contact' | 'opportunity';
  picklistOptions: string[];
  acceptedFormat?: string[];
  isMultiFileAllowed?: boolean;
  maxFileLimit?: number;
  textBoxListOptions?: { label?: string; prefillValue?: string }[];
  parentId?: string;
  description?: string;
  dateAdded: string;
}

export interface LocationTagRecord {
  id: string;
  locationId: string;
  name: string;
}
