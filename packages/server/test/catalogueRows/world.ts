/**
 * The Location the catalogue's rows act on: a workspace connected to an emulated Location with a
 * user, a calendar and a pipeline, and a way to make what a row acts on "by hand" in HighLevel.
 * Each domain's rows (`*Actions.ts`, `*Triggers.ts`) build their inputs from it.
 */
import { HighLevel, privateIntegrationToken } from '@ghl-bridge/client';
import { emulatorFetch, weekdayCalendar, type Control } from '@ghl-bridge/emulator';
import { connectedWorkspace, type ConnectedWorkspace } from '../bookings.js';
import type { TestServer } from '../harness.js';

/** What a row's input and check can use: the connected Location and things in it. */
export interface World {
  ws: ConnectedWorkspace;
  control: Control;
  calendarId: string;
  pipelineId: string;
  /** The id of the Location's user the calendar belongs to. */
  userId: string;
  /** Calls HighLevel as the workspace's connection, bypassing the bridge's actions. */
  hl: <T>(
    method: string,
    path: string,
    body?: unknown,
    params?: Record<string, string>,
  ) => Promise<T>;
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

export type State = ReturnType<Control['locationState']>;
export type Input = Record<string, unknown>;

export interface ActionRow {
  /** The input, with whatever it names made first. */
  input(world: World): Input | Promise<Input>;
  /** HighLevel's state after the run (and the action's result), as it should be. */
  check(state: State, input: Input, result: Record<string, unknown>, world: World): void;
}

export const A_MONDAY = '2030-03-04';
export const at = (hour: number) => `${A_MONDAY}T${String(hour).padStart(2, '0')}:00:00-05:00`;
export const byId = <T extends { id: string }>(items: T[], id: unknown) =>
  items.find((i) => i.id === id);

/**
 * A trigger's row: its parameters, and how staff make its answer hold something new (a new item
 * in a list, or a change to the one item a "get" trigger watches).
 */
export interface TriggerRow {
  input(world: World): Input | Promise<Input>;
  change(world: World, input: Input): Promise<void>;
}

export async function catalogueWorld(server: TestServer): Promise<World> {
  const ws = await connectedWorkspace(server);
  const control = server.emulator.control;
  const owner = control.createUser(ws.locationId, { firstName: 'Olive', lastName: 'Owner' });
  const calendarId = control.createCalendar(ws.locationId, weekdayCalendar(owner.id)).id;
  const pipelineId = control.createPipeline(ws.locationId, { stages: ['New', 'Won'] }).id;
  // Staff's own requests. The suites of this world lift the emulator's rate limit, and the
  // bridge's, so that the catalogue's rows run back to back: this client would otherwise pause
  // them for 10 s at each 100 requests.
  const staff = new HighLevel({
    auth: privateIntegrationToken(ws.token, { locationId: ws.locationId }),
    baseUrl: 'http://ghl.test',
    fetch: emulatorFetch(server.emulator),
    rateLimit: false,
  });
  const hl: World['hl'] = (method, path, body, params = {}) =>
    staff.raw(method, path, { path: params, body });
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
  return { ws, control, calendarId, pipelineId, userId: owner.id, hl, make };
}
