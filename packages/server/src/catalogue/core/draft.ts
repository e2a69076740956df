/**
 * Shorthands the category files write their entries with, so each entry reads as one line: the
 * listed name and description, the HighLevel operation, and for a trigger how it spots news.
 */
import type { ChangeMarker, EntryDraft, OperationRef, Paging, TriggerDetection } from './entry.js';

type OperationText = `${OperationRef['method']} /${string}`;

/** Extras an entry may carry: what a user should know, or why HighLevel cannot do it. */
export interface EntryExtras {
  note?: string;
  unsupported?: string;
}

/**
 * The stable machine name of a listed name: lower case, words joined by `-`.
 *
 * @example machineName('Get Contact Task by ID') // 'get-contact-task-by-id'
 * @example machineName('List Contacts (Deprecated)') // 'list-contacts-deprecated'
 */
export function machineName(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function operationOf(text: OperationText | null): OperationRef | null {
  if (text === null) return null;
  const [method, path] = text.split(' ') as [OperationRef['method'], string];
  return { method, path };
}

/**
 * A polling trigger.
 *
 * @example
 * trigger('Get Contact', 'Retrieve a specific contact by ID', 'GET /contacts/{contactId}',
 *   one('contact', 'id', changed('dateUpdated')));
 */
export function trigger(
  title: string,
  description: string,
  operation: OperationText | null,
  detect: TriggerDetection,
  extras: EntryExtras = {},
): EntryDraft {
  const kind = 'trigger';
  return {
    name: machineName(title),
    title,
    description,
    kind,
    ...extras,
    operation: operationOf(operation),
    detect,
  };
}

/**
 * An action.
 *
 * @example action('Delete Contact', 'Remove a contact permanently', 'DELETE /contacts/{contactId}')
 */
export function action(
  title: string,
  description: string,
  operation: OperationText | null,
  extras: EntryExtras = {},
): EntryDraft {
  return {
    name: machineName(title),
    title,
    description,
    kind: 'action',
    ...extras,
    operation: operationOf(operation),
  };
}

/**
 * Items in an array at `list`.
 *
 * @example many('contacts', 'id', changed('dateUpdated'))
 */
export function many(
  list: string,
  id: string | null,
  changeMarker: ChangeMarker,
  paging?: Paging,
): TriggerDetection {
  return { list, holds: 'many', id, changeMarker, ...(paging ? { paging } : {}) };
}

/**
 * Pages read by number, from 1.
 *
 * @example byPage('page', 'pageLimit', 100) // { by: 'page', field: 'page', sizeField: 'pageLimit', size: 100 }
 */
export function byPage(field: string, sizeField: string, size: number): Paging {
  return { by: 'page', field, sizeField, size };
}

/**
 * Pages read by items skipped, from 0.
 *
 * @example byOffset('skip', 'limit', 100) // { by: 'offset', field: 'skip', sizeField: 'limit', size: 100 }
 */
export function byOffset(field: string, sizeField: string, size: number): Paging {
  return { by: 'offset', field, sizeField, size };
}

/**
 * The one item at `list` (`''`: the answer itself) that a "get" trigger watches.
 *
 * @example one('contact', 'id', changed('dateUpdated'))
 */
export function one(list: string, id: string | null, changeMarker: ChangeMarker): TriggerDetection {
  return { list, holds: 'one', id, changeMarker };
}

/**
 * The item changed when this field's value differs from the last poll.
 *
 * @example changed('dateUpdated') // { field: 'dateUpdated' }
 */
export function changed(field: string): ChangeMarker {
  return { field };
}
