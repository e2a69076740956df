import { HighLevel, privateIntegrationToken } from '@ghl-bridge/client';
import { emulatorFetch } from '@ghl-bridge/emulator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnBackends, type TestServer } from '../../../test/harness.js';
import {
  NY,
  VAPI_SECRET,
  toolCall,
  vapi,
  voiceWorkspace,
  weekdayAhead,
  type Voice,
} from '../../../test/voice.js';
import { waitFor } from '../../../test/waitFor.js';
import { startWebhookReceiver, type WebhookReceiver } from '../../../test/webhookReceiver.js';

const PUBLIC_URL = 'https://bridge.example.com';
const CALLER = '+14155550100';

interface Handoff {
  destination?: Record<string, string> | null;
  afterFailures?: number;
}

interface Alerted {
  voice: Voice;
  alertUserId: string;
  /** The `voice.handoff` events the workspace's endpoint received, parsed. */
  events(): { type: string; data: Record<string, unknown> }[];
  tasks(): { id: string; contactId: string; title: string; body?: string; assignedTo?: string }[];
  auditUrl(callId: string): string;
}

describeOnBackends(
  'voice handoff to a person',
  (server) => {
    let receiver: WebhookReceiver;
    beforeAll(async () => {
      receiver = await startWebhookReceiver();
    });
    afterAll(async () => {
      await receiver.close();
    });

    /** A voice workspace with the handoff settings, an alert user, and an endpoint for the events. */
    async function alerted(handoff: Handoff): Promise<Alerted> {
      const voice = await voiceWorkspace(server());
      const { control } = server().emulator;
      const alex = control.createUser(voice.locationId, { firstName: 'Alex', lastName: 'Alert' });
      const put = await server().call('PUT', `/v1/workspaces/${voice.ws}/voice`, {
        json: {
          calendarId: voice.calendarId,
          timezone: NY,
          rules: { minLeadMinutes: 0 },
          auth: { type: 'bearer', secret: VAPI_SECRET },
          handoff: { ...handoff, alertUserId: alex.id },
        },
      });
      expect(put.status, put.text).toBe(200);
      const path = `/${voice.ws}`;
      const endpoint = await server().call('POST', `/v1/workspaces/${voice.ws}/webhook-endpoints`, {
        json: { url: `${receiver.url}${path}`, events: ['voice.handoff'] },
      });
      expect(endpoint.status, endpoint.text).toBe(201);
      return {
        voice,
        alertUserId: alex.id,
        events: () =>
          receiver
            .at(path)
            .map((request) => JSON.parse(request.body) as ReturnType<Alerted['events']>[number]),
        tasks: () => control.locationState(voice.locationId).tasks,
        auditUrl: (callId) => `${PUBLIC_URL}/v1/workspaces/${voice.ws}/voice/calls/${callId}`,
      };
    }

    function highLevel(voice: Voice) {
      const { emulator } = server();
      const { token } = emulator.control.createToken(voice.locationId);
      return new HighLevel({
        auth: privateIntegrationToken(token, { locationId: voice.locationId }),
        baseUrl: 'http://ghl.test',
        fetch: emulatorFetch(emulator),
      });
    }

    async function transferRequest(voice: Voice, callId: string) {
      const res = await server().call('POST', `/v1/workspaces/${voice.ws}/voice/vapi`, {
        json: {
          message: {
            type: 'transfer-destination-request',
            call: { id: callId, customer: { number: CALLER } },
          },
        },
        token: VAPI_SECRET,
      });
      expect(res.status).toBe(200);
      return JSON.parse(res.text) as Record<string, unknown>;
    }

    const noNewAlert = (s: TestServer, times: number) =>
      waitFor(
        () =>
          s.logs.filter(
            (line) => line.msg === 'voice handoff: this call already handed off; no new alert',
          ).length >= times,
        { what: 'the repeated handoffs to be settled' },
      );

    it('puts a caller who asks through, tells the app once and gives the alert user a task', async () => {
      const world = await alerted({ destination: { type: 'number', number: '+14155550199' } });
      const { voice } = world;
      const known = await highLevel(voice).contacts.create({
        locationId: voice.locationId,
        firstName: 'Ada',
        phone: CALLER,
      });
      const callId = 'call_asks_for_a_person';
      const asked = await vapi(
        server(),
        voice,
        [toolCall('transfer_to_human', { reason: 'a question about a refund' })],
        { callId, callerNumber: '(415) 555-0100' },
      );
      expect(asked.results[0]).toHaveProperty('result');
      expect(asked.parsed[0]).toMatchObject({
        status: 'transfer',
        reason: 'caller_asked',
        transfer: true,
        message: 'Let me put you through to someone from the team.',
      });

      const [event] = await waitFor(() => world.events().length > 0 && world.events(), {
        what: 'the voice.handoff event',
      });
      expect(event).toEqual({
        type: 'voice.handoff',
        timestamp: expect.any(String) as unknown,
        data: {
          workspaceId: voice.ws,
          callId,
          reason: 'caller_asked',
          detail: 'a question about a refund',
          transferred: true,
          callerNumber: CALLER,
          contactId: known.id,
          auditUrl: world.auditUrl(callId),
        },
      });
      const [task] = await waitFor(() => world.tasks().length > 0 && world.tasks(), {
        what: 'the alert task',
      });
      expect(task).toMatchObject({
        contactId: known.id,
        title: 'Voice call: the caller asked for a person',
        assignedTo: world.alertUserId,
        completed: false,
      });
      expect(task!.body).toContain(world.auditUrl(callId));
      expect(task!.body).toContain(CALLER);
      // The link works: the call's audit trail has the request and its answer.
      const audit = await server().call('GET', `/v1/workspaces/${voice.ws}/voice/calls/${callId}`);
      expect(audit.status).toBe(200);

      // Asked again in the same call, then Vapi's transferCall: the same answers, no new alert.
      const again = await vapi(server(), voice, [toolCall('transfer_to_human', {})], {
        callId,
        callerNumber: CALLER,
      });
      expect(again.parsed[0]).toMatchObject({ status: 'transfer', transfer: true });
      expect(await transferRequest(voice, callId)).toEqual({
        destination: {
          type: 'number',
          number: '+14155550199',
          message: 'Let me put you through to someone from the team.',
        },
      });
      await noNewAlert(server(), 2);
      await waitFor(async () => {
        const trail = await server().call(
          'GET',
          `/v1/workspaces/${voice.ws}/voice/calls/${callId}`,
        );
        return (trail.text.match(/"status":"transfer"/g) ?? []).length === 3;
      });
      expect(world.events()).toHaveLength(1);
      expect(world.tasks()).toHaveLength(1);
    });

    it('answers transfer-destination-request with the SIP destination, or an error when none is set', async () => {
      const sip = await alerted({
        destination: { type: 'sip', sipUri: 'sip:desk@pbx.example.com' },
      });
      expect(await transferRequest(sip.voice, 'call_sip')).toEqual({
        destination: {
          type: 'sip',
          sipUri: 'sip:desk@pbx.example.com',
          message: 'Let me put you through to someone from the team.',
        },
      });

      const nowhere = await alerted({ destination: null });
      expect(await transferRequest(nowhere.voice, 'call_nowhere')).toEqual({
        error: 'No transfer destination is set for this workspace',
      });
      // Not put through: the team is told all the same, and the new caller gets a contact.
      const [event] = await waitFor(() => nowhere.events().length > 0 && nowhere.events(), {
        what: 'the voice.handoff event',
      });
      expect(event!.data).toMatchObject({
        callId: 'call_nowhere',
        reason: 'caller_asked',
        transferred: false,
        callerNumber: CALLER,
      });
      const [task] = await waitFor(() => nowhere.tasks().length > 0 && nowhere.tasks(), {
        what: 'the alert task',
      });
      expect(task!.contactId).toBe(event!.data.contactId);
      expect(task!.body).toContain('call the caller back');
      const contacts = server().emulator.control.locationState(nowhere.voice.locationId).contacts;
      expect(contacts.map((contact) => [contact.id, contact.phone])).toEqual([
        [task!.contactId, CALLER],
      ]);
    });

    it('hands a booking HighLevel may or may not have made to a person, on the booking’s contact', async () => {
      const world = await alerted({});
      const { voice } = world;
      const { parsed } = await vapi(server(), voice, [
        toolCall('check_availability', { date: weekdayAhead(5) }),
      ]);
      const slot = parsed[0]!.slots![0]!;
      const { control } = server().emulator;
      // The create is applied but its answer lost, and the lookup that would confirm it fails.
      control.addFault({
        match: {
          method: 'POST',
          path: '/calendars/events/appointments',
          locationId: voice.locationId,
        },
        commitThenFail: 'drop',
        count: 1,
      });
      control.addFault({
        match: { method: 'GET', path: '/calendars/events', locationId: voice.locationId },
        status: 503,
      });
      try {
        const booked = await vapi(server(), voice, [
          toolCall('book_appointment', {
            slotId: slot.id,
            name: 'Grace Hopper',
            email: 'grace@example.com',
          }),
        ]);
        expect(booked.parsed[0]).toMatchObject({
          status: 'transfer',
          reason: 'unconfirmed',
          transfer: false,
          message: 'I will ask someone from the team to call you back shortly.',
        });
      } finally {
        control.clearFaults();
      }
      const [appointment] = control.locationState(voice.locationId).appointments;
      const [event] = await waitFor(() => world.events().length > 0 && world.events(), {
        what: 'the voice.handoff event',
      });
      expect(event!.data).toMatchObject({
        reason: 'unconfirmed',
        detail: 'book_appointment for Grace Hopper',
        contactId: appointment!.contactId,
      });
      const [task] = await waitFor(() => world.tasks().length > 0 && world.tasks(), {
        what: 'the alert task',
      });
      expect(task).toMatchObject({
        contactId: appointment!.contactId,
        title: 'Voice call: check a booking that could not be confirmed',
      });
    }, 30_000);

    it('hands the caller to a person at the second failed answer of a call', async () => {
      const world = await alerted({ destination: { type: 'number', number: '+14155550199' } });
      const { voice } = world;
      const callId = 'call_that_keeps_failing';
      const first = await vapi(server(), voice, [toolCall('order_pizza', {})], { callId });
      expect(first.parsed[0]).toMatchObject({ status: 'error', code: 'unknown_tool' });
      await waitFor(async () => {
        const trail = await server().call(
          'GET',
          `/v1/workspaces/${voice.ws}/voice/calls/${callId}`,
        );
        return trail.status === 200;
      });
      const second = await vapi(server(), voice, [toolCall('order_pizza', {})], { callId });
      expect(second.results[0]).toHaveProperty('result');
      expect(second.parsed[0]).toMatchObject({
        status: 'transfer',
        reason: 'repeated_failures',
        transfer: true,
      });
      const [event] = await waitFor(() => world.events().length > 0 && world.events(), {
        what: 'the voice.handoff event',
      });
      expect(event!.data).toMatchObject({
        callId,
        reason: 'repeated_failures',
        detail: '2 failed answers in the call; the last: order_pizza (unknown_tool)',
        // Vapi sent no number: nobody to put a task on, and the event says so.
        callerNumber: null,
        contactId: null,
      });

      // Within one message too: the second failure is the transfer.
      const both = await vapi(server(), voice, [
        toolCall('order_pizza', {}),
        toolCall('order_sushi', {}),
      ]);
      expect(both.parsed.map((answer) => answer.status)).toEqual(['error', 'transfer']);
    });

    it('finds a task whose create answer was lost instead of making a second one', async () => {
      const world = await alerted({});
      const { voice } = world;
      server().emulator.control.addFault({
        match: {
          method: 'POST',
          path: '/contacts/{contactId}/tasks',
          locationId: voice.locationId,
        },
        commitThenFail: 'status',
        status: 500,
        count: 1,
      });
      const { parsed } = await vapi(server(), voice, [toolCall('transfer_to_human', {})], {
        callId: 'call_lost_task',
        callerNumber: CALLER,
      });
      expect(parsed[0]).toMatchObject({ status: 'transfer', transfer: false });
      await waitFor(() => world.events().length > 0, { what: 'the voice.handoff event' });
      await waitFor(
        () =>
          server().logs.some(
            (line) =>
              line.msg === 'voice handoff alert failed; queued' && line.callId === 'call_lost_task',
          ),
        { what: 'the alert to be queued' },
      );
      // The job raises the alert again: the task is looked up (it exists), never created twice.
      const handoff = await waitFor(
        async () => {
          const row = await server()
            .runtime.database.db.selectFrom('voice_handoffs')
            .selectAll()
            .where('workspace_id', '=', voice.ws)
            .executeTakeFirst();
          return row?.task_id ? row : undefined;
        },
        { what: 'the job to settle the task' },
      );
      expect(world.tasks().map((task) => task.id)).toEqual([handoff.task_id]);
      const requests = server().emulator.control.requests({ locationId: voice.locationId });
      const taskCalls = requests.filter((request) =>
        /\/contacts\/[^/]+\/tasks$/.test(request.path),
      );
      expect(taskCalls.map((request) => request.method)).toEqual(['POST', 'GET']);
      expect(world.events()).toHaveLength(1);
    }, 30_000);
  },
  { env: { GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: 'true', GHL_BRIDGE_PUBLIC_URL: PUBLIC_URL } },
);
