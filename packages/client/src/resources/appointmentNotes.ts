import type { CallOptions, ResponseOf } from '../types.js';
import { paginate } from './paginate.js';
import { Resource, type CalendarSchemas } from './resource.js';

export type AppointmentNote = CalendarSchemas['GetNoteSchema'];
export type AppointmentNoteInput = CalendarSchemas['NotesDTO'];

export interface AppointmentNotesPage {
  notes: AppointmentNote[];
  hasMore: boolean;
}

/** HighLevel's maximum `limit` for appointment notes (`get-appointment-notes`). */
const MAX_NOTES_PER_PAGE = 20;

const NOTE_PATH = '/calendars/appointments/{appointmentId}/notes/{noteId}';

/** Notes on an appointment (`apps/calendars.json`, Version 2021-04-15). */
export class AppointmentNotes extends Resource {
  /**
   * One page of notes: `limit` at most 20 (the default), from `offset` (default 0).
   *
   * @example const { notes, hasMore } = await hl.appointmentNotes.list(appointmentId);
   */
  async list(
    appointmentId: string,
    page: { limit?: number; offset?: number } = {},
    options: CallOptions = {},
  ): Promise<AppointmentNotesPage> {
    const res = await this.client.request('GET', '/calendars/appointments/{appointmentId}/notes', {
      ...options,
      path: { appointmentId },
      query: { limit: page.limit ?? MAX_NOTES_PER_PAGE, offset: page.offset ?? 0 },
    });
    return { notes: res.notes ?? [], hasMore: res.hasMore === true };
  }

  /**
   * Every note of the appointment, page after page.
   *
   * @example for await (const note of hl.appointmentNotes.listAll(appointmentId)) console.log(note.body);
   */
  listAll(appointmentId: string, options: CallOptions = {}): AsyncGenerator<AppointmentNote> {
    return paginate(
      (offset: number | undefined) => this.list(appointmentId, { offset }, options),
      (page, offset = 0) => ({
        items: page.notes,
        next: page.hasMore ? offset + page.notes.length : undefined,
      }),
    );
  }

  /** @example await hl.appointmentNotes.create(appointmentId, { body: 'Asked for a window seat' }); */
  async create(
    appointmentId: string,
    input: AppointmentNoteInput,
    options: CallOptions = {},
  ): Promise<AppointmentNote> {
    const res = await this.client.request('POST', '/calendars/appointments/{appointmentId}/notes', {
      ...options,
      path: { appointmentId },
      body: input,
    });
    return res.note as AppointmentNote;
  }

  // `raw` for update and delete: the spec declares only `appointmentId` as a path parameter of
  // `…/notes/{noteId}`, so the typed `request` has no way to fill `{noteId}`.

  /** @example await hl.appointmentNotes.update(appointmentId, noteId, { body: 'Window seat, confirmed' }); */
  async update(
    appointmentId: string,
    noteId: string,
    input: AppointmentNoteInput,
    options: CallOptions = {},
  ): Promise<AppointmentNote> {
    const res = await this.client.raw<ResponseOf<'PUT', typeof NOTE_PATH>>('PUT', NOTE_PATH, {
      ...options,
      path: { appointmentId, noteId },
      body: input,
    });
    return res.note as AppointmentNote;
  }

  /** @example await hl.appointmentNotes.delete(appointmentId, noteId); */
  async delete(appointmentId: string, noteId: string, options: CallOptions = {}): Promise<void> {
    await this.client.raw('DELETE', NOTE_PATH, { ...options, path: { appointmentId, noteId } });
  }
}
