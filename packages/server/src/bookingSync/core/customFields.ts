/**
 * The contact custom fields ghl-bridge keeps its booking stats in, how they are found or created
 * in a Location, and the values written to them.
 *
 * Each field has a stable key (`contact.bookings_total_bookings`) that does not depend on the
 * configurable name prefix. On create, ghl-bridge sends that key as `fieldKey` (undocumented but
 * accepted by HighLevel: docs/highlevel-behaviour.md#custom-fields) so the key survives any prefix;
 * without it HighLevel derives the key from the name (`Bookings – Total Bookings` ->
 * `contact.bookings_total_bookings`, the same with the default prefix).
 */
import type { CreateCustomFieldInput, CustomField } from '@ghl-bridge/client';
import { monetoryFieldValue } from './money.js';
import type { CustomerStats } from './stats.js';

export const DEFAULT_FIELD_PREFIX = 'Bookings –';

export type BookingFieldDataType = 'NUMERICAL' | 'MONETORY' | 'DATE' | 'TEXT';

export type BookingStat =
  | 'totalBookings'
  | 'totalCancellations'
  | 'totalRevenue'
  | 'latestBookingDate'
  | 'latestBookingService'
  | 'latestBookingPaymentStatus'
  | 'latestBookingStatus'
  | 'latestBookingId'
  | 'firstBookingDate';

export interface CustomFieldDefinition {
  stat: BookingStat;
  /** Stable field key, `contact.<snake_case>`; what cached ids are keyed by. */
  key: string;
  /** Name shown in HighLevel: prefix + label. */
  name: string;
  dataType: BookingFieldDataType;
}

/** Definition key -> HighLevel custom field id. */
export type FieldIds = Readonly<Record<string, string>>;

const FIELDS: ReadonlyArray<{ stat: BookingStat; label: string; dataType: BookingFieldDataType }> =
  [
    { stat: 'totalBookings', label: 'Total Bookings', dataType: 'NUMERICAL' },
    { stat: 'totalCancellations', label: 'Total Cancellations', dataType: 'NUMERICAL' },
    { stat: 'totalRevenue', label: 'Total Revenue', dataType: 'MONETORY' },
    { stat: 'latestBookingDate', label: 'Latest Booking Date', dataType: 'DATE' },
    { stat: 'latestBookingService', label: 'Latest Booking Service', dataType: 'TEXT' },
    { stat: 'latestBookingPaymentStatus', label: 'Latest Payment Status', dataType: 'TEXT' },
    { stat: 'latestBookingStatus', label: 'Latest Booking Status', dataType: 'TEXT' },
    { stat: 'latestBookingId', label: 'Latest Booking ID', dataType: 'TEXT' },
    { stat: 'firstBookingDate', label: 'First Booking Date', dataType: 'DATE' },
  ];

/**
 * A name as HighLevel turns it into a key: lower-case, runs of anything else become `_`
 * (docs/highlevel-behaviour.md#custom-fields).
 *
 * @example keyFromName('Bookings – Total Bookings'); // 'bookings_total_bookings'
 */
export function keyFromName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/**
 * The fields ghl-bridge provisions, named with `prefix`.
 *
 * @example bookingFieldDefinitions({ prefix: 'Salon –' })[0]
 * // { stat: 'totalBookings', key: 'contact.bookings_total_bookings', name: 'Salon – Total Bookings', dataType: 'NUMERICAL' }
 */
export function bookingFieldDefinitions(
  options: { prefix?: string } = {},
): CustomFieldDefinition[] {
  const prefix = (options.prefix ?? DEFAULT_FIELD_PREFIX).trim();
  return FIELDS.map(({ stat, label, dataType }) => ({
    stat,
    key: `contact.${keyFromName(`${DEFAULT_FIELD_PREFIX} ${label}`)}`,
    name: prefix === '' ? label : `${prefix} ${label}`,
    dataType,
  }));
}

/** Types whose values are written the same way, so an existing field of either fits. */
const COMPATIBLE: Record<BookingFieldDataType, readonly string[]> = {
  NUMERICAL: ['NUMERICAL', 'MONETORY'],
  MONETORY: ['MONETORY', 'NUMERICAL'],
  DATE: ['DATE'],
  TEXT: ['TEXT', 'LARGE_TEXT'],
};

export interface FieldProvisioningPlan {
  /** Ids known after adopting existing fields; created ones are added as they are made. */
  fieldIds: Record<string, string>;
  adopt: Array<{ key: string; id: string; name: string }>;
  /** `input` is the body of `POST /locations/{locationId}/customFields`. */
  create: Array<{ key: string; input: CreateCustomFieldInput & { fieldKey: string } }>;
  /** Fields that hold our key with a type our values do not fit; see `message`. */
  conflicts: Array<{ key: string; fieldId: string; message: string }>;
}

