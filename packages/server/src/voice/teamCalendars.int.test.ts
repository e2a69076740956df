import { HighLevel, privateIntegrationToken } from '@ghl-bridge/client';
import { emulatorFetch, weekdayCalendar } from '@ghl-bridge/emulator';
import { DateTime } from 'luxon';
import { expect, it } from 'vitest';
import { describeOnBackends, type TestServer } from '../../test/harness.js';
import { NY, connectedVoice, toolCall, vapi, weekdayAhead, type Voice } from '../../test/voice.js';

interface Team extends Voice {
  ann: string;
  sam: string;
  beardCalendarId: string;
  hl: HighLevel;
}

/**
 * A salon on a round-robin calendar with two members, Dr. Ann Lee and Sam Ortiz (09:00–17:00 on
 * weekdays), and a beard-trim service on a calendar of its own.
 */
async function salon(server: TestServer, extraMembers: string[] = []): Promise<Team> {
  const { emulator } = server;
  const { locationId, token } = emulator.control.createLocation({ name: 'Salon', timezone: NY });
  const ann = emulator.control.createUser(locationId, { firstName: 'Ann', lastName: 'Lee' }).id;
  const sam = emulator.control.createUser(locationId, { firstName: 'Sam', lastName: 'Ortiz' }).id;
  const extra = extraMembers.map((name) => {
    const [firstName, lastName] = name.split(' ');
    return emulator.control.createUser(locationId, { firstName, lastName }).id;
  });
  const members = [ann, sam, ...extra].map((userId) => ({ userId, priority: 1 as const }));
  const calendar = emulator.control.createCalendar(locationId, {
    ...weekdayCalendar(ann),
    name: 'Haircut',
    calendarType: 'round_robin',
    teamMembers: members,
  });
  const beard = emulator.control.createCalendar(locationId, {
    ...weekdayCalendar(sam),
    name: 'Beard trim',
  });
  const ws = await connectedVoice(server, token, locationId, {
    calendarId: calendar.id,
    timezone: NY,
    rules: { minLeadMinutes: 0 },
    services: [{ name: 'Beard trim', aliases: ['beard'], calendarId: beard.id }],
  });
  const hl = new HighLevel({
    auth: privateIntegrationToken(token, { locationId }),
    baseUrl: 'http://ghl.test',
    fetch: emulatorFetch(emulator),
  });
  return { ws, locationId, calendarId: calendar.id, ann, sam, beardCalendarId: beard.id, hl };
}

/** An appointment someone made in HighLevel itself, for one member. */
async function bookedInHighLevel(team: Team, userId: string, start: string) {
  const contact = await team.hl.contacts.create({
    locationId: team.locationId,
    firstName: 'Walk',
    lastName: 'In',
    email: `walk-in-${userId}@example.com`,
  });
  await team.hl.appointments.create({
    calendarId: team.calendarId,
    locationId: team.locationId,
    contactId: contact.id!,
    startTime: start,
    assignedUserId: userId,
  });
}

const at = (date: string, time: string) =>
  DateTime.fromISO(`${date}T${time}`, { zone: NY }).toISO({ suppressMilliseconds: true })!;
const clock = (start: string) => DateTime.fromISO(start).setZone(NY).toFormat('HH:mm');

