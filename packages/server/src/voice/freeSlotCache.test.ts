import { describe, expect, it } from 'vitest';
import { FreeSlotCache, type CalendarOpenings, type FreeSlotWindow } from './freeSlotCache.js';

const H = 3_600_000;
const T0 = Date.parse('2027-01-04T14:00:00Z');
const SLOTS = [0, 1, 2, 3, 4, 5].map((h) => new Date(T0 + h * H).toISOString());

function window(from: number, to: number, more: Partial<FreeSlotWindow> = {}): FreeSlotWindow {
  return { calendarId: 'cal_1', timezone: 'UTC', withBusy: false, from, to, ...more };
}

/** A fetch that counts its calls and answers every slot. */
function highLevel(openings: CalendarOpenings = { slots: SLOTS, busy: [] }) {
  const counter = {
    calls: 0,
    fetch: () => {
      counter.calls++;
      return Promise.resolve(openings);
    },
  };
  return counter;
}

describe('FreeSlotCache', () => {
  it('answers a window inside one fetched seconds ago without fetching, narrowed to it', async () => {
    const cache = new FreeSlotCache(30_000);
    const hl = highLevel();
    await cache.openings(window(T0, T0 + 5 * H), T0, hl.fetch);
    const inner = await cache.openings(window(T0 + H, T0 + 2 * H), T0 + 10_000, hl.fetch);
    expect(hl.calls).toBe(1);
    expect(inner.slots).toEqual([SLOTS[1], SLOTS[2]]);
  });

  it('fetches again for a wider window, after the time to live, and when asked fresh', async () => {
    const cache = new FreeSlotCache(30_000);
    const hl = highLevel();
    await cache.openings(window(T0, T0 + 2 * H), T0, hl.fetch);
    await cache.openings(window(T0, T0 + 3 * H), T0, hl.fetch);
    expect(hl.calls).toBe(2);
    await cache.openings(window(T0, T0 + 2 * H), T0 + 30_000, hl.fetch);
    expect(hl.calls).toBe(3);
    await cache.openings(window(T0, T0 + 2 * H), T0 + 30_001, hl.fetch, { fresh: true });
    expect(hl.calls).toBe(4);
  });

  it('keeps zones, calendars and reads with busy times apart', async () => {
    const cache = new FreeSlotCache();
    const hl = highLevel();
    await cache.openings(window(T0, T0 + H), T0, hl.fetch);
    await cache.openings(window(T0, T0 + H, { timezone: 'Europe/Paris' }), T0, hl.fetch);
    await cache.openings(window(T0, T0 + H, { calendarId: 'cal_2' }), T0, hl.fetch);
    await cache.openings(window(T0, T0 + H, { withBusy: true }), T0, hl.fetch);
    expect(hl.calls).toBe(4);
  });

  it('forgets a calendar the moment it changes, and only that calendar', async () => {
    const cache = new FreeSlotCache();
    const hl = highLevel();
    await cache.openings(window(T0, T0 + H), T0, hl.fetch);
    await cache.openings(window(T0, T0 + H, { calendarId: 'cal_2' }), T0, hl.fetch);
    cache.dropCalendar('cal_1');
    await cache.openings(window(T0, T0 + H), T0, hl.fetch);
    await cache.openings(window(T0, T0 + H, { calendarId: 'cal_2' }), T0, hl.fetch);
    expect(hl.calls).toBe(3);
  });

  it('shares one fetch between questions asked at once, and keeps no failed fetch', async () => {
    const cache = new FreeSlotCache();
    const hl = highLevel();
    await Promise.all([1, 2, 3].map(() => cache.openings(window(T0, T0 + H), T0, hl.fetch)));
    expect(hl.calls).toBe(1);

    const failing = () => Promise.reject(new Error('HighLevel is down'));
    const w = window(T0, T0 + H, { calendarId: 'cal_3' });
    await expect(cache.openings(w, T0, failing)).rejects.toThrow('HighLevel is down');
    await cache.openings(w, T0, hl.fetch);
    expect(hl.calls).toBe(2);
  });

  it('fetches again for the others when the question that started a shared fetch is abandoned', async () => {
    const cache = new FreeSlotCache();
    const hl = highLevel();
    const gone = new AbortController();
    const abandoned = () =>
      new Promise<CalendarOpenings>((_resolve, reject) => {
        gone.signal.addEventListener('abort', () => reject(new Error('aborted')));
      });
    const w = window(T0, T0 + H);
    const first = cache.openings(w, T0, abandoned, { signal: gone.signal });
    const second = cache.openings(w, T0, hl.fetch, { signal: new AbortController().signal });
    gone.abort();
    await expect(first).rejects.toThrow('aborted');
    expect((await second).slots).toEqual([SLOTS[0], SLOTS[1]]);
    expect(hl.calls).toBe(1);
  });
});
