import { expect, it } from 'vitest';
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
import { startWebhookReceiver } from '../../../test/webhookReceiver.js';
import { openVoiceContext, type VoiceDeps } from '../context.js';
import { loadVoiceSetup } from '../settingsStore.js';
import { answerToolCalls } from '../vapi/toolCalls.js';
import { runAfterChange } from './afterChange.js';
import { voiceConfirmationsHandler, type VoiceConfirmationJob } from './confirmationJob.js';
import { cancellationNote } from './core/appointmentHistory.js';

/** "with Olive Owner" when the answer named who the appointment is with, as the SMS does. */
const withProvider = (answer: object) => {
  const { provider } = answer as { provider?: { name: string } };
  return provider ? ` with ${provider.name}` : '';
};

interface Confirmation {
  id: string;
  appointmentId: string;
  contactId: string;
  change: string;
  kind: string;
  channel: string;
  status: string;
  attempts: number;
  lastError: string | null;
  subject: string | null;
  body: string;
  messageId: string | null;
  sendAfter: string | null;
  sentAt: string | null;
}

function voiceDeps(server: TestServer): VoiceDeps {
  const { runtime } = server;
  return {
    database: runtime.database,
    keyring: runtime.secrets.keyring,
    highLevel: runtime.highLevel,
    queue: runtime.queue,
    logger: runtime.logger,
  };
}

async function openContext(server: TestServer, voice: Voice) {
  const { runtime } = server;
  const setup = await loadVoiceSetup(runtime.database.db, runtime.secrets.keyring, voice.ws);
  return openVoiceContext(voiceDeps(server), runtime.logger, voice.ws, setup!)!;
}

/** A voice workspace whose voice settings confirm changes as `confirmations` says. */
async function confirmingWorkspace(server: TestServer, confirmations: Record<string, unknown>) {
  const voice = await voiceWorkspace(server);
  await setConfirmations(server, voice, confirmations);
  return voice;
}

async function setConfirmations(
  server: TestServer,
  voice: Voice,
  confirmations: Record<string, unknown>,
) {
  const put = await server.call('PUT', `/v1/workspaces/${voice.ws}/voice`, {
    json: {
      calendarId: voice.calendarId,
      timezone: NY,
      rules: { minLeadMinutes: 0 },
      confirmations,
      auth: { type: 'bearer', secret: VAPI_SECRET },
    },
  });
  expect(put.status, put.text).toBe(200);
}

async function freeSlots(server: TestServer, voice: Voice, weekday = 2) {
  const { parsed } = await vapi(server, voice, [
    toolCall('check_availability', { date: weekdayAhead(weekday) }),
  ]);
  return parsed[0]!.slots!;
}

/** The tool calls answered as the Vapi route answers them, with their follow-ups finished. */
async function answeredWithFollowUps(
  server: TestServer,
  voice: Voice,
  name: string,
  args: Record<string, unknown>,
  call: { callId: string; callerNumber?: string },
) {
  const ctx = await openContext(server, voice);
  const { results, background } = await answerToolCalls(ctx, {
    ...call,
    toolCalls: [{ kind: 'call', id: `tc_${call.callId}`, name, arguments: args }],
    requests: [],
  });
  await background;
  const [result] = results;
  return JSON.parse('result' in result! ? result.result : result!.error) as {
    status: string;
    appointmentId?: string;
    contactId?: string;
    start?: string;
  };
}

async function confirmations(server: TestServer, voice: Voice, query = '') {
  const res = await server.call('GET', `/v1/workspaces/${voice.ws}/voice/confirmations${query}`);
  expect(res.status, res.text).toBe(200);
  return (JSON.parse(res.text) as { confirmations: Confirmation[] }).confirmations;
}

const messagesOf = (server: TestServer, voice: Voice) =>
  server.emulator.control.locationState(voice.locationId).messages;

const sends = (server: TestServer, voice: Voice) =>
  server.emulator.control
    .requests({ locationId: voice.locationId })
    .filter((r) => r.method === 'POST' && r.path === '/conversations/messages');

