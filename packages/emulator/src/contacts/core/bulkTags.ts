/**
 * `POST /contacts/bulk/tags/update/{type}` decided per contact: what a contact's tags become,
 * and how the answer reports each contact (contacts.json `UpdateTagsResponseDTO`, whose example
 * gives the messages). Tags come in already normalised (`normalizeTags`).
 */

export const BULK_TAG_TYPES = ['add', 'remove'] as const;
export type BulkTagType = (typeof BULK_TAG_TYPES)[number];

/** A HighLevel (Firestore) id: 20 letters and digits. */
const FIRESTORE_ID = /^[A-Za-z0-9]{20}$/;

export interface TagChange {
  tags: string[];
  tagsAdded: string[];
  tagsRemoved: string[];
}

/**
 * A contact's tags after the bulk change: `add` appends the tags it lacks; `remove` drops the
 * named ones, or every tag with `removeAll`.
 *
 * @example
 * tagChange(['vip'], ['vip', 'new'], 'add', false); // { tags: ['vip', 'new'], tagsAdded: ['new'], tagsRemoved: [] }
 */
export function tagChange(
  current: readonly string[],
  tags: readonly string[],
  type: BulkTagType,
  removeAll: boolean,
): TagChange {
  if (type === 'add') {
    const tagsAdded = tags.filter((t) => !current.includes(t));
    return { tags: [...current, ...tagsAdded], tagsAdded, tagsRemoved: [] };
  }
  const gone = (t: string) => removeAll || tags.includes(t);
  return {
    tags: current.filter((t) => !gone(t)),
    tagsAdded: [],
    tagsRemoved: current.filter(gone),
  };
}

/** Why one id of the request was not updated: the messages of the spec's example. */
export function contactError(
  contactId: string,
  found: { locationId: string } | undefined,
  locationId: string,
): string | null {
  if (!FIRESTORE_ID.test(contactId)) return 'contact id is not a valid firebase id';
  if (!found) return 'contact is deleted';
  if (found.locationId !== locationId) return 'contact does not belong to location';
  return null;
}
