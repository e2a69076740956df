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

const block = {
  id: 'blk1',
  locationId: 'loc1',
  title: 'Lunch',
  startTime: '2025-03-03T12:00:00-06:00',
  endTime: '2025-03-03T13:00:00-06:00',
  assignedUserId: 'u1',
};

describe('blockedSlots', () => {
  it('lists a user’s blocked slots by range', async () => {
    const { hl, script } = client({ body: { events: [block] } });
    expect(
      await hl.blockedSlots.list({
        locationId: 'loc1',
        userId: 'u1',
        startTime: 1000,
        endTime: 2000,
      }),
    ).toEqual([block]);
    const sent = script.sent[0]!;
    expect(sent.url.pathname).toBe('/calendars/blocked-slots');
    expect(sent.headers.get('version')).toBe('2021-04-15');
    expect(Object.fromEntries(sent.url.searchParams)).toEqual({
      locationId: 'loc1',
      userId: 'u1',
      startTime: '1000',
      endTime: '2000',
    });
  });

  it('blocks a user’s time (no calendarId) and returns the flat 201 body', async () => {
    const { hl, script } = client({ status: 201, body: block });
    const input = {
      locationId: 'loc1',
      assignedUserId: 'u1',
      title: 'Lunch',
      startTime: '2025-03-03T12:00:00-06:00',
      endTime: '2025-03-03T13:00:00-06:00',
    };
    expect(await hl.blockedSlots.create(input)).toEqual(block);
    const sent = script.sent[0]!;
    expect(sent.method).toBe('POST');
    expect(sent.url.pathname).toBe('/calendars/events/block-slots');
    expect(JSON.parse(sent.body!)).toEqual(input);
  });

  it('updates with PUT on block-slots/{eventId} and deletes as a calendar event', async () => {
    const { hl, script } = client(
      { status: 201, body: block },
      { status: 201, body: { succeeded: true } },
    );
    await hl.blockedSlots.update('blk1', {
      locationId: 'loc1',
      calendarId: 'cal1',
      title: 'Late lunch',
    });
    await hl.blockedSlots.delete('blk1');
    const [put, del] = script.sent;
    expect(put!.method).toBe('PUT');
    expect(put!.url.pathname).toBe('/calendars/events/block-slots/blk1');
    expect(JSON.parse(put!.body!)).toEqual({
      locationId: 'loc1',
      calendarId: 'cal1',
      title: 'Late lunch',
    });
    expect(del!.method).toBe('DELETE');
    expect(del!.url.pathname).toBe('/calendars/events/blk1');
    expect(del!.body).toBe('{}');
  });
});