/** The confirmation of `kind` once it is `status`. */
function settledAs(server: TestServer, voice: Voice, status: string, kind = 'booked') {
  return waitFor(
    async () => {
      const found = (await confirmations(server, voice)).find((c) => c.kind === kind);
      return found?.status === status && found;
    },
    { timeoutMs: 30_000, what: `the ${kind} confirmation ${status}` },
  );
}

describeOnBackends(
  'confirmations to the caller, and the appointment’s history',
  (server) => {
    it('texts the caller once per booking, and not again for a replayed tool call', async () => {
      const voice = await confirmingWorkspace(server(), { channels: ['sms'] });
      const [slot] = await freeSlots(server(), voice);
      const args = { slotId: slot!.id, name: 'Ada Lovelace', phone: '(415) 555-0100' };
      const first = await vapi(server(), voice, [toolCall('book_appointment', args)], {
        callId: 'call_confirmed',
      });
      const booked = first.parsed[0]!;
      expect(booked.status).toBe('booked');

      const [sms] = await waitFor(
        () => messagesOf(server(), voice).length > 0 && messagesOf(server(), voice),
        {
          what: 'the confirmation SMS',
        },
      );
      expect(sms).toMatchObject({
        contactId: booked.contactId,
        messageType: 'TYPE_SMS',
        to: '+14155550100',
        body: `Hi Ada, your appointment${withProvider(booked)} is confirmed for ${slot!.label} (America/New_York). Reply to this message to change it.`,
      });
      const [row] = await confirmations(server(), voice);
      expect(row).toMatchObject({
        appointmentId: booked.appointmentId,
        change: 'booked',
        channel: 'sms',
        status: 'sent',
        attempts: 1,
        messageId: sms!.id,
        body: sms!.body,
      });

      const replayed = await answeredWithFollowUps(server(), voice, 'book_appointment', args, {
        callId: 'call_confirmed',
      });
      expect(replayed).toMatchObject({ status: 'booked', appointmentId: booked.appointmentId });
      expect(messagesOf(server(), voice)).toHaveLength(1);
      expect(sends(server(), voice)).toHaveLength(1);
      expect(await confirmations(server(), voice)).toEqual([row]);
    });

    it('sends nothing when the workspace confirms on no channel', async () => {
      const voice = await confirmingWorkspace(server(), { channels: [] });
      const [slot] = await freeSlots(server(), voice);
      const answer = await answeredWithFollowUps(
        server(),
        voice,
        'book_appointment',
        { slotId: slot!.id, name: 'Ada Lovelace', email: 'ada@example.com' },
        { callId: 'call_no_channels', callerNumber: '+14155550100' },
      );
      expect(answer.status).toBe('booked');
      expect(sends(server(), voice)).toEqual([]);
      expect(await confirmations(server(), voice)).toEqual([]);
    });

    it('says booked when the SMS fails, and a job sends it once on the retry', async () => {
      const voice = await confirmingWorkspace(server(), { channels: ['sms'] });
      server().emulator.control.addFault({
        match: { method: 'POST', path: '/conversations/messages', locationId: voice.locationId },
        status: 503,
        count: 1,
      });
      const [slot] = await freeSlots(server(), voice);
      const args = { slotId: slot!.id, name: 'Grace Hopper' };
      const caller = { callId: 'call_sms_retried', callerNumber: '+14155550111' };
      const { parsed } = await vapi(server(), voice, [toolCall('book_appointment', args)], caller);
      expect(parsed[0]!.status).toBe('booked');

      const row = await settledAs(server(), voice, 'sent');
      expect(row.attempts).toBe(2);
      expect(messagesOf(server(), voice)).toHaveLength(1);
      expect(messagesOf(server(), voice)[0]!.id).toBe(row.messageId);
      expect(sends(server(), voice)).toHaveLength(2);
      // The booking stands as it was: the same appointment, and the same answer when asked again.
      const { appointments } = server().emulator.control.locationState(voice.locationId);
      expect(appointments).toHaveLength(1);
      expect(appointments[0]).toMatchObject({ id: parsed[0]!.appointmentId });
      expect(appointments[0]!.appointmentStatus).not.toBe('cancelled');
      const again = await vapi(server(), voice, [toolCall('book_appointment', args)], caller);
      expect(again.parsed[0]).toMatchObject({
        status: 'booked',
        appointmentId: parsed[0]!.appointmentId,
      });
    });

    it('finds an SMS whose answer was lost in the conversation instead of sending it twice', async () => {
      const voice = await confirmingWorkspace(server(), { channels: ['sms'] });
      // HighLevel sends the SMS, then the answer is a 503: sent or not, the bridge cannot tell.
      server().emulator.control.addFault({
        match: { method: 'POST', path: '/conversations/messages', locationId: voice.locationId },
        status: 503,
        commitThenFail: 'status',
        count: 1,
      });
      const [slot] = await freeSlots(server(), voice);
      const { parsed } = await vapi(
        server(),
        voice,
        [toolCall('book_appointment', { slotId: slot!.id, name: 'Alan Turing' })],
        { callerNumber: '+14155550122' },
      );
      expect(parsed[0]!.status).toBe('booked');

      const row = await settledAs(server(), voice, 'sent');
      expect(row.attempts).toBe(2);
      expect(sends(server(), voice)).toHaveLength(1);
      expect(messagesOf(server(), voice)).toHaveLength(1);
      expect(row.messageId).toBe(messagesOf(server(), voice)[0]!.id);
    });

    it('waits for the end of quiet hours, and a job run twice then sends once', async () => {
      // Quiet from an hour ago to an hour from now, in the caller's timezone (New York).
      const clock = (hours: number) =>
        new Date(Date.now() + hours * 3_600_000).toLocaleTimeString('en-GB', {
          timeZone: NY,
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        });
      const quietHours = { start: clock(-1), end: clock(1) };
      const voice = await confirmingWorkspace(server(), { channels: ['sms'], quietHours });
      const [slot] = await freeSlots(server(), voice);
      const { parsed } = await vapi(
        server(),
        voice,
        [toolCall('book_appointment', { slotId: slot!.id, name: 'Ada Lovelace' })],
        { callerNumber: '+14155550133' },
      );
      const booked = parsed[0]!;
      expect(booked.status).toBe('booked');

      const row = await settledAs(server(), voice, 'waiting');
      const waitsMinutes = (Date.parse(row.sendAfter!) - Date.now()) / 60_000;
      expect(waitsMinutes).toBeGreaterThan(55);
      expect(waitsMinutes).toBeLessThanOrEqual(61);
      expect(row.attempts).toBe(0);
      expect(sends(server(), voice)).toEqual([]);
      // The job for the end of quiet hours is queued just after the row is written.
      await waitFor(
        async () =>
          ((await server().runtime.queue.counts())['voice-confirmations']?.deferred ?? 0) > 0,
        { what: 'a job deferred to the end of quiet hours' },
      );

      // The quiet hours are over (here: removed); the job runs twice at once, as a retried job can.
      await setConfirmations(server(), voice, { channels: ['sms'] });
      const handler = voiceConfirmationsHandler(voiceDeps(server()));
      const job: VoiceConfirmationJob = {
        workspaceId: voice.ws,
        work: {
          do: 'confirm',
          change: {
            kind: 'booked',
            appointmentId: booked.appointmentId!,
            contactId: booked.contactId!,
            start: booked.start!,
            timezone: NY,
            locale: 'en-US',
            name: 'Ada Lovelace',
          },
        },
      };
      await Promise.all([
        handler({ id: 'job_twice_1', data: job, retryCount: 0 }),
        handler({ id: 'job_twice_2', data: job, retryCount: 0 }),
      ]);
      expect(sends(server(), voice)).toHaveLength(1);
      const [sent] = await confirmations(server(), voice);
      expect(sent).toEqual(expect.objectContaining({ status: 'sent', sendAfter: null }));
      // The second run may claim the row while the first is still sending (as a retry takes over
      // a send whose process died): it then finds the message sent and sends nothing.
      expect([1, 2]).toContain(sent!.attempts);
    });

    it('emails a contact with an address, escaping the name, and skips a text to no phone', async () => {
      const voice = await confirmingWorkspace(server(), { channels: ['sms', 'email'] });
      const [first, second] = await freeSlots(server(), voice);
      const both = await vapi(server(), voice, [
        toolCall('book_appointment', {
          slotId: first!.id,
          name: '<b>Ada</b> Lovelace',
          email: 'ada@example.com',
          phone: '+14155550144',
        }),
      ]);
      expect(both.parsed[0]!.status).toBe('booked');
      const sent = await waitFor(
        () => messagesOf(server(), voice).length === 2 && messagesOf(server(), voice),
        { what: 'the SMS and the email' },
      );
      const email = sent.find((m) => m.messageType === 'TYPE_EMAIL')!;
      expect(email).toMatchObject({
        to: 'ada@example.com',
        subject: 'Your appointment is confirmed',
      });
      expect(email.body).toBe(
        `<p>Hi &lt;b&gt;Ada&lt;/b&gt;, your appointment${withProvider(both.parsed[0]!)} is confirmed for ${first!.label} (America/New_York). Reply to this message to change it.</p>`,
      );
      expect(sent.find((m) => m.messageType === 'TYPE_SMS')).toMatchObject({ to: '+14155550144' });

      // Booked with an email alone: no phone to text, so the SMS is skipped and the email sent.
      const emailOnly = await vapi(server(), voice, [
        toolCall('book_appointment', {
          slotId: second!.id,
          name: 'Grace Hopper',
          email: 'grace@example.com',
        }),
      ]);
      const appointmentId = emailOnly.parsed[0]!.appointmentId!;
      const rows = await waitFor(
        async () => {
          const found = await confirmations(server(), voice, `?appointmentId=${appointmentId}`);
          return found.every((c) => c.status !== 'sending') && found.length === 2 && found;
        },
        { what: 'the email-only booking confirmed' },
      );
      expect(rows.find((c) => c.channel === 'sms')).toMatchObject({
        status: 'skipped',
        attempts: 0,
        lastError: 'The contact has no phone number to text.',
      });
      expect(rows.find((c) => c.channel === 'email')).toMatchObject({ status: 'sent' });
      expect(messagesOf(server(), voice)).toHaveLength(3);
      const skipped = await confirmations(server(), voice, '?status=skipped&limit=5');
      expect(skipped.map((c) => c.appointmentId)).toEqual([appointmentId]);
    });

    it('confirms a cancellation and writes its reason on the appointment', async () => {
      const voice = await confirmingWorkspace(server(), { channels: ['sms'] });
      const caller = { callerNumber: '+14155550155' };
      const [slot] = await freeSlots(server(), voice, 3);
      const booked = (
        await vapi(
          server(),
          voice,
          [toolCall('book_appointment', { slotId: slot!.id, name: 'Ada Lovelace' })],
          caller,
        )
      ).parsed[0]!;
      const cancel = toolCall('cancel_appointment', { reason: 'feeling better' });
      const cancelled = (await vapi(server(), voice, [cancel], caller)).parsed[0]!;
      expect(cancelled).toMatchObject({ status: 'cancelled', appointmentId: booked.appointmentId });

      const state = () => server().emulator.control.locationState(voice.locationId);
      const [note] = await waitFor(
        () => state().appointmentNotes.length > 0 && state().appointmentNotes,
        {
          what: 'the cancellation note',
        },
      );
      expect(note!.body).toContain(
        `Cancelled: the appointment on ${slot!.label} (America/New_York).`,
      );
      expect(note!.body).toContain('Reason: feeling better');
      const row = await settledAs(server(), voice, 'sent', 'cancelled');
      const sms = messagesOf(server(), voice).filter((m) => m.body.includes('cancelled'));
      expect(sms).toHaveLength(1);
      expect(sms[0]!.body).toBe(
        `Hi Ada, your appointment on ${slot!.label} (America/New_York) has been cancelled. Reply to this message to book a new time.`,
      );
      expect(row.messageId).toBe(sms[0]!.id);

      // Written again (a retried job), the note is found by its marker and not added twice.
      const ctx = await openContext(server(), voice);
      const again = cancellationNote({
        appointmentId: booked.appointmentId!,
        start: new Date(state().appointments[0]!.startTime).toISOString(),
        timezone: NY,
        reason: 'feeling better',
      });
      expect(note!.body).toBe(again.body);
      await runAfterChange(ctx, { do: 'note', note: again });
      expect(state().appointmentNotes).toHaveLength(1);
    });

    it('writes a move’s old and new times and its reason, and confirms the new time', async () => {
      const voice = await confirmingWorkspace(server(), { channels: ['sms'] });
      const caller = { callerNumber: '+14155550166' };
      const [first, , later] = await freeSlots(server(), voice, 4);
      const booked = (
        await vapi(
          server(),
          voice,
          [toolCall('book_appointment', { slotId: first!.id, name: 'Alan Turing' })],
          caller,
        )
      ).parsed[0]!;
      const move = toolCall('reschedule_appointment', {
        slotId: later!.id,
        reason: 'a meeting ran over',
      });
      const moved = (await vapi(server(), voice, [move], caller)).parsed[0]!;
      expect(moved).toMatchObject({ status: 'rescheduled', appointmentId: booked.appointmentId });

      const state = () => server().emulator.control.locationState(voice.locationId);
      const [note] = await waitFor(
        () => state().appointmentNotes.length > 0 && state().appointmentNotes,
        {
          what: 'the move’s note',
        },
      );
      expect(note!.body).toContain(
        `Moved from ${first!.label} to ${later!.label} (America/New_York).\nReason: a meeting ran over`,
      );
      const row = await settledAs(server(), voice, 'sent', 'rescheduled');
      expect(row.change).toBe(`rescheduled:${new Date(later!.start).toISOString()}`);
      expect(messagesOf(server(), voice).map((m) => m.body)).toContain(
        `Hi Alan, your appointment${withProvider(moved)} has been moved to ${later!.label} (America/New_York). Reply to this message to change it.`,
      );
    });

    it('fails a confirmation HighLevel refuses for good, without retrying, and tells the app', async () => {
      const receiver = await startWebhookReceiver();
      try {
        const voice = await confirmingWorkspace(server(), { channels: ['sms'] });
        const endpoint = await server().call(
          'POST',
          `/v1/workspaces/${voice.ws}/webhook-endpoints`,
          { json: { url: `${receiver.url}/app`, events: ['voice.confirmation_failed'] } },
        );
        expect(endpoint.status, endpoint.text).toBe(201);
        server().emulator.control.addFault({
          match: { method: 'POST', path: '/conversations/messages', locationId: voice.locationId },
          status: 400,
          body: { statusCode: 400, message: 'The contact has opted out of SMS' },
          count: 1,
        });
        const [slot] = await freeSlots(server(), voice);
        const { parsed } = await vapi(
          server(),
          voice,
          [toolCall('book_appointment', { slotId: slot!.id, name: 'Ada Lovelace' })],
          { callerNumber: '+14155550177' },
        );
        expect(parsed[0]!.status).toBe('booked');

        const row = await settledAs(server(), voice, 'failed');
        expect(row.attempts).toBe(1);
        expect(row.lastError).toContain('The contact has opted out of SMS');
        const [told] = await waitFor(() => receiver.at('/app').length > 0 && receiver.at('/app'), {
          what: 'voice.confirmation_failed at the app',
        });
        expect(JSON.parse(told!.body)).toMatchObject({
          type: 'voice.confirmation_failed',
          data: {
            workspaceId: voice.ws,
            appointmentId: parsed[0]!.appointmentId,
            contactId: parsed[0]!.contactId,
            change: 'booked',
            channel: 'sms',
            confirmationId: row.id,
            error: row.lastError,
          },
        });
        expect(sends(server(), voice)).toHaveLength(1);
        expect(messagesOf(server(), voice)).toEqual([]);
      } finally {
        await receiver.close();
      }
    });

    it('lists confirmations by appointment and status, and refuses a bad filter by name', async () => {
      const voice = await voiceWorkspace(server());
      const bad = await server().call(
        'GET',
        `/v1/workspaces/${voice.ws}/voice/confirmations?status=delivered&limit=0`,
      );
      expect(bad.status).toBe(422);
      expect(bad.body.error?.details?.fields?.map((f) => f.path).sort()).toEqual([
        'limit',
        'status',
      ]);
      expect(await confirmations(server(), voice, '?appointmentId=apt_none')).toEqual([]);
    });
  },
  { env: { GHL_BRIDGE_WEBHOOKS_ALLOW_PRIVATE: 'true' } },
);
