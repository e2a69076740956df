import { HighLevel, privateIntegrationToken } from '@ghl-bridge/client';
import { emulatorFetch } from '@ghl-bridge/emulator';
import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';
import {
  NY,
  VAPI_SECRET as SECRET,
  toolCall,
  vapi,
  voiceWorkspace,
  weekdayAhead,
} from '../../../test/voice.js';
import { waitFor } from '../../../test/waitFor.js';
import { vapiSignature } from '../../voice/vapi/vapiAuth.js';

describeOnBackends('POST /v1/workspaces/:ws/voice/vapi', (server) => {
  it('offers slots inside the working hours, labelled in the caller’s timezone', async () => {
    const voice = await voiceWorkspace(server(), {
      workingHours: [{ days: ['tue'], start: '10:00', end: '12:00' }],
    });
    const date = weekdayAhead(2);
    const call = toolCall('check_availability', { date, timezone: 'America/Los_Angeles' });
    const { res, results, parsed } = await vapi(server(), voice, [call]);
    expect(res.status).toBe(200);
    expect(results.map((r) => r.toolCallId)).toEqual([call.id]);
    expect(results[0]!.result).not.toMatch(/\n/);
    const [answer] = parsed;
    expect(answer!.status).toBe('ok');
    expect(answer!.slots).toHaveLength(3);
    for (const slot of answer!.slots!) {
      const start = DateTime.fromISO(slot.start, { setZone: true }).setZone(NY);
      expect(start.toISODate()).toBe(date);
      expect(start.hour * 60 + start.minute).toBeGreaterThanOrEqual(600);
      expect(start.hour * 60 + start.minute + 30).toBeLessThanOrEqual(720);
      // 10:00–11:30 in New York is 7:00–8:30 in Los Angeles.
      expect(slot.label).toMatch(/^Tuesday, \w+ \d+(, \d{4})? at (7|7:30|8|8:30) AM$/);
    }
  });

  it('offers the nearest days when the day asked is blacked out or inside the lead time', async () => {
    const tuesday = weekdayAhead(2);
    const voice = await voiceWorkspace(server(), { blackoutDates: [tuesday] });
    const { parsed } = await vapi(server(), voice, [
      toolCall('check_availability', { date: tuesday }),
    ]);
    expect(parsed[0]!.status).toBe('none');
    const days = parsed[0]!.nearestDays!.map((d) => d.date);
    expect(days).toHaveLength(2);
    expect(days).not.toContain(tuesday);
    expect(parsed[0]!.message).toMatch(/^I have nothing free on Tuesday/);

    const farLead = await voiceWorkspace(server(), { minLeadMinutes: 30 * 24 * 60 });
    const { parsed: late } = await vapi(server(), farLead, [
      toolCall('check_availability', { date: tuesday }),
    ]);
    expect(late[0]!.status).toBe('none');
    expect(late[0]!.nearestDays).toEqual([]);
  });

  it('asks for a nearer date instead of reading HighLevel to the year 9999', async () => {
    const voice = await voiceWorkspace(server());
    const { control } = server().emulator;
    const before = control.requests({ locationId: voice.locationId }).length;
    const { parsed } = await vapi(server(), voice, [
      toolCall('check_availability', { from: weekdayAhead(3), to: '9999-12-31' }),
    ]);
    expect(parsed[0]).toMatchObject({ status: 'needs_info', invalid: [{ field: 'to' }] });
    expect(control.requests({ locationId: voice.locationId }).length).toBe(before);
  });

  it('keeps the buffer around an existing appointment free', async () => {
    const voice = await voiceWorkspace(server(), { bufferAfterMinutes: 30 });
    await server().call('PUT', `/v1/workspaces/${voice.ws}/voice`, {
      json: {
        calendarId: voice.calendarId,
        timezone: NY,
        rules: { minLeadMinutes: 0, bufferAfterMinutes: 30 },
        slotsToOffer: 10,
        auth: { type: 'bearer', secret: SECRET },
      },
    });
    const date = weekdayAhead(1);
    const window = { from: `${date}T09:00`, to: `${date}T11:30` };
    const starts = async () => {
      const { parsed } = await vapi(server(), voice, [toolCall('check_availability', window)]);
      return parsed[0]!.slots!.map((s) => DateTime.fromISO(s.start).setZone(NY).toFormat('HH:mm'));
    };
    expect(await starts()).toEqual(['09:00', '09:30', '10:00', '10:30', '11:00']);
    const ten = `${date}T10:00`;
    const booked = await vapi(server(), voice, [
      toolCall('book_appointment', {
        startTime: ten,
        name: 'Ada Lovelace',
        email: 'a@example.com',
      }),
    ]);
    expect(booked.parsed[0]!.status).toBe('booked');
    // 10:00–10:30 booked, padded by 30 minutes on each side of every appointment.
    expect(await starts()).toEqual(['09:00', '11:00']);
  });

  it('answers a repeated availability question from memory, but never books on it', async () => {
    const voice = await voiceWorkspace(server());
    const { emulator } = server();
    const calls = () => emulator.control.requests({ locationId: voice.locationId }).length;
    const date = weekdayAhead(2);
    const check = async () => {
      const { parsed } = await vapi(server(), voice, [toolCall('check_availability', { date })]);
      return parsed[0]!.slots!;
    };
    const offered = await check();
    const before = calls();
    expect(await check()).toEqual(offered);
    expect(calls()).toBe(before);

    // Someone books the first slot in HighLevel itself: the final check before booking sees it.
    const { token } = emulator.control.createToken(voice.locationId);
    const hl = new HighLevel({
      auth: privateIntegrationToken(token, { locationId: voice.locationId }),
      baseUrl: 'http://ghl.test',
      fetch: emulatorFetch(emulator),
    });
    const walkIn = await hl.contacts.create({ locationId: voice.locationId, firstName: 'Walk-in' });
    await hl.appointments.create({
      calendarId: voice.calendarId,
      locationId: voice.locationId,
      contactId: walkIn.id!,
      startTime: offered[0]!.start,
    });
    const late = await vapi(server(), voice, [
      toolCall('book_appointment', {
        slotId: offered[0]!.id,
        name: 'Late Caller',
        email: 'late@example.com',
      }),
    ]);
    expect(late.parsed[0]!.status).toBe('slot_unavailable');

    // A booking through ghl-bridge forgets what was kept: the next answer is read afresh.
    const booked = await vapi(server(), voice, [
      toolCall('book_appointment', {
        slotId: offered[1]!.id,
        name: 'Grace Hopper',
        email: 'grace@example.com',
      }),
    ]);
    expect(booked.parsed[0]!.status).toBe('booked');
    const starts = (await check()).map((slot) => slot.start);
    expect(starts).not.toContain(offered[0]!.start);
    expect(starts).not.toContain(offered[1]!.start);
  });

  it('books one of 50 concurrent callers on one slot; the other 49 hear alternatives', async () => {
    const voice = await voiceWorkspace(server());
    const date = weekdayAhead(3);
    const { parsed } = await vapi(server(), voice, [toolCall('check_availability', { date })]);
    const slot = parsed[0]!.slots![0]!;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        vapi(
          server(),
          voice,
          [toolCall('book_appointment', { slotId: slot.id, name: `Caller ${i}` })],
          {
            callerNumber: `+1415555${String(1000 + i)}`,
          },
        ),
      ),
    );
    const statuses = answers.map((a) => a.parsed[0]!.status);
    expect(statuses.filter((s) => s === 'booked')).toHaveLength(1);
    const unavailable = answers.filter((a) => a.parsed[0]!.status === 'slot_unavailable');
    expect(unavailable).toHaveLength(49);
    for (const a of unavailable) {
      expect(a.parsed[0]!.alternatives!.length).toBeGreaterThan(0);
      expect(a.parsed[0]!.alternatives!.map((s) => s.start)).not.toContain(slot.start);
    }
    const state = server().emulator.control.locationState(voice.locationId);
    const atSlot = state.appointments.filter(
      (e) => new Date(e.startTime).getTime() === Date.parse(slot.start),
    );
    expect(atSlot).toHaveLength(1);
  });

  it('answers a booking re-issued five times in one call with the first booking', async () => {
    const voice = await voiceWorkspace(server());
    const { parsed } = await vapi(server(), voice, [
      toolCall('check_availability', { date: weekdayAhead(4) }),
    ]);
    const slot = parsed[0]!.slots![1]!;
    const args = { slotId: slot.id, name: 'Ada Lovelace', phone: '(415) 555-0100' };
    const answers = [];
    for (let i = 0; i < 5; i++) {
      answers.push(
        (
          await vapi(server(), voice, [toolCall('book_appointment', args)], {
            callId: 'call_replayed',
          })
        ).parsed[0]!,
      );
    }
    // The model may also re-send the time itself, written in UTC.
    const utc = new Date(Date.parse(slot.start)).toISOString();
    const byTime = { startTime: utc, name: 'Ada Lovelace', phone: '(415) 555-0100' };
    answers.push(
      (
        await vapi(server(), voice, [toolCall('book_appointment', byTime)], {
          callId: 'call_replayed',
        })
      ).parsed[0]!,
    );
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill('booked'));
    expect(new Set(answers.map((a) => a.appointmentId)).size).toBe(1);
    const state = () => server().emulator.control.locationState(voice.locationId);
    const notes = await waitFor(
      () => {
        const found = state().notes;
        return found.length > 0 && found;
      },
      { what: 'the booking note' },
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain('call_replayed');
    await waitFor(() => state().contacts[0]?.tags?.includes('source:voice'), { what: 'the tag' });
    expect(state().appointments).toHaveLength(1);
    expect(state().contacts).toHaveLength(1);
    expect(state().contacts[0]!.phone).toBe('+14155550100');
    expect(state().appointments[0]!.id).toBe(answers[0]!.appointmentId);
  });

  it('says booked when the note fails, and a queued job writes the note later', async () => {
    const voice = await voiceWorkspace(server());
    const { emulator } = server();
    // The note fails on the spot and on the job's first run; the job's retry writes it.
    emulator.control.addFault({
      match: { method: 'POST', path: '/contacts/{contactId}/notes', locationId: voice.locationId },
      status: 503,
      count: 2,
    });
    const { parsed } = await vapi(server(), voice, [
      toolCall('check_availability', { date: weekdayAhead(2) }),
    ]);
    const booked = await vapi(
      server(),
      voice,
      [toolCall('book_appointment', { slotId: parsed[0]!.slots![0]!.id, name: 'Ada Lovelace' })],
      { callId: 'call_note_later', callerNumber: '+14155550100' },
    );
    expect(booked.parsed[0]!.status).toBe('booked');
    const state = () => emulator.control.locationState(voice.locationId);
    const notes = await waitFor(() => state().notes.length > 0 && state().notes, {
      timeoutMs: 30_000,
      what: 'the note written by the follow-up job',
    });
    expect(notes).toHaveLength(1);
    expect(notes[0]!.body).toContain('call_note_later');
    // The job's run is recorded as it ends, just after its note lands.
    await waitFor(
      async () => {
        const runs = await server()
          .runtime.database.db.selectFrom('job_runs')
          .selectAll()
          .where('queue', '=', 'voice-follow-up')
          .execute();
        return runs.length > 0;
      },
      { what: 'the follow-up job recorded as run' },
    );
  });

  it('finds the caller’s contact whichever way the phone number is written', async () => {
    const voice = await voiceWorkspace(server());
    const { parsed } = await vapi(server(), voice, [
      toolCall('check_availability', { date: weekdayAhead(1) }),
    ]);
    const slots = parsed[0]!.slots!;
    const phones = ['+14155550100', '(415) 555-0100', '415.555.0100'];
    const contactIds = [];
    for (const [i, phone] of phones.entries()) {
      const { parsed: answer } = await vapi(server(), voice, [
        toolCall('book_appointment', { slotId: slots[i]!.id, name: 'Ada Lovelace', phone }),
      ]);
      expect(answer[0]!.status).toBe('booked');
      contactIds.push(answer[0]!.contactId);
    }
    expect(new Set(contactIds).size).toBe(1);
    const state = server().emulator.control.locationState(voice.locationId);
    expect(state.contacts).toHaveLength(1);
    expect(state.appointments).toHaveLength(3);
  });

  it('creates a new contact tagged for review when only the name matches someone else', async () => {
    const voice = await voiceWorkspace(server());
    const { parsed } = await vapi(server(), voice, [
      toolCall('check_availability', { date: weekdayAhead(1) }),
    ]);
    const [first, second] = parsed[0]!.slots!;
    const book = (slotId: string, email: string) =>
      vapi(server(), voice, [toolCall('book_appointment', { slotId, name: 'Sam Smith', email })]);
    const a = (await book(first!.id, 'sam.one@example.com')).parsed[0]!;
    const b = (await book(second!.id, 'sam.two@example.com')).parsed[0]!;
    expect([a.status, b.status]).toEqual(['booked', 'booked']);
    expect(b.contactId).not.toBe(a.contactId);
    const contact = (id: string) =>
      server()
        .emulator.control.locationState(voice.locationId)
        .contacts.find((c) => c.id === id);
    await waitFor(() => contact(b.contactId!)?.tags?.includes('voice:review-contact'), {
      what: 'the review tag',
    });
    await waitFor(() => contact(a.contactId!)?.tags?.includes('source:voice'), {
      what: 'the first contact’s tag',
    });
    expect(contact(a.contactId!)?.tags).not.toContain('voice:review-contact');
  });

  it('finds, moves and cancels the caller’s appointment by the calling number', async () => {
    const voice = await voiceWorkspace(server());
    const caller = { callerNumber: '+14155550177' };
    const { parsed } = await vapi(server(), voice, [
      toolCall('check_availability', { date: weekdayAhead(3) }),
    ]);
    const [first, , later] = parsed[0]!.slots!;
    const booked = (
      await vapi(
        server(),
        voice,
        [toolCall('book_appointment', { slotId: first!.id, name: 'Alan Turing' })],
        caller,
      )
    ).parsed[0]!;
    expect(booked.status).toBe('booked');

    const found = (await vapi(server(), voice, [toolCall('find_appointments', {})], caller))
      .parsed[0]!;
    expect(found).toMatchObject({
      status: 'ok',
      appointments: [{ id: booked.appointmentId, label: first!.label }],
    });

    const move = toolCall('reschedule_appointment', { slotId: later!.id });
    for (let i = 0; i < 2; i++) {
      const moved = (await vapi(server(), voice, [{ ...move, id: `${move.id}_${i}` }], caller))
        .parsed[0]!;
      expect(moved).toMatchObject({ status: 'rescheduled', appointmentId: booked.appointmentId });
    }
    const appointments = () =>
      server().emulator.control.locationState(voice.locationId).appointments;
    expect(appointments()).toHaveLength(1);
    expect(new Date(appointments()[0]!.startTime).getTime()).toBe(Date.parse(later!.start));

    const cancel = (await vapi(server(), voice, [toolCall('cancel_appointment', {})], caller))
      .parsed[0]!;
    expect(cancel).toMatchObject({ status: 'cancelled', appointmentId: booked.appointmentId });
    expect(appointments()[0]!.appointmentStatus).toBe('cancelled');
    const none = (await vapi(server(), voice, [toolCall('find_appointments', {})], caller))
      .parsed[0]!;
    expect(none.status).toBe('not_found');
  });

  it('tells the truth when the appointment create is applied but the connection drops', async () => {
    const voice = await voiceWorkspace(server());
    const { parsed } = await vapi(server(), voice, [
      toolCall('check_availability', { date: weekdayAhead(5) }),
    ]);
    const slot = parsed[0]!.slots![0]!;
    server().emulator.control.addFault({
      match: {
        method: 'POST',
        path: '/calendars/events/appointments',
        locationId: voice.locationId,
      },
      commitThenFail: 'drop',
      count: 1,
    });
    const { parsed: booked } = await vapi(server(), voice, [
      toolCall('book_appointment', {
        slotId: slot.id,
        name: 'Grace Hopper',
        email: 'grace@example.com',
      }),
    ]);
    const appointments = server().emulator.control.locationState(voice.locationId).appointments;
    expect(appointments).toHaveLength(1);
    expect(booked[0]).toMatchObject({ status: 'booked', appointmentId: appointments[0]!.id });
    const log = server().emulator.control.requests({ locationId: voice.locationId });
    // The drop made the outcome unknown: the appointment was looked up, never created twice.
    expect(log.some((r) => r.method === 'GET' && r.path.startsWith('/calendars/events'))).toBe(
      true,
    );
    expect(
      log.filter((r) => r.method === 'POST' && r.path === '/calendars/events/appointments'),
    ).toHaveLength(1);
  });

  it('answers every call of both list shapes once, in order, unknown tools included', async () => {
    const voice = await voiceWorkspace(server());
    const check = {
      id: 'tc_shape_1',
      type: 'function',
      function: { name: 'check_availability', arguments: { date: weekdayAhead(2) } },
    };
    const unknown = { id: 'tc_shape_2', type: 'function', function: { name: 'order_pizza' } };
    const body = JSON.stringify({
      message: {
        type: 'tool-calls',
        call: { id: 'call_shapes' },
        toolCallList: [check, unknown],
        toolWithToolCallList: [
          { type: 'function', function: { name: 'check_availability' }, toolCall: check },
          { type: 'function', function: { name: 'order_pizza' }, toolCall: unknown },
        ],
      },
    });
    const res = await server().call('POST', `/v1/workspaces/${voice.ws}/voice/vapi`, {
      body,
      headers: { 'content-type': 'application/json' },
      token: SECRET,
    });
    expect(res.status).toBe(200);
    const { results } = JSON.parse(res.text) as {
      results: { toolCallId: string; result?: string; error?: string }[];
    };
    expect(results.map((r) => r.toolCallId)).toEqual(['tc_shape_1', 'tc_shape_2']);
    expect(JSON.parse(results[0]!.result!)).toMatchObject({ status: 'ok' });
    expect(JSON.parse(results[1]!.error!)).toMatchObject({ status: 'error', code: 'unknown_tool' });
  });

  it('answers a bad credential with 401, other messages and malformed bodies with 200', async () => {
    const voice = await voiceWorkspace(server());
    const call = [toolCall('check_availability', {})];
    expect(
      (await vapi(server(), voice, call, { token: 'wrong-secret-0123456789' })).res.status,
    ).toBe(401);
    expect((await vapi(server(), voice, call, { token: null })).res.status).toBe(401);

    const path = `/v1/workspaces/${voice.ws}/voice/vapi`;
    const status = await server().call('POST', path, {
      json: { message: { type: 'status-update', status: 'in-progress' } },
      token: SECRET,
    });
    expect(status.status).toBe(200);

    for (const body of ['{"message":', JSON.stringify({ hello: 'world' })]) {
      const res = await server().call('POST', path, {
        body,
        headers: { 'content-type': 'application/json' },
        token: SECRET,
      });
      expect(res.status).toBe(200);
      const { error } = JSON.parse(res.text) as { error: string };
      expect(error).not.toMatch(/\n/);
      expect(JSON.parse(error)).toMatchObject({ status: 'error' });
    }
  });

  it('answers the same 401 whether the workspace exists, has no voice settings, or not', async () => {
    const voice = await voiceWorkspace(server());
    const bare = await server().createWorkspace('No Voice');
    const body = JSON.stringify({ message: { type: 'tool-calls', toolCallList: [] } });
    const answers = [];
    for (const ws of [voice.ws, bare.id, 'ws_does_not_exist']) {
      for (const token of [null, 'wrong-secret-0123456789', SECRET]) {
        const res = await server().call('POST', `/v1/workspaces/${ws}/voice/vapi`, {
          body,
          headers: { 'content-type': 'application/json' },
          token,
        });
        if (ws === voice.ws && token === SECRET) continue;
        answers.push({ status: res.status, error: (res.body as { error?: unknown }).error });
      }
    }
    expect(answers).toHaveLength(8);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]).toMatchObject({ status: 401, error: { code: 'bad_credential' } });
  });

  it('runs at most 10 tool calls of a message and answers the rest not_run', async () => {
    const voice = await voiceWorkspace(server());
    const calls = Array.from({ length: 12 }, (_, i) => ({
      id: `tc_many_${i}`,
      type: 'function',
      function: { name: 'order_pizza', arguments: {} },
    }));
    const { res, results } = await vapi(server(), voice, calls);
    expect(res.status).toBe(200);
    expect(results.map((r) => r.toolCallId)).toEqual(calls.map((c) => c.id));
    const answers = results.map(
      (r) => JSON.parse(r.result ?? r.error!) as { status: string; code?: string },
    );
    // From the second failure of the call on, the caller is handed to a person
    // (docs/vapi.md#handoff-and-alerts): ten calls were run, the last two were not.
    expect(answers.map((answer) => answer.code ?? answer.status)).toEqual([
      'unknown_tool',
      ...Array<string>(9).fill('transfer'),
      'not_run',
      'not_run',
    ]);
  });

  it('starts no tool call once Vapi has given up on the request', async () => {
    const voice = await voiceWorkspace(server());
    const { control } = server().emulator;
    const before = control.requests({ locationId: voice.locationId }).length;
    const gaveUp = new AbortController();
    gaveUp.abort();
    const call = toolCall('check_availability', { date: weekdayAhead(2) });
    const res = await server().call('POST', `/v1/workspaces/${voice.ws}/voice/vapi`, {
      json: { message: { type: 'tool-calls', toolCallList: [call] } },
      token: SECRET,
      signal: gaveUp.signal,
    });
    expect(res.status).toBe(200);
    const { results } = JSON.parse(res.text) as { results: { error?: string }[] };
    expect(JSON.parse(results[0]!.error!)).toMatchObject({ code: 'not_run' });
    expect(control.requests({ locationId: voice.locationId }).length).toBe(before);
  });

  it('answers a NUL or a lone surrogate in the arguments as unreadable, never storing it', async () => {
    const voice = await voiceWorkspace(server());
    const nul = toolCall('book_appointment', {
      startTime: `${weekdayAhead(2)}T10:00`,
      name: 'Ada\u0000Lovelace',
      email: 'a@example.com',
    });
    const surrogate = toolCall('check_availability', { date: weekdayAhead(2), note: '\ud800' });
    const { res, results } = await vapi(server(), voice, [nul, surrogate], { callId: 'call_nul' });
    expect(res.status).toBe(200);
    expect(JSON.parse(results[0]!.error!)).toMatchObject({ code: 'unreadable_arguments' });
    // The second failure of the call hands the caller to a person (docs/vapi.md#handoff-and-alerts).
    expect(JSON.parse(results[1]!.result!)).toMatchObject({ reason: 'repeated_failures' });
    // Both calls are recorded with the problem in words, not the text itself.
    const audit = await waitFor(async () => {
      const res = await server().call('GET', `/v1/workspaces/${voice.ws}/voice/calls/call_nul`);
      return res.status === 200 && res.text.split('"problem"').length === 3 && res;
    });
    expect(audit.text).not.toMatch(/(?<!\\)\\u(0000|d800)/i);

    const path = `/v1/workspaces/${voice.ws}/voice/vapi`;
    const badId = await server().call('POST', path, {
      json: { message: { type: 'tool-calls', toolCallList: [{ ...nul, id: 'tc\u0000' }] } },
      token: SECRET,
    });
    expect(badId.status).toBe(200);
    expect(JSON.parse((JSON.parse(badId.text) as { error: string }).error)).toMatchObject({
      status: 'error',
    });
  });

  it('accepts an HMAC signature of the raw body when the workspace uses one', async () => {
    const voice = await voiceWorkspace(server());
    await server().call('PUT', `/v1/workspaces/${voice.ws}/voice`, {
      json: { calendarId: voice.calendarId, timezone: NY, auth: { type: 'hmac', secret: SECRET } },
    });
    const body = JSON.stringify({ message: { type: 'end-of-call-report' } });
    const path = `/v1/workspaces/${voice.ws}/voice/vapi`;
    const headers = {
      'content-type': 'application/json',
      'x-vapi-signature': vapiSignature(body, SECRET),
    };
    expect((await server().call('POST', path, { body, headers, token: null })).status).toBe(200);
    const forged = { ...headers, 'x-vapi-signature': vapiSignature(`${body} `, SECRET) };
    expect((await server().call('POST', path, { body, headers: forged, token: null })).status).toBe(
      401,
    );
  });

  it('with maxAgeSeconds, takes a signed timestamp only inside the window: a replay is a 401', async () => {
    const voice = await voiceWorkspace(server());
    const put = await server().call('PUT', `/v1/workspaces/${voice.ws}/voice`, {
      json: {
        calendarId: voice.calendarId,
        timezone: NY,
        auth: { type: 'hmac', secret: SECRET, maxAgeSeconds: 60 },
      },
    });
    expect(put.status).toBe(200);
    expect(JSON.parse(put.text)).toMatchObject({ auth: { type: 'hmac', maxAgeSeconds: 60 } });
    const body = JSON.stringify({ message: { type: 'end-of-call-report' } });
    const path = `/v1/workspaces/${voice.ws}/voice/vapi`;
    const signedAt = (seconds: number) => ({
      'content-type': 'application/json',
      'x-timestamp': String(seconds),
      'x-signature': vapiSignature(body, SECRET, String(seconds)),
    });
    const now = Math.floor(Date.now() / 1000);
    const post = (headers: Record<string, string>) =>
      server().call('POST', path, { body, headers, token: null });
    expect((await post(signedAt(now))).status).toBe(200);
    // Captured two minutes ago and sent again: the signature is right, the time is not.
    expect((await post(signedAt(now - 120))).status).toBe(401);
    // Without the timestamp, a body-only signature is not enough for this workspace.
    const bodyOnly = {
      'content-type': 'application/json',
      'x-vapi-signature': vapiSignature(body, SECRET),
    };
    expect((await post(bodyOnly)).status).toBe(401);
    expect(server().logs.some((l) => String(l.msg).includes('not Unix time within 60 s'))).toBe(
      true,
    );
  });

  it('refuses maxAgeSeconds for a credential that signs nothing, naming the field', async () => {
    const voice = await voiceWorkspace(server());
    const put = await server().call('PUT', `/v1/workspaces/${voice.ws}/voice`, {
      json: {
        calendarId: voice.calendarId,
        timezone: NY,
        auth: { type: 'bearer', secret: SECRET, maxAgeSeconds: 60 },
      },
    });
    expect(put.status).toBe(422);
    expect(put.body.error?.details?.fields).toEqual([
      expect.objectContaining({ path: 'auth.maxAgeSeconds' }),
    ]);
  });
});
