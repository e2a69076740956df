/** Notes on an appointment (calendars.json `NotesDTO`, `GetNoteSchema`). */
import {
  operationCase,
  unknownId,
  unknownProperty,
  withoutField,
  withQuery,
  type ConformanceCase,
} from './cases.js';
import type { OperationKey } from './context.js';
import { newAppointment, newAppointmentNote } from './fixtures.js';

const ofAppointment = async (...args: Parameters<typeof newAppointment>) => ({
  appointmentId: (await newAppointment(...args)).eventId,
});

export const appointmentNoteCases: Record<OperationKey, ConformanceCase> = {
  'GET /calendars/appointments/{appointmentId}/notes': operationCase({
    prepare: newAppointmentNote,
    request: (_ctx, { appointmentId }) => ({
      params: { appointmentId },
      query: { limit: '10', offset: '0' },
    }),
    errors: [
      unknownId('appointmentId', 'Event'),
      withQuery('limit', '21', 422, 'limit must not be greater than 20'),
    ],
  }),
  'POST /calendars/appointments/{appointmentId}/notes': operationCase({
    prepare: ofAppointment,
    request: (ctx, params) => ({
      params,
      body: { body: 'Bring previous X-rays', userId: ctx.userId },
    }),
    errors: [unknownId('appointmentId', 'Event'), withoutField('body'), unknownProperty],
  }),
  'PUT /calendars/appointments/{appointmentId}/notes/{noteId}': operationCase({
    prepare: newAppointmentNote,
    request: (_ctx, params) => ({ params, body: { body: 'X-rays received' } }),
    errors: [unknownId('noteId', 'Note'), withoutField('body'), unknownProperty],
  }),
  'DELETE /calendars/appointments/{appointmentId}/notes/{noteId}': operationCase({
    prepare: newAppointmentNote,
    request: (_ctx, params) => ({ params }),
    errors: [unknownId('noteId', 'Note'), unknownId('appointmentId', 'Event')],
  }),
};
