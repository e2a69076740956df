/**
 * Rows for the actions whose HighLevel operations the emulator has implemented from the start:
 * contacts, their tasks and notes, appointments, blocked slots, appointment notes,
 * opportunities and the Location.
 */
import { expect } from 'vitest';
import { A_MONDAY, at, byId, type ActionRow } from './world.js';

export const coreActionRows: Record<string, ActionRow> = {
  'create-contact': {
    input: () => ({ firstName: 'Ada', email: 'ada.create@example.com', tags: ['new'] }),
    check: (state, _, result) => {
      const id = (result.contact as { id: string }).id;
      expect(byId(state.contacts, id)).toMatchObject({
        email: 'ada.create@example.com',
        tags: ['new'],
      });
    },
  },
  'update-contact': {
    input: async ({ make }) => ({ contactId: await make.contact(), lastName: 'Byron' }),
    check: (state, input) => expect(byId(state.contacts, input.contactId)?.lastName).toBe('Byron'),
  },
  'find-contact': {
    input: async ({ make }) => {
      await make.contact({ email: 'findme@example.com' });
      return { email: 'findme@example.com' };
    },
    check: (state, _, result) => {
      const found = result.contact as { id: string };
      expect(byId(state.contacts, found.id)?.email).toBe('findme@example.com');
    },
  },
  'delete-contact': {
    input: async ({ make }) => ({ contactId: await make.contact() }),
    check: (state, input) => expect(byId(state.contacts, input.contactId)).toBeUndefined(),
  },
  'upsert-contact': {
    input: async ({ make }) => {
      await make.contact({ email: 'upsert@example.com', firstName: 'Old' });
      return { email: 'upsert@example.com', firstName: 'New' };
    },
    check: (state) => {
      const matching = state.contacts.filter((c) => c.email === 'upsert@example.com');
      expect(matching).toMatchObject([{ firstName: 'New' }]);
    },
  },
  'add-tags-to-contact': {
    input: async ({ make }) => ({ contactId: await make.contact(), tags: ['vip'] }),
    check: (state, input) => expect(byId(state.contacts, input.contactId)?.tags).toContain('vip'),
  },
  'remove-tags-from-contact': {
    input: async ({ make }) => ({
      contactId: await make.contact({ tags: ['vip', 'lapsed'] }),
      tags: ['lapsed'],
    }),
    check: (state, input) => expect(byId(state.contacts, input.contactId)?.tags).toEqual(['vip']),
  },
  'create-contact-task': {
    input: async ({ make }) => ({
      contactId: await make.contact(),
      title: 'Call about the deposit',
      dueDate: `${A_MONDAY}T15:00:00.000Z`,
      completed: false,
    }),
    check: (state, input) =>
      expect(state.tasks.filter((t) => t.contactId === input.contactId)).toMatchObject([
        { title: 'Call about the deposit', completed: false },
      ]),
  },
  'update-contact-task': {
    input: async ({ make }) => {
      const contactId = await make.contact();
      return { contactId, taskId: await make.task(contactId), title: 'Call back on Friday' };
    },
    check: (state, input) =>
      expect(byId(state.tasks, input.taskId)?.title).toBe('Call back on Friday'),
  },
  'complete-contact-task': {
    input: async ({ make }) => {
      const contactId = await make.contact();
      return { contactId, taskId: await make.task(contactId), completed: true };
    },
    check: (state, input) => expect(byId(state.tasks, input.taskId)?.completed).toBe(true),
  },
  'delete-contact-task': {
    input: async ({ make }) => {
      const contactId = await make.contact();
      return { contactId, taskId: await make.task(contactId) };
    },
    check: (state, input) => expect(byId(state.tasks, input.taskId)).toBeUndefined(),
  },
  'create-contact-note': {
    input: async ({ make }) => ({ contactId: await make.contact(), body: 'Prefers mornings' }),
    check: (state, input) =>
      expect(state.notes.filter((n) => n.contactId === input.contactId)).toMatchObject([
        { body: 'Prefers mornings' },
      ]),
  },
  'update-contact-note': {
    input: async ({ make }) => {
      const contactId = await make.contact();
      return { contactId, id: await make.note(contactId), body: 'Prefers evenings' };
    },
    check: (state, input) => expect(byId(state.notes, input.id)?.body).toBe('Prefers evenings'),
  },
  'delete-contact-note': {
    input: async ({ make }) => {
      const contactId = await make.contact();
      return { contactId, id: await make.note(contactId) };
    },
    check: (state, input) => expect(byId(state.notes, input.id)).toBeUndefined(),
  },
  'create-appointment': {
    input: async ({ make, calendarId }) => ({
      calendarId,
      contactId: await make.contact(),
      startTime: at(9),
      endTime: at(10),
      title: 'Consultation with Ada',
      ignoreFreeSlotValidation: true,
    }),
    check: (state, input, result) =>
      expect(byId(state.appointments, result.id)).toMatchObject({
        contactId: input.contactId,
        title: 'Consultation with Ada',
        startTime: Date.parse(at(9)),
      }),
  },
  'update-appointment': {
    input: async ({ make }) => ({ eventId: (await make.appointment()).id, title: 'Moved' }),
    check: (state, input) => expect(byId(state.appointments, input.eventId)?.title).toBe('Moved'),
  },
  'delete-event': {
    input: async ({ make }) => ({ eventId: (await make.appointment()).id }),
    check: (state, input) => expect(byId(state.appointments, input.eventId)).toBeUndefined(),
  },
  'create-block-slot': {
    input: ({ calendarId }) => ({
      calendarId,
      title: 'Lunch',
      startTime: at(12),
      endTime: at(13),
    }),
    check: (state, _, result) =>
      expect(byId(state.blockedSlots, result.id)).toMatchObject({ title: 'Lunch' }),
  },
  'update-block-slot': {
    input: async ({ make, calendarId }) => ({
      eventId: await make.blockSlot(),
      calendarId,
      title: 'Long lunch',
    }),
    check: (state, input) =>
      expect(byId(state.blockedSlots, input.eventId)?.title).toBe('Long lunch'),
  },
  'create-appointment-note': {
    input: async ({ make }) => ({
      appointmentId: (await make.appointment()).id,
      body: 'Bring the forms',
    }),
    check: (state, input) =>
      expect(
        state.appointmentNotes.filter((n) => n.appointmentId === input.appointmentId),
      ).toMatchObject([{ body: 'Bring the forms' }]),
  },
  'update-appointment-note': {
    input: async ({ make }) => {
      const { id } = await make.appointment();
      return { appointmentId: id, noteId: await make.appointmentNote(id), body: 'Forms sent' };
    },
    check: (state, input) =>
      expect(byId(state.appointmentNotes, input.noteId)?.body).toBe('Forms sent'),
  },
  'delete-appointment-note': {
    input: async ({ make }) => {
      const { id } = await make.appointment();
      return { appointmentId: id, noteId: await make.appointmentNote(id) };
    },
    check: (state, input) => expect(byId(state.appointmentNotes, input.noteId)).toBeUndefined(),
  },
  'create-opportunity': {
    input: async ({ make, pipelineId }) => ({
      pipelineId,
      contactId: await make.contact(),
      name: 'Wedding package',
      status: 'open',
    }),
    check: (state, input) =>
      expect(state.opportunities.filter((o) => o.contactId === input.contactId)).toMatchObject([
        { name: 'Wedding package', status: 'open', pipelineId: input.pipelineId },
      ]),
  },
  'update-opportunity': {
    input: async ({ make }) => ({ id: await make.opportunity(), name: 'Wedding package (gold)' }),
    check: (state, input) =>
      expect(byId(state.opportunities, input.id)?.name).toBe('Wedding package (gold)'),
  },
  'delete-opportunity': {
    input: async ({ make }) => ({ id: await make.opportunity() }),
    check: (state, input) => expect(byId(state.opportunities, input.id)).toBeUndefined(),
  },
  'update-opportunity-status': {
    input: async ({ make }) => ({ id: await make.opportunity(), status: 'won' }),
    check: (state, input) => expect(byId(state.opportunities, input.id)?.status).toBe('won'),
  },
  'upsert-opportunity': {
    input: async ({ make, pipelineId }) => ({
      id: await make.opportunity(),
      pipelineId,
      name: 'Upserted',
      followers: [],
      isRemoveAllFollowers: false,
      followersActionType: 'add',
    }),
    check: (state, input) => expect(byId(state.opportunities, input.id)?.name).toBe('Upserted'),
  },
  'find-location-by-id': {
    input: () => ({}),
    check: (state, _, result) =>
      expect(result.location).toMatchObject({ id: state.location!.id, name: state.location!.name }),
  },
};
