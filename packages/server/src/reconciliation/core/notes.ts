/**
 * Notes, as far as the poll can see them. HighLevel lists notes only per contact
 * (`GET /contacts/{contactId}/notes`: https://marketplace.gohighlevel.com/docs/ghl/contacts/get-all-notes),
 * never for a whole Location, so the poll reads the notes of the contacts it finds changed; a
 * note added to a contact that did not change otherwise is seen only by its webhook.
 */
import { isNews, type Finding, type KnownStates, type RecordChange } from './known.js';
import { instant, noteState } from './recordState.js';

type Fields = Readonly<Record<string, unknown>>;

/** A note of a `GET /contacts/{contactId}/notes` answer. */
export interface ListedNote {
  id: string;
  contactId: string;
  addedAt: number | undefined;
}

/**
 * The notes of a `GET /contacts/{contactId}/notes` answer.
 *
 * @example notesOf({ notes: [{ id: 'n1', dateAdded: '2026-03-02T09:00:00.000Z' }] }, 'c1')
 * // [{ id: 'n1', contactId: 'c1', addedAt: 1772442000000 }]
 */
export function notesOf(body: unknown, contactId: string): ListedNote[] {
  const list = (body as { notes?: unknown } | null)?.notes;
  if (!Array.isArray(list)) return [];
  return (list as unknown[])
    .filter(
      (n): n is Fields =>
        typeof n === 'object' && n !== null && typeof (n as Fields).id === 'string',
    )
    .map((note) => ({ id: note.id as string, contactId, addedAt: instant(note.dateAdded) }));
}

/**
 * The notes added at or after `since` that the bridge has not told of: `note.created` each.
 *
 * @example noteFindings(notesOf(body, 'c1'), known, 'loc_1', since)
 */
export function noteFindings(
  notes: readonly ListedNote[],
  known: KnownStates,
  locationId: string,
  since: number,
): Finding[] {
  return notes
    .filter((note) => note.addedAt !== undefined && note.addedAt >= since)
    .map((note) => ({ note, state: noteState(note.id, 'created') }))
    .filter(({ state }) => isNews(state, known))
    .map(({ note, state }) => {
      const change: RecordChange = {
        kind: 'note',
        action: 'created',
        id: note.id,
        locationId,
        contactId: note.contactId,
      };
      return { state, change, tell: true };
    });
}
