import { describe, expect, it } from 'vitest';
import { scriptedFetch, type Reply } from '../../test/scriptedFetch.js';
import { privateIntegrationToken } from '../auth/privateIntegrationToken.js';
import { HighLevel } from '../highlevel.js';

function client(...replies: Reply[]) {
  const script = scriptedFetch(...replies);
  const auth = privateIntegrationToken('pit-test', { locationId: 'loc1' });
  const hl = new HighLevel({ auth, fetch: script.fetch, rateLimit: false, retry: false });
  return { hl, script };
}

const event = {
  id: 'evt1',
  title: 'Consult',
  calendarId: 'cal1',
  locationId: 'loc1',
  contactId: 'c1',
  groupId: 'g1',
  appointmentStatus: 'confirmed',
  assignedUserId: 'u1',
  users: ['u1'],
  startTime: '2024-10-28T10:00:00-05:00',
  endTime: '2024-10-28T10:30:00-05:00',
  dateAdded: '2024-10-20T08:00:00-05:00',
  dateUpdated: '2024-10-20T08:00:00-05:00',
};

describe('appointments', () => {
  it('books with the slot string verbatim and returns the flat 200 body', async () => {
    const booked = { id: 'evt1', calendarId: 'cal1', locationId: 'loc1', contactId: 'c1' };
    const { hl, script } = client({ status: 200, body: booked });
    const input = {
      calendarId: 'cal1',
      locationId: 'loc1',
      contactId: 'c1',
      startTime: '2024-10-28T10:00:00-05:00',
      appointmentStatus: 'confirmed' as const,
    };

    expect(await hl.appointments.create(input)).toEqual(booked);

    const sent = script.sent[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.url.pathname).toBe('/calendars/events/appointments');
    expect(sent.headers.get('version')).toBe('2021-04-15');
    expect(sent.body).toBe(JSON.stringify(input));
  });

  it('gets an appointment out of { event }', async () => {
    const { hl, script } = client({ body: { event, traceId: 't' } });
    expect(await hl.appointments.get('evt1')).toEqual(event);
    expect(script.sent[0]!.url.pathname).toBe('/calendars/events/appointments/evt1');
  });

  it('updates with PUT and only the fields given', async () => {
    const { hl, script } = client({ body: { id: 'evt1', appointmentStatus: 'cancelled' } });
    const updated = await hl.appointments.update('evt1', { appointmentStatus: 'cancelled' });
    expect(updated.appointmentStatus).toBe('cancelled');
    const sent = script.sent[0]!;
    expect(sent.method).toBe('PUT');
    expect(sent.url.pathname).toBe('/calendars/events/appointments/evt1');
    expect(JSON.parse(sent.body!)).toEqual({ appointmentStatus: 'cancelled' });
  });

  it('deletes through /calendars/events/{eventId} with the empty JSON body the spec requires', async () => {
    const { hl, script } = client({ status: 201, body: { succeeded: true } });
    await hl.appointments.delete('evt1');
    const sent = script.sent[0]!;
    expect(sent.method).toBe('DELETE');
    expect(sent.url.pathname).toBe('/calendars/events/evt1');
    expect(sent.body).toBe('{}');
    expect(sent.headers.get('content-type')).toBe('application/json');
  });

  it('lists a calendar’s appointments between two instants, sent as epoch ms', async () => {
    const { hl, script } = client({ body: { events: [event] } });
    const events = await hl.appointments.list({
      locationId: 'loc1',
      calendarId: 'cal1',
      startTime: new Date('2024-10-01T00:00:00Z'),
      endTime: Date.parse('2024-11-01T00:00:00Z'),
    });
    expect(events).toEqual([event]);
    const sent = script.sent[0]!;
    expect(sent.url.pathname).toBe('/calendars/events');
    expect(Object.fromEntries(sent.url.searchParams)).toEqual({
      locationId: 'loc1',
      calendarId: 'cal1',
      startTime: '1727740800000',
      endTime: '1730419200000',
    });
  });

  it('lists a contact’s appointments with the contacts Version, times as HighLevel gave them', async () => {
    const offsetless = {
      id: 'evt1',
      startTime: '2021-07-16 11:00:00',
      endTime: '2021-07-16 11:30:00',
    };
    const { hl, script } = client({ body: { events: [offsetless] } });
    expect(await hl.appointments.listForContact('c1')).toEqual([offsetless]);
    const sent = script.sent[0]!;
    expect(sent.url.pathname).toBe('/contacts/c1/appointments');
    expect(sent.headers.get('version')).toBe('2021-07-28');
  });
});
