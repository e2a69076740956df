/**
 * Notes on an appointment under `/calendars/appointments/{appointmentId}/notes` (calendars.json
 * `NotesDTO`, `GetNoteSchema`): paged list, create (201), update, delete (`{ success: true }`).
 */
import { appointmentOf } from '../calendars/lookup.js';
import { requiredQuery } from '../calendars/requiredQuery.js';
import { appointmentNoteView } from '../calendars/views.js';
import { dtoRules, validBody } from '../dto.js';
import { badRequest, unprocessable } from '../errors.js';
import { newId } from '../ids.js';
import { nowIso, route, type RouteRequest, type Runtime } from '../runtime.js';
import type { AppointmentNoteRecord } from '../calendars/core/model.js';

const noteRules = dtoRules('calendars', 'NotesDTO');
/** [spec] `NotesDTO.body.maxLength`, `get-appointment-notes` `limit.maximum`. */
const MAX_BODY = 5000;
const MAX_LIMIT = 20;

function validNote(body: unknown): { body: string; userId?: string } {
  const input = validBody(noteRules, body);
  const text = input.body as string;
  if (text.length > MAX_BODY) {
    throw unprocessable([`body must be shorter than or equal to ${MAX_BODY} characters`]);
  }
  return { body: text, ...(typeof input.userId === 'string' ? { userId: input.userId } : {}) };
}

const view = (rt: Runtime, note: AppointmentNoteRecord) =>
  appointmentNoteView(note, note.userId ? rt.state.users[note.userId] : undefined);

function noteOf({ params, location, rt }: RouteRequest): AppointmentNoteRecord {
  const appointment = appointmentOf(rt, location, params.appointmentId!);
  const note = rt.state.appointmentNotes[params.noteId!];
  if (note?.appointmentId !== appointment.id) {
    throw badRequest(`Note not found for id:${params.noteId}`);
  }
  return note;
}

/** Newest first; `hasMore` when notes remain after this page. */
export const listAppointmentNotesRoute = route(
  'GET',
  '/calendars/appointments/{appointmentId}/notes',
  ({ params, query, location, rt }) => {
    const { limit, offset } = requiredQuery(query, { numbers: ['limit', 'offset'] });
    const problems = [
      ...(limit > MAX_LIMIT ? [`limit must not be greater than ${MAX_LIMIT}`] : []),
      ...(limit < 1 ? ['limit must not be less than 1'] : []),
      ...(offset < 0 ? ['offset must not be less than 0'] : []),
    ];
    if (problems.length > 0) throw unprocessable(problems);
    const appointment = appointmentOf(rt, location, params.appointmentId!);
    // Reversed before the (stable) sort, so notes written at the same instant are newest first too.
    const notes = Object.values(rt.state.appointmentNotes)
      .filter((n) => n.appointmentId === appointment.id)
      .reverse()
      .sort((a, b) => b.dateAdded.localeCompare(a.dateAdded));
    const page = notes.slice(offset, offset + limit);
    return {
      status: 200,
      body: { notes: page.map((n) => view(rt, n)), hasMore: offset + limit < notes.length },
    };
  },
);

export const createAppointmentNoteRoute = route(
  'POST',
  '/calendars/appointments/{appointmentId}/notes',
  ({ params, body, location, rt }) => {
    const appointment = appointmentOf(rt, location, params.appointmentId!);
    const note: AppointmentNoteRecord = {
      id: newId(),
      locationId: location.id,
      appointmentId: appointment.id,
      contactId: appointment.contactId,
      ...validNote(body),
      dateAdded: nowIso(rt),
    };
    rt.state.appointmentNotes[note.id] = note;
    return { status: 201, body: { note: view(rt, note) } };
  },
);

export const updateAppointmentNoteRoute = route(
  'PUT',
  '/calendars/appointments/{appointmentId}/notes/{noteId}',
  (req) => {
    const note = noteOf(req);
    Object.assign(note, validNote(req.body));
    return { status: 200, body: { note: view(req.rt, note) } };
  },
);

export const deleteAppointmentNoteRoute = route(
  'DELETE',
  '/calendars/appointments/{appointmentId}/notes/{noteId}',
  (req) => {
    const note = noteOf(req);
    delete req.rt.state.appointmentNotes[note.id];
    return { status: 200, body: { success: true } };
  },
);

export const appointmentNoteRoutes = [
  listAppointmentNotesRoute,
  createAppointmentNoteRoute,
  updateAppointmentNoteRoute,
  deleteAppointmentNoteRoute,
];
