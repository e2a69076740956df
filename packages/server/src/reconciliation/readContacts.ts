/**
 * The contacts part of a run: the contacts updated since the cursor (`POST /contacts/search`,
 * oldest first), a little before it too (`CONTACT_OVERLAP_MS`). A changed contact the bridge has
 * not told of is told; the notes of each contact past the cursor are read, the only way to find
 * notes HighLevel offers. The cursor moves past a contact once its notes are read, so a run
 * stopped anywhere is taken up where it stopped.
 */
import { HighLevelError } from '@ghl-bridge/client';
import {
  CONTACT_OVERLAP_MS,
  CONTACTS_PER_PAGE,
  contactFinding,
  contactsOf,
  contactSearch,
  isPastCursor,
  type ContactCursor,
  type FoundContact,
} from './core/contacts.js';
import { noteFindings, notesOf } from './core/notes.js';
import { notesSince, RECHECK_MS } from './core/since.js';
import { contactCursorOf, saveProgress } from './checkpointStore.js';
import { read, tellFindings, type Run } from './run.js';
import { knownStates } from './seenChangeStore.js';

async function readNotes(run: Run, contact: FoundContact): Promise<void> {
  let body: unknown;
  try {
    body = await read(run, 'GET', '/contacts/{contactId}/notes', {
      path: { contactId: contact.id },
    });
  } catch (error) {
    // Deleted since the search found it: no notes to read.
    if (error instanceof HighLevelError && error.code === 'not_found') return;
    throw error;
  }
  const notes = notesOf(body, contact.id);
  run.summary.read.notes += notes.length;
  const known = await knownStates(
    run.db,
    run.locationId,
    'note',
    notes.map((note) => note.id),
  );
  const since = notesSince(run.connectedAt, run.startedAt.getTime());
  await tellFindings(run, noteFindings(notes, known, run.locationId, since));
}

/**
 * Reads and tells the contact and note changes of the run's Location.
 *
 * @example await readContacts(run);
 */
export async function readContacts(run: Run): Promise<void> {
  const { locationId } = run;
  const cursor: ContactCursor = contactCursorOf(run.checkpoint) ?? {
    at: run.connectedAt - RECHECK_MS,
    id: '',
  };
  const from = cursor.at - CONTACT_OVERLAP_MS;
  let taken = cursor;
  try {
    let searchAfter: unknown[] | undefined;
    for (;;) {
      const body = contactSearch(locationId, from, searchAfter);
      const page = contactsOf(await read(run, 'POST', '/contacts/search', { body }));
      run.summary.read.contacts += page.length;
      const ids = page.map((contact) => contact.id);
      const known = await knownStates(run.db, locationId, 'contact', ids);
      for (const contact of page) {
        const finding = contactFinding(contact, known, locationId, from);
        if (finding) await tellFindings(run, [finding]);
        if (!isPastCursor(contact, taken)) continue;
        await readNotes(run, contact);
        taken = { at: contact.updatedAt, id: contact.id };
      }
      searchAfter = page.at(-1)?.searchAfter;
      if (page.length < CONTACTS_PER_PAGE || !searchAfter) break;
    }
    run.summary.complete.contacts = true;
  } finally {
    if (taken !== cursor)
      await saveProgress(run.db, locationId, { part: 'contacts', cursor: taken });
  }
}
