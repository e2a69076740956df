/**
 * The names the booking sync writes into HighLevel: the server's defaults (configuration), and a
 * workspace's own prefixes where it set them.
 */
import { z } from 'zod';
import { bookingFieldDefinitions, type CustomFieldDefinition } from './customFields.js';
import { DEFAULT_TAG_NAMES, type TagNames } from './tags.js';

/** The custom fields' name prefix ("Bookings –"): HighLevel shows it before every label. */
export const FieldPrefixSchema = z.string().trim().max(60);
/** Put before every tag (`gb/` -> `gb/booking:confirmed`). */
export const TagPrefixSchema = z
  .string()
  .trim()
  .max(40)
  .regex(/^[^,]*$/, 'expected no commas (HighLevel splits tags on them)');

export interface NamingPrefixes {
  fieldPrefix?: string;
  tagPrefix?: string;
}

export interface SyncNaming {
  fieldDefinitions: CustomFieldDefinition[];
  tagNames: TagNames;
  /** What the names were made from, so a workspace can override one and keep the other. */
  prefixes: NamingPrefixes;
}

/**
 * @example syncNaming({ fieldPrefix: 'Salon –', tagPrefix: 'gb/' }).tagNames.repeatClient // "gb/repeat-client"
 */
export function syncNaming(options: NamingPrefixes = {}): SyncNaming {
  const prefix = options.tagPrefix ?? '';
  return {
    fieldDefinitions: bookingFieldDefinitions(
      options.fieldPrefix === undefined ? {} : { prefix: options.fieldPrefix },
    ),
    tagNames: {
      bookingStatusPrefix: prefix + DEFAULT_TAG_NAMES.bookingStatusPrefix,
      servicePrefix: prefix + DEFAULT_TAG_NAMES.servicePrefix,
      paymentPrefix: prefix + DEFAULT_TAG_NAMES.paymentPrefix,
      repeatClient: prefix + DEFAULT_TAG_NAMES.repeatClient,
    },
    prefixes: { ...options },
  };
}

/**
 * The names from a workspace's own prefixes (null: not set) over `defaults`.
 *
 * @example namingFor({ fieldPrefix: null, tagPrefix: 'gb/' }, syncNaming(config)).tagNames.repeatClient // "gb/repeat-client"
 */
export function namingFor(
  own: { fieldPrefix: string | null; tagPrefix: string | null },
  defaults: SyncNaming = syncNaming(),
): SyncNaming {
  if (own.fieldPrefix === null && own.tagPrefix === null) return defaults;
  const fieldPrefix = own.fieldPrefix ?? defaults.prefixes.fieldPrefix;
  const tagPrefix = own.tagPrefix ?? defaults.prefixes.tagPrefix;
  return syncNaming({
    ...(fieldPrefix === undefined ? {} : { fieldPrefix }),
    ...(tagPrefix === undefined ? {} : { tagPrefix }),
  });
}