describeOnBackends('voice booking on team calendars', (server) => {
  it('books "anyone" with the member who is free, and says who', async () => {
    const team = await salon(server());
    const date = weekdayAhead(2);
    await bookedInHighLevel(team, team.sam, at(date, '10:00'));

    const check = await vapi(server(), team, [
      toolCall('check_availability', { from: `${date}T10:00`, to: `${date}T10:30` }),
    ]);
    expect(check.parsed[0]!.status).toBe('ok');
    expect(check.parsed[0]!.slots!.map((s) => clock(s.start))).toEqual(['10:00']);

    const booked = await vapi(server(), team, [
      toolCall('book_appointment', {
        slotId: check.parsed[0]!.slots![0]!.id,
        provider: 'anyone',
        name: 'Grace Hopper',
        email: 'grace@example.com',
      }),
    ]);
    const answer = booked.parsed[0] as { status: string; provider?: unknown; message: string };
    expect(answer.status).toBe('booked');
    expect(answer.provider).toEqual({ userId: team.ann, name: 'Ann Lee' });
    expect(answer.message).toContain('Ann Lee');
    const appointment = await team.hl.appointments.get(booked.parsed[0]!.appointmentId!);
    expect(appointment.assignedUserId).toBe(team.ann);
  });

  it('books "Dr. Lee" with Ann Lee, and offers her next slots when she is taken', async () => {
    const team = await salon(server());
    const date = weekdayAhead(3);
    await bookedInHighLevel(team, team.ann, at(date, '10:00'));

    const check = await vapi(server(), team, [
      toolCall('check_availability', {
        from: `${date}T09:30`,
        to: `${date}T11:00`,
        provider: 'Dr. Lee',
      }),
    ]);
    const offered = check.parsed[0] as { status: string; provider?: unknown; message: string };
    expect(offered.status).toBe('ok');
    expect(offered.provider).toEqual({ userId: team.ann, name: 'Ann Lee' });
    expect(offered.message).toContain('Ann Lee');
    expect(check.parsed[0]!.slots!.map((s) => clock(s.start))).toEqual(['09:30', '10:30']);

    // Sam is free at 10:00, Ann is not: asked for her, the caller hears her nearest times.
    const taken = await vapi(server(), team, [
      toolCall('book_appointment', {
        startTime: `${date}T10:00`,
        provider: 'Dr. Lee',
        name: 'Ada Lovelace',
        phone: '+14155550111',
      }),
    ]);
    expect(taken.parsed[0]!.status).toBe('slot_unavailable');
    const near = taken.parsed[0]!.alternatives!.map((s) => clock(s.start));
    expect(near).not.toContain('10:00');
    expect(near).toContain('10:30');

    const booked = await vapi(server(), team, [
      toolCall('book_appointment', {
        slotId: check.parsed[0]!.slots![1]!.id,
        name: 'Ada Lovelace',
        phone: '+14155550111',
      }),
    ]);
    expect(booked.parsed[0]!.status).toBe('booked');
    const appointment = await team.hl.appointments.get(booked.parsed[0]!.appointmentId!);
    expect(appointment.assignedUserId).toBe(team.ann);
    expect(clock(appointment.startTime.replace(' ', 'T'))).toBe('10:30');
  });

  it('asks which one when two members share the name, and names the team for a stranger', async () => {
    const team = await salon(server(), ['Bob Lee']);
    const date = weekdayAhead(4);
    const ask = async (provider: string) =>
      (await vapi(server(), team, [toolCall('check_availability', { date, provider })]))
        .parsed[0] as { status: string; invalid?: Array<{ field: string; expected: string }> };
    const lee = await ask('Dr. Lee');
    expect(lee.status).toBe('needs_info');
    expect(lee.invalid?.[0]?.field).toBe('provider');
    expect(lee.invalid?.[0]?.expected).toMatch(/Ann Lee, Bob Lee/);
    const smith = await ask('Dr. Smith');
    expect(smith.invalid?.[0]?.expected).toMatch(/Ann Lee, Sam Ortiz, Bob Lee, or "anyone"/);
    expect((await ask('Bob Lee')).status).toBe('ok');
  });

  it('books a service on its own calendar and asks about one not offered', async () => {
    const team = await salon(server());
    const date = weekdayAhead(5);
    const check = await vapi(server(), team, [
      toolCall('check_availability', { date, service: 'a beard trim' }),
    ]);
    expect(check.parsed[0]!.status).toBe('ok');
    const booked = await vapi(server(), team, [
      toolCall('book_appointment', {
        slotId: check.parsed[0]!.slots![0]!.id,
        name: 'Alan Turing',
        email: 'alan@example.com',
        service: 'beard',
      }),
    ]);
    expect(booked.parsed[0]!.status).toBe('booked');
    const appointment = await team.hl.appointments.get(booked.parsed[0]!.appointmentId!);
    expect(appointment.calendarId).toBe(team.beardCalendarId);

    const unknown = await vapi(server(), team, [
      toolCall('check_availability', { date, service: 'massage' }),
    ]);
    expect(unknown.parsed[0]).toMatchObject({
      status: 'needs_info',
      invalid: [{ field: 'service', expected: 'one of the services: Beard trim' }],
    });
  });
});
