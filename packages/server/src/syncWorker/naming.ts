/** The names the booking sync writes into HighLevel, from the configuration. */
import { bookingFieldDefinitions, type CustomFieldDefinition } from '../sync/customFields.js';
import { DEFAULT_TAG_NAMES, type TagNames } from '../sync/tags.js';

export interface SyncNaming {
  fieldDefinitions: CustomFieldDefinition[];
  tagNames: TagNames;
}

/**
 * @example syncNaming({ fieldPrefix: 'Salon –', tagPrefix: 'gb/' }).tagNames.repeatClient // "gb/repeat-client"
 */
export function syncNaming(options: { fieldPrefix?: string; tagPrefix?: string } = {}): SyncNaming {
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
  };
}
