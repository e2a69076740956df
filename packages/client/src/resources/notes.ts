import type { CallOptions } from '../types.js';
import { Resource, type ContactSchemas } from './resource.js';

export type Note = ContactSchemas['GetNoteSchema'];
export type CreateNoteInput = ContactSchemas['NotesDTO'];
export type UpdateNoteInput = ContactSchemas['UpdateNoteDTO'];

/** Notes on a contact (`/contacts/{contactId}/notes` in `apps/contacts.json`, Version 2021-07-28). */
export class Notes extends Resource {
  /** @example const notes = await hl.notes.list('ocQHyuzHvysMo5N5VsXc'); */
  async list(contactId: string, options: CallOptions = {}): Promise<Note[]> {
    const res = await this.client.request('GET', '/contacts/{contactId}/notes', {
      ...options,
      path: { contactId },
    });
    return res.notes ?? [];
  }

  /** @example const note = await hl.notes.get(contactId, noteId); */
  async get(contactId: string, noteId: string, options: CallOptions = {}): Promise<Note> {
    const res = await this.client.request('GET', '/contacts/{contactId}/notes/{id}', {
      ...options,
      path: { contactId, id: noteId },
    });
    return res.note as Note;
  }

  /** @example await hl.notes.create(contactId, { body: 'Called back, wants a quote', pinned: true }); */
  async create(
    contactId: string,
    input: CreateNoteInput,
    options: CallOptions = {},
  ): Promise<Note> {
    const res = await this.client.request('POST', '/contacts/{contactId}/notes', {
      ...options,
      path: { contactId },
      body: input,
    });
    return res.note as Note;
  }

  /** @example await hl.notes.update(contactId, noteId, { body: 'Quote sent' }); */
  async update(
    contactId: string,
    noteId: string,
    input: UpdateNoteInput,
    options: CallOptions = {},
  ): Promise<Note> {
    const res = await this.client.request('PUT', '/contacts/{contactId}/notes/{id}', {
      ...options,
      path: { contactId, id: noteId },
      body: input,
    });
    return res.note as Note;
  }

  /** @example await hl.notes.delete(contactId, noteId); */
  async delete(contactId: string, noteId: string, options: CallOptions = {}): Promise<void> {
    await this.client.request('DELETE', '/contacts/{contactId}/notes/{id}', {
      ...options,
      path: { contactId, id: noteId },
    });
  }
}
