/**
 * A workspace with one of everything a route can name, for the route fuzz: connected to an
 * emulated Location with a Mon–Fri 09:00–17:00 calendar, voice settings, a booking and its sync
 * job, a voice call, an appointment, a webhook endpoint and a delivery to it, an app contact with
 * a note and a task; and a second workspace, whose key must open nothing here.
 */
import { weekdayCalendar } from '@ghl-bridge/emulator';
import { expect } from 'vitest';
import { emitWebhookEvent } from '../src/webhooksOut/emit.js';
import type { TestServer } from './harness.js';
import { NY, VAPI_SECRET, weekdayAhead } from './voice.js';
import { waitFor } from './waitFor.js';

export interface FuzzWorld {
  id: string;
  apiKey: string;
  otherWorkspace: { id: string; apiKey: string };
  locationId: string;
  /** The Location's HighLevel key. */
  token: string;
  bookingId: string;
  voiceSettings: Record<string, unknown>;
  /** A Vapi message calling every tool once. */
  vapiMessage: Record<string, unknown>;
  /** A read-only MCP client's token, for the MCP endpoint. */
  mcpToken: string;
  /** A valid value for each path parameter of the document, by name. */
  valid: Record<string, string>;
}

/**
 * Builds the world through the API, as a user would, on `server`'s emulator.
 *
 * @example const world = await fuzzWorld(server()); // world.valid.bookingId === 'bk_fuzz'
 */
export async function fuzzWorld(server: TestServer): Promise<FuzzWorld> {
  const { emulator } = server;
  const { id, apiKey } = await server.createWorkspace('Fuzzed Spa', ['bookings', 'voice']);
  const otherWorkspace = await server.createWorkspace('Other Spa');
  const { locationId, token } = emulator.control.createLocation({ name: 'Fuzz', timezone: NY });
  const owner = emulator.control.createUser(locationId, { firstName: 'Olive', lastName: 'Owner' });
  const calendar = emulator.control.createCalendar(locationId, weekdayCalendar(owner.id));
  const ws = `/v1/workspaces/${id}`;
  const ok = async (method: string, path: string, json: unknown, status: number, headers = {}) => {
    const res = await server.call(method, `${ws}${path}`, { json, headers });
    expect(res.status, `${method} ${path}: ${res.text}`).toBe(status);
    return JSON.parse(res.text) as Record<string, unknown>;
  };

  await ok('PUT', '/integrations/gohighlevel', { apiKey: token, locationId }, 200);
  const voiceSettings = {
    calendarId: calendar.id,
    timezone: NY,
    defaultCountry: 'US',
    rules: { minLeadMinutes: 0, blackoutDates: ['2026-12-25'], slotMinutes: 30 },
    slotsToOffer: 3,
    auth: { type: 'bearer', secret: VAPI_SECRET },
  };
  await ok('PUT', '/voice', voiceSettings, 200);

  const bookingId = 'bk_fuzz';
  const booking = await ok(
    'POST',
    '/bookings',
    {
      id: bookingId,
      version: 1,
      status: 'confirmed',
      startsAt: '2026-12-01T15:00:00-05:00',
      endsAt: '2026-12-01T16:00:00-05:00',
      timezone: NY,
      service: { name: 'Massage' },
      customer: { email: 'ada@example.com' },
    },
    202,
  );
  const jobId = (booking.jobs as string[])[0]!;
  const appointment = await ok(
    'POST',
    '/appointments',
    { startTime: `${weekdayAhead(3)}T10:00:00`, name: 'Ada Lovelace', phone: '+14155550100' },
    201,
    { 'idempotency-key': 'fuzz-world' },
  );
  const appointmentId = appointment.appointmentId as string;

  // A webhook endpoint (on a public address: the fuzzed server does not allow private ones) and
  // one delivery to it, which stays pending: the fuzzed server runs no workers.
  const endpoint = await ok(
    'POST',
    '/webhook-endpoints',
    { url: 'https://93.184.215.14/webhooks', events: ['connection.needs_attention'] },
    201,
  );
  const endpointId = endpoint.id as string;
  // A trigger subscription delivering to it; its first poll reads the Location's pipelines.
  const trigger = await ok(
    'POST',
    '/triggers',
    { trigger: 'list-pipelines', endpointId, intervalMinutes: 15 },
    201,
  );
  // The app's contact with a note and a task (their jobs stay queued: no workers run).
  await ok('PUT', '/contacts/cust_fuzz', { version: 1, email: 'ada@example.com' }, 202);
  await ok('PUT', '/contacts/cust_fuzz/notes/note_fuzz', { version: 1, body: 'Hello' }, 202);
  await ok(
    'PUT',
    '/contacts/cust_fuzz/tasks/task_fuzz',
    { version: 1, title: 'Call back', dueDate: '2026-03-02T09:00:00Z' },
    202,
  );
  const { db } = server.runtime.database;
  await emitWebhookEvent(db, server.runtime.queue, id, {
    type: 'connection.needs_attention',
    data: { workspaceId: id, locationId, status: 'needs_attention', lastError: 'fuzz' },
  });
  const delivery = await db
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('endpoint_id', '=', endpointId)
    .executeTakeFirstOrThrow();

  const date = weekdayAhead(2);
  const tools = [
    tool('tc_check', 'check_availability', JSON.stringify({ date, timezone: NY })),
    tool('tc_book', 'book_appointment', {
      startTime: `${date}T13:00:00`,
      name: 'Grace Hopper',
      email: 'grace@example.com',
    }),
    tool('tc_find', 'find_appointments', { phone: '+14155550100' }),
    tool('tc_move', 'reschedule_appointment', { appointmentId, startTime: `${date}T15:00` }),
    tool('tc_cancel', 'cancel_appointment', { appointmentId }),
  ];
  const vapiMessage = {
    message: {
      type: 'tool-calls',
      call: { id: 'call_fuzz', customer: { number: '+14155550100' } },
      toolCallList: tools,
    },
  };
  const checkOnly = { message: { ...vapiMessage.message, toolCallList: [tools[0]] } };
  const vapi = await server.call('POST', `${ws}/voice/vapi`, {
    json: checkOnly,
    token: VAPI_SECRET,
  });
  expect(vapi.status, vapi.text).toBe(200);
  // The call is recorded after Vapi has its answer.
  await waitFor(
    async () => (await server.call('GET', `${ws}/voice/calls/call_fuzz`)).status === 200,
    {
      what: 'the voice call to be recorded',
    },
  );

  const mcp = await server.call('POST', `${ws}/mcp/clients`, { json: { name: 'Fuzz agent' } });
  expect(mcp.status, mcp.text).toBe(201);
  const { id: clientId, token: mcpToken } = mcp.body as { id: string; token: string };

  return {
    id,
    apiKey,
    otherWorkspace,
    mcpToken,
    locationId,
    token,
    bookingId,
    voiceSettings,
    vapiMessage,
    valid: {
      ws: id,
      bookingId,
      id: jobId,
      callId: 'call_fuzz',
      appointmentId,
      endpointId,
      deliveryId: delivery.id,
      triggerId: trigger.id as string,
      // The action `POST …/actions/{name}` runs: a read, so fuzzing it changes nothing.
      name: 'find-contact',
      externalId: 'cust_fuzz',
      noteId: 'note_fuzz',
      taskId: 'task_fuzz',
      clientId,
    },
  };
}

function tool(id: string, name: string, args: unknown) {
  return { id, type: 'function', function: { name, arguments: args } };
}