/**
 * Which definitions to adopt from the Location's existing contact fields and which to create —
 * never a second field for the same stat. A definition adopts, in order:
 * 1. the field whose `fieldKey` is the definition's key (ours, or one made by hand with that key);
 * 2. else a field whose name reads the same once keyed (`Bookings - Total Bookings` by hand, or
 *    ours when HighLevel ignored `fieldKey` and had to suffix a clash, e.g. `…_1`).
 * A candidate must have a compatible dataType. A key match that does not is a conflict: HighLevel
 * cannot change a field's type nor create a second field with that key, so it is reported for a
 * person to fix instead of being created or written.
 *
 * @example
 * const plan = planFieldProvisioning(bookingFieldDefinitions(), await hl.customFields.list(loc, { model: 'contact' }));
 */
export function planFieldProvisioning(
  definitions: readonly CustomFieldDefinition[],
  existing: readonly CustomField[],
): FieldProvisioningPlan {
  const candidates = existing.filter((field) => field.id && field.model !== 'opportunity');
  const fits = (definition: CustomFieldDefinition, field: CustomField) =>
    COMPATIBLE[definition.dataType].includes(field.dataType ?? '');
  const plan: FieldProvisioningPlan = { fieldIds: {}, adopt: [], create: [], conflicts: [] };
  const taken = new Set<string>();
  const adopt = (definition: CustomFieldDefinition, field: CustomField) => {
    taken.add(field.id!);
    plan.fieldIds[definition.key] = field.id!;
    plan.adopt.push({ key: definition.key, id: field.id!, name: field.name ?? definition.name });
  };

  // Keys first: a key names one field for sure, a name only probably.
  const unmatched: CustomFieldDefinition[] = [];
  for (const definition of definitions) {
    const byKey = candidates.find((field) => field.fieldKey === definition.key);
    if (!byKey) unmatched.push(definition);
    else if (fits(definition, byKey)) adopt(definition, byKey);
    else {
      taken.add(byKey.id!);
      plan.conflicts.push({
        key: definition.key,
        fieldId: byKey.id!,
        message:
          `The HighLevel custom field "${byKey.name}" (${definition.key}) is ${byKey.dataType}, ` +
          `but ghl-bridge writes ${definition.dataType} there. Delete it or re-create it as ` +
          `${definition.dataType} in Settings → Custom Fields, then retry the sync.`,
      });
    }
  }

  for (const definition of unmatched) {
    const byName = candidates.find(
      (field) =>
        !taken.has(field.id!) &&
        keyFromName(field.name ?? '') === keyFromName(definition.name) &&
        fits(definition, field),
    );
    if (byName) {
      adopt(definition, byName);
      continue;
    }
    plan.create.push({
      key: definition.key,
      input: {
        name: definition.name,
        dataType: definition.dataType,
        model: 'contact',
        // The bare form, as HighLevel takes it (`"fieldKey": "test_field_custom"`):
        // docs/highlevel-behaviour.md#custom-fields.
        fieldKey: definition.key.replace(/^contact\./, ''),
      },
    });
  }
  return plan;
}

/** One item of a contact write's `customFields`: docs/highlevel-behaviour.md#custom-field-values. */
export interface CustomFieldWrite {
  id: string;
  field_value: string | number;
}

/**
 * The `customFields` array for a contact create/update/upsert: one item per field with a known
 * id, typed for its dataType (numbers for NUMERICAL/MONETORY, `YYYY-MM-DD` for DATE in the
 * booking's own timezone, strings for TEXT). An empty string clears a value that no longer
 * applies (e.g. no payment status on the latest booking). Fields without an id are skipped: the
 * sync plan provisions them first, so only a reported conflict is ever left out.
 *
 * @example
 * await hl.contacts.update(contactId, { customFields: customFieldValues(stats, fieldIds) });
 */
export function customFieldValues(
  stats: CustomerStats,
  fieldIds: FieldIds,
  definitions: readonly CustomFieldDefinition[] = bookingFieldDefinitions(),
): CustomFieldWrite[] {
  return definitions.flatMap((definition) => {
    const id = fieldIds[definition.key];
    return id ? [{ id, field_value: statValue(stats, definition.stat) }] : [];
  });
}

function statValue(stats: CustomerStats, stat: BookingStat): string | number {
  const latest = stats.latestBooking;
  switch (stat) {
    case 'totalBookings':
      return stats.totalBookings;
    case 'totalCancellations':
      return stats.totalCancellations;
    case 'totalRevenue':
      return monetoryFieldValue(stats.totalRevenue);
    case 'latestBookingDate':
      return latest?.date ?? '';
    case 'latestBookingService':
      return latest?.serviceName ?? '';
    case 'latestBookingPaymentStatus':
      return latest?.paymentStatus ?? '';
    case 'latestBookingStatus':
      return latest?.status ?? '';
    case 'latestBookingId':
      return latest?.id ?? '';
    case 'firstBookingDate':
      return stats.firstBookingDate ?? '';
  }
}
