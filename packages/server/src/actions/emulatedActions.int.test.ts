/**
 * Every action against the emulator: each one whose HighLevel operation the emulator implements,
 * run through `POST …/actions/:name` with a good input, changes HighLevel as it should (read back
 * through the emulator's control API); each one it does not implement yet answers a clear 404 in
 * words, never a 500.
 */
import { weekdayCalendar, type Control } from '@ghl-bridge/emulator';
import { beforeAll, expect, it } from 'vitest';
import { connectedWorkspace, type ConnectedWorkspace } from '../../test/bookings.js';
import { describeOnBackends, type TestServer } from '../../test/harness.js';
import { CATALOGUE } from '../catalogue/core/catalogue.js';
import { minimalInput } from './testing.js';

/** What a row's input and check can use: the connected Location and things in it. */
interface World {
  ws: ConnectedWorkspace;
  control: Control;
  calendarId: string;
  pipelineId: string;
  /** Creates what an action acts on, "by hand" in HighLevel. */
  make: {
    contact(extra?: Record<string, unknown>): Promise<string>;
    task(contactId: string): Promise<string>;
    note(contactId: string): Promise<string>;
    appointment(): Promise<{ id: string; contactId: string }>;
    blockSlot(): Promise<string>;
    appointmentNote(appointmentId: string): Promise<string>;
    opportunity(): Promise<string>;
  };
}

type State = ReturnType<Control['locationState']>;
type Input = Record<string, unknown>;

interface Row {
  /** The input, with whatever it names made first. */
  input(world: World): Input | Promise<Input>;
  /** HighLevel's state after the run (and the action's result), as it should be. */
  check(state: State, input: Input, result: Record<string, unknown>, world: World): void;
}

const A_MONDAY = '2030-03-04';
const at = (hour: number) => `${A_MONDAY}T${String(hour).padStart(2, '0')}:00:00-05:00`;
const byId = <T extends { id: string }>(items: T[], id: unknown) => items.find((i) => i.id === id);

