/**
 * Businesses as the emulator stores them: the companies a Location's contacts work for
 * (spec/highlevel/apps/businesses.json `BusinessDto`). A contact names its business by
 * `businessId` (contacts.json `POST /contacts/bulk/business`).
 */

/** The text fields `CreateBusinessDto` and `UpdateBusinessDto` take beside the name. */
export const BUSINESS_DETAILS = [
  'phone',
  'email',
  'website',
  'address',
  'city',
  'state',
  'postalCode',
  'country',
  'description',
] as const;

export type BusinessDetail = (typeof BUSINESS_DETAILS)[number];

export type BusinessRecord = {
  id: string;
  locationId: string;
  name: string;
  createdAt: string;
  updatedAt: string;
} & Partial<Record<BusinessDetail, string>>;
