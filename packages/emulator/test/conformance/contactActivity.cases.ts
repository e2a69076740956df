/** A contact's notes, tasks and appointments (contacts.json). */
import {
  operationCase,
  unknownId,
  unknownProperty,
  withoutField,
  type ConformanceCase,
} from './cases.js';
import type { OperationKey } from './context.js';
import { newAppointment, newContact, newNote, newTask } from './fixtures.js';

const byContact = (_ctx: unknown, { contactId }: { contactId: string }) => ({
  params: { contactId },
});

export const contactActivityCases: Record<OperationKey, ConformanceCase> = {
  'GET /contacts/{contactId}/notes': operationCase({
    prepare: newNote,
    request: byContact,
    errors: [unknownId('contactId', 'Contact')],
  }),
  'POST /contacts/{contactId}/notes': operationCase({
    prepare: newContact,
    request: (_ctx, { contactId }) => ({
      params: { contactId },
      body: { body: 'Allergic to lavender oil', pinned: true },
    }),
    errors: [unknownId('contactId', 'Contact'), withoutField('body'), unknownProperty],
  }),
  'GET /contacts/{contactId}/notes/{id}': operationCase({
    prepare: newNote,
    request: (_ctx, params) => ({ params }),
    errors: [unknownId('id', 'Note'), unknownId('contactId', 'Contact')],
  }),
  'PUT /contacts/{contactId}/notes/{id}': operationCase({
    prepare: newNote,
    request: (_ctx, params) => ({ params, body: { body: 'Prefers afternoons now' } }),
    errors: [unknownId('id', 'Note'), unknownProperty],
  }),
  'DELETE /contacts/{contactId}/notes/{id}': operationCase({
    prepare: newNote,
    request: (_ctx, params) => ({ params }),
    errors: [unknownId('id', 'Note')],
  }),
  'GET /contacts/{contactId}/tasks': operationCase({
    prepare: newTask,
    request: byContact,
    errors: [unknownId('contactId', 'Contact')],
  }),
  'POST /contacts/{contactId}/tasks': operationCase({
    prepare: newContact,
    request: (_ctx, { contactId }) => ({
      params: { contactId },
      body: { title: 'Confirm booking', dueDate: '2026-03-04T14:00:00Z', completed: false },
    }),
    errors: [unknownId('contactId', 'Contact'), withoutField('title'), unknownProperty],
  }),
  'GET /contacts/{contactId}/tasks/{taskId}': operationCase({
    prepare: newTask,
    request: (_ctx, params) => ({ params }),
    errors: [unknownId('taskId', 'Task'), unknownId('contactId', 'Contact')],
  }),
  'PUT /contacts/{contactId}/tasks/{taskId}': operationCase({
    prepare: newTask,
    request: (_ctx, params) => ({ params, body: { title: 'Call back after 5pm' } }),
    errors: [unknownId('taskId', 'Task'), unknownProperty],
  }),
  'PUT /contacts/{contactId}/tasks/{taskId}/completed': operationCase({
    prepare: newTask,
    request: (_ctx, params) => ({ params, body: { completed: true } }),
    errors: [unknownId('taskId', 'Task'), withoutField('completed'), unknownProperty],
  }),
  'DELETE /contacts/{contactId}/tasks/{taskId}': operationCase({
    prepare: newTask,
    request: (_ctx, params) => ({ params }),
    errors: [unknownId('taskId', 'Task')],
  }),
  'GET /contacts/{contactId}/appointments': operationCase({
    prepare: newAppointment,
    request: byContact,
    errors: [unknownId('contactId', 'Contact')],
  }),
};