const ROWS: Record<string, Row> = {
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

/**
 * The actions whose HighLevel operation the emulator does not implement yet (the next issue's
 * work); `create-location` is not among them: it needs an agency token, and is refused before
 * HighLevel is called.
 */
const NOT_EMULATED = [
  'bulk-update-contact-tags',
  'add-contact-to-campaign',
  'remove-from-campaign',
  'remove-from-all-campaigns',
  'create-calendar-group',
  'update-calendar-group',
  'update-group-status',
  'delete-calendar-group',
  'validate-group-slug',
  'create-calendar',
  'update-calendar',
  'delete-calendar',
  'create-calendar-notification',
  'update-notification',
  'delete-notification',
  'create-calendar-resource',
  'update-calendar-resource',
  'delete-calendar-resource',
  'add-followers',
  'remove-followers',
  'create-user',
  'update-user',
  'delete-user',
  'update-message-status',
  'agent-typing-indicator',
  'create-business',
  'update-business',
  'delete-business',
  'add-contact-to-workflow',
  'remove-from-workflow',
  'add-contact-followers',
  'remove-contact-followers',
  'bulk-business-update',
  'create-association',
  'update-association',
  'delete-association',
  'create-relation',
  'delete-relation',
  'create-blog-post',
  'update-blog-post',
];

async function world(server: TestServer): Promise<World> {
  const ws = await connectedWorkspace(server);
  const control = server.emulator.control;
  const owner = control.createUser(ws.locationId, { firstName: 'Olive', lastName: 'Owner' });
  const calendarId = control.createCalendar(ws.locationId, weekdayCalendar(owner.id)).id;
  const pipelineId = control.createPipeline(ws.locationId, { stages: ['New', 'Won'] }).id;
  const hl = <T>(method: string, path: string, body: unknown, params = {}) =>
    ws.hl.raw<T>(method, path, { path: params, body });
  let people = 0;
  const make: World['make'] = {
    async contact(extra = {}) {
      people += 1;
      const body = { locationId: ws.locationId, email: `person${people}@example.com`, ...extra };
      return (await hl<{ contact: { id: string } }>('POST', '/contacts/', body)).contact.id;
    },
    async task(contactId) {
      const body = { title: 'Call', dueDate: `${A_MONDAY}T15:00:00.000Z`, completed: false };
      const res = await hl<{ task: { id: string } }>('POST', '/contacts/{contactId}/tasks', body, {
        contactId,
      });
      return res.task.id;
    },
    async note(contactId) {
      const res = await hl<{ note: { id: string } }>(
        'POST',
        '/contacts/{contactId}/notes',
        { body: 'First note' },
        { contactId },
      );
      return res.note.id;
    },
    async appointment() {
      const contactId = await make.contact();
      people += 1;
      const hour = 8 + (people % 9);
      const body = {
        locationId: ws.locationId,
        calendarId,
        contactId,
        startTime: at(hour),
        ignoreFreeSlotValidation: true,
      };
      const res = await hl<{ id: string }>('POST', '/calendars/events/appointments', body);
      return { id: res.id, contactId };
    },
    async blockSlot() {
      const body = { locationId: ws.locationId, calendarId, startTime: at(16), endTime: at(17) };
      return (await hl<{ id: string }>('POST', '/calendars/events/block-slots', body)).id;
    },
    async appointmentNote(appointmentId) {
      const res = await hl<{ note: { id: string } }>(
        'POST',
        '/calendars/appointments/{appointmentId}/notes',
        { body: 'Remember the forms' },
        { appointmentId },
      );
      return res.note.id;
    },
    async opportunity() {
      const body = {
        locationId: ws.locationId,
        pipelineId,
        contactId: await make.contact(),
        name: 'Wedding package',
        status: 'open',
      };
      return (await hl<{ opportunity: { id: string } }>('POST', '/opportunities/', body))
        .opportunity.id;
    },
  };
  return { ws, control, calendarId, pipelineId, make };
}

describeOnBackends(
  'every action against the emulator',
  (server) => {
    let w: World;
    beforeAll(async () => {
      w = await world(server());
    });
    const run = async (name: string, input: Input) => {
      const res = await server().call('POST', `/v1/workspaces/${w.ws.id}/actions/${name}`, {
        json: input,
      });
      return { status: res.status, text: res.text, body: JSON.parse(res.text) as ActionAnswer };
    };

    it('has a row for every action, emulated or not', () => {
      const actions = CATALOGUE.filter((e) => e.kind === 'action').map((e) => e.name);
      expect([...Object.keys(ROWS), ...NOT_EMULATED, 'create-location'].sort()).toEqual(
        actions.sort(),
      );
    });

    it.each(Object.entries(ROWS))('%s changes HighLevel as it should', async (name, row) => {
      const input = await row.input(w);
      const res = await run(name, input);
      expect(res.status, res.text).toBe(200);
      expect(res.body.action).toBe(name);
      row.check(w.control.locationState(w.ws.locationId), input, res.body.result ?? {}, w);
    });

    it.each(NOT_EMULATED)('%s, not emulated yet, answers a 404 in words', async (name) => {
      const entry = CATALOGUE.find((e) => e.name === name)!;
      const res = await run(name, minimalInput(entry));
      expect(res.status, res.text).toBe(404);
      expect(res.body.error?.code).toBe('highlevel_not_found');
      const { method } = entry.operations[0]!;
      expect(res.body.error?.message).toMatch(
        new RegExp(
          `^HighLevel found nothing for ${name}: Not found \\(HighLevel 404 on ${method} `,
        ),
      );
    });
  },
  {
    worker: false,
    // About a hundred calls go to one Location in a few seconds: HighLevel's limits and the
    // bridge's budget would only make the suite wait.
    emulatorLimits: { burst: 1_000_000, intervalMs: 10_000 },
    rateLimitWindows: [{ limit: 1_000_000, intervalMs: 10_000 }],
  },
);

interface ActionAnswer {
  action?: string;
  result?: Record<string, unknown>;
  error?: { code: string; message: string };
}
