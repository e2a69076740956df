/** Notes CRUD under `/contacts/{contactId}/notes` (contacts.json NotesDTO, UpdateNoteDTO). */
import { contactOf } from '../contacts/lookup.js';
import { dtoRules, validBody } from '../dto.js';
import { badRequest } from '../errors.js';
import { newId } from '../ids.js';
import { emit, nowIso, route, type RouteRequest } from '../runtime.js';
import type { NoteRecord } from '../contacts/core/model.js';

const createRules = dtoRules('contacts', 'NotesDTO');
const updateRules = dtoRules('contacts', 'UpdateNoteDTO');

export function noteView(note: NoteRecord) {
  const { locationId: _locationId, ...view } = note;
  return view;
}

function noteOf({ params, location, rt }: RouteRequest): NoteRecord {
  const contact = contactOf(rt, location, params.contactId!);
  const note = rt.state.notes[params.id!];
  if (!note || note.contactId !== contact.id)
    throw badRequest(`Note not found for id:${params.id}`);
  return note;
}

const event = (type: string, note: NoteRecord) => ({
  type,
  locationId: note.locationId,
  payload: noteView(note),
});

export const listNotesRoute = route(
  'GET',
  '/contacts/{contactId}/notes',
  ({ params, location, rt }) => {
    const contact = contactOf(rt, location, params.contactId!);
    const notes = Object.values(rt.state.notes)
      .filter((n) => n.contactId === contact.id)
      .sort((a, b) => b.dateAdded.localeCompare(a.dateAdded));
    return { status: 200, body: { notes: notes.map(noteView) } };
  },
);

export const createNoteRoute = route(
  'POST',
  '/contacts/{contactId}/notes',
  ({ params, body, location, rt }) => {
    const contact = contactOf(rt, location, params.contactId!);
    const input = validBody(createRules, body);
    const note: NoteRecord = {
      id: newId(),
      locationId: location.id,
      contactId: contact.id,
      body: input.body as string,
      dateAdded: nowIso(rt),
    };
    for (const key of ['userId', 'title', 'color', 'pinned'] as const) {
      if (input[key] !== undefined) (note as unknown as Record<string, unknown>)[key] = input[key];
    }
    rt.state.notes[note.id] = note;
    emit(rt, event('NoteCreate', note));
    return { status: 201, body: { note: noteView(note) } };
  },
);

export const getNoteRoute = route('GET', '/contacts/{contactId}/notes/{id}', (req) => ({
  status: 200,
  body: { note: noteView(noteOf(req)) },
}));

export const updateNoteRoute = route('PUT', '/contacts/{contactId}/notes/{id}', (req) => {
  const note = noteOf(req);
  const input = validBody(updateRules, req.body);
  Object.assign(note, input);
  req.rt.state.notes[note.id] = note;
  emit(req.rt, event('NoteUpdate', note));
  return { status: 200, body: { note: noteView(note) } };
});

export const deleteNoteRoute = route('DELETE', '/contacts/{contactId}/notes/{id}', (req) => {
  const note = noteOf(req);
  delete req.rt.state.notes[note.id];
  emit(req.rt, event('NoteDelete', note));
  return { status: 200, body: { succeded: true } };
});

export const contactNoteRoutes = [
  listNotesRoute,
  createNoteRoute,
  getNoteRoute,
  updateNoteRoute,
  deleteNoteRoute,
];
