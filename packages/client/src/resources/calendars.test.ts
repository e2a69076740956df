import { describe, expect, it } from 'vitest';
import { scriptedFetch, type Reply, type SentRequest } from '../../test/scriptedFetch.js';
import { privateIntegrationToken } from '../auth/privateIntegrationToken.js';
import { HighLevel } from '../highlevel.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

function client(...replies: Reply[]) {
  const script = scriptedFetch(...replies);
  const auth = privateIntegrationToken('pit-test', { locationId: 'loc1' });
  const hl = new HighLevel({ auth, fetch: script.fetch, rateLimit: false, retry: false });
  return { hl, script };
}

/** `instant` as HighLevel writes a slot in a UTC-5 zone: `2025-01-01T10:00:00-05:00`. */
function utcMinus5(instant: number): string {
  return `${new Date(instant - 5 * HOUR).toISOString().slice(0, 19)}-05:00`;
}

/**
 * A free-slots answer with a 10:00 (UTC-5) slot on every day the range touches, both ends
 * included, keyed by date, with the `traceId` HighLevel adds.
 */
function freeSlotsAnswer(request: SentRequest): Reply {
  const start = Number(request.url.searchParams.get('startDate'));
  const end = Number(request.url.searchParams.get('endDate'));
  const body: Record<string, unknown> = { traceId: `trace-${start}` };
  for (let day = Math.floor(start / DAY) * DAY; day <= end; day += DAY) {
    const slot = utcMinus5(day + 15 * HOUR);
    body[slot.slice(0, 10)] = { slots: [slot] };
  }
  return { body };
}

describe('calendars.freeSlots', () => {
  it('splits 70 days into 3 contiguous calls and returns one flat, sorted, duplicate-free list', async () => {
    const { hl, script } = client(freeSlotsAnswer);
    const start = Date.UTC(2025, 0, 1);
    const end = start + 70 * DAY;

    const slots = await hl.calendars.freeSlots({
      calendarId: 'cal1',
      start: new Date(start),
      end,
      timezone: 'America/Chicago',
      userIds: ['u1', 'u2'],
    });

    expect(script.sent).toHaveLength(3);
    const ranges = script.sent.map((s) => [
      Number(s.url.searchParams.get('startDate')),
      Number(s.url.searchParams.get('endDate')),
    ]);
    expect(ranges).toEqual([
      [start, start + 31 * DAY],
      [start + 31 * DAY, start + 62 * DAY],
      [start + 62 * DAY, end],
    ]);
    for (const sent of script.sent) {
      expect(sent.method).toBe('GET');
      expect(sent.url.pathname).toBe('/calendars/cal1/free-slots');
      expect(sent.headers.get('version')).toBe('2021-04-15');
      expect(sent.url.searchParams.get('timezone')).toBe('America/Chicago');
      expect(sent.url.searchParams.getAll('userIds')).toEqual(['u1', 'u2']);
    }

    // Days 0…70: the two boundary days came back from two calls each, and appear once.
    expect(slots).toHaveLength(71);
    expect(new Set(slots).size).toBe(71);
    expect(slots[0]).toBe('2025-01-01T10:00:00-05:00');
    expect(slots.at(-1)).toBe(utcMinus5(end + 15 * HOUR));
    expect([...slots].sort((a, b) => Date.parse(a) - Date.parse(b))).toEqual(slots);
    expect(slots.some((s) => s.startsWith('trace'))).toBe(false);
  });

  it('asks for at most two parts at once, and for none after the caller gives up', async () => {
    let inFlight = 0;
    let most = 0;
    let sent = 0;
    const gone = new AbortController();
    const fetch = async (_input: string | URL | Request, init?: RequestInit) => {
      sent++;
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      init?.signal?.throwIfAborted();
      return new Response('{}', { headers: { 'content-type': 'application/json' } });
    };
    const auth = privateIntegrationToken('pit-test', { locationId: 'loc1' });
    const hl = new HighLevel({ auth, fetch, rateLimit: false, retry: false });
    const range = { calendarId: 'cal1', start: 0, end: 200 * DAY };
    await hl.calendars.freeSlots(range);
    expect([sent, most]).toEqual([7, 2]);

    sent = 0;
    const abandoned = hl.calendars.freeSlots(range, { signal: gone.signal });
    gone.abort();
    await expect(abandoned).rejects.toThrow();
    expect(sent).toBeLessThanOrEqual(2);
  });

  it('asks once for a range within 31 days and keeps the slot strings untouched', async () => {
    const { hl, script } = client({
      body: {
        '2024-10-29': { slots: ['2024-10-29T10:00:00-05:00', '2024-10-29T14:30:00-05:00'] },
        '2024-10-28': { slots: ['2024-10-28T10:00:00-05:00'] },
        traceId: 'abc',
      },
    });
    const slots = await hl.calendars.freeSlots({
      calendarId: 'cal1',
      start: Date.UTC(2024, 9, 28),
      end: Date.UTC(2024, 9, 30),
    });
    expect(script.sent).toHaveLength(1);
    expect(script.sent[0]!.url.searchParams.has('timezone')).toBe(false);
    expect(slots).toEqual([
      '2024-10-28T10:00:00-05:00',
      '2024-10-29T10:00:00-05:00',
      '2024-10-29T14:30:00-05:00',
    ]);
  });

  it('sends nothing for an end before the start', async () => {
    const { hl, script } = client({ body: {} });
    await expect(
      hl.calendars.freeSlots({ calendarId: 'cal1', start: 2 * DAY, end: DAY }),
    ).rejects.toMatchObject({ code: 'validation' });
    expect(script.sent).toHaveLength(0);
  });
});

describe('calendars.list and get', () => {
  it('lists the calendars of a Location and gets one, unwrapped', async () => {
    const calendar = { id: 'cal1', name: 'Consults', locationId: 'loc1', slotDuration: 30 };
    const { hl, script } = client({ body: { calendars: [calendar] } }, { body: { calendar } });

    expect(await hl.calendars.list({ locationId: 'loc1', showDrafted: false })).toEqual([calendar]);
    expect(await hl.calendars.get('cal1')).toEqual(calendar);

    const [list, get] = script.sent;
    expect(list!.url.pathname).toBe('/calendars/');
    expect(Object.fromEntries(list!.url.searchParams)).toEqual({
      locationId: 'loc1',
      showDrafted: 'false',
    });
    expect(get!.url.pathname).toBe('/calendars/cal1');
    expect(script.sent.map((s) => s.headers.get('version'))).toEqual(['2021-04-15', '2021-04-15']);
  });
});
