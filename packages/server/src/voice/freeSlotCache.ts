/**
 * HighLevel's free slots (and the calendar's busy times, for buffers), kept for a few seconds so a
 * caller's follow-up question ("and Thursday?") costs no HighLevel request while the voice agent
 * waits (docs/architecture.md#voice-booking). What is kept for a calendar is dropped the moment
 * ghl-bridge books, moves or cancels an appointment on it; the booking's final slot check never
 * reads it, so a slot taken elsewhere in the meantime is caught there and answered with
 * alternatives.
 *
 * A fetch covers a window of time; a later question inside a window already fetched is answered
 * from it. Questions asked at the same moment share one fetch.
 */

export interface Interval {
  start: string;
  end: string;
}

/** What one fetch returns: the free slots HighLevel offered and the calendar's busy times. */
export interface CalendarOpenings {
  slots: string[];
  busy: Interval[];
}

interface Entry {
  /** Epoch ms covered, both ends inclusive, as HighLevel's free-slots range is. */
  from: number;
  to: number;
  until: number;
  openings: Promise<CalendarOpenings>;
  /** The signal of the request that started the fetch. */
  signal: AbortSignal | undefined;
}

export interface FreeSlotWindow {
  calendarId: string;
  /** The team member whose slots these are; none: the calendar's. */
  userId?: string;
  /** The zone the slots' offsets are written in (HighLevel answers in the asked zone). */
  timezone: string;
  /** Whether the busy times are read too (only rules with a buffer need them). */
  withBusy: boolean;
  from: number;
  to: number;
}

/** How long fetched openings are answered from memory. */
export const FREE_SLOT_CACHE_MS = 30_000;
/** Windows kept per calendar and zone; the oldest goes first. */
const WINDOWS_PER_CALENDAR = 8;

export class FreeSlotCache {
  private readonly entries = new Map<string, Entry[]>();

  constructor(private readonly ttlMs = FREE_SLOT_CACHE_MS) {}

  /**
   * The openings in `window`, from memory when a fresh fetch covers it, else from `fetch`
   * (kept for the next question). `fresh` always fetches, and keeps what it read. `signal` is
   * the asking request's: a shared fetch its starter gave up on is made again for the others.
   *
   * @example const { slots } = await cache.openings(window, now, () => readHighLevel(window));
   */
  async openings(
    window: FreeSlotWindow,
    now: number,
    fetch: () => Promise<CalendarOpenings>,
    { fresh = false, signal }: { fresh?: boolean; signal?: AbortSignal } = {},
  ): Promise<CalendarOpenings> {
    const key = [window.calendarId, window.userId ?? '', window.timezone, window.withBusy].join(
      '\u0000',
    );
    const live = (this.entries.get(key) ?? []).filter((entry) => entry.until > now);
    const hit = fresh
      ? undefined
      : live.find((entry) => entry.from <= window.from && entry.to >= window.to);
    if (hit) {
      try {
        return within(await hit.openings, window);
      } catch (error) {
        if (!hit.signal?.aborted || signal?.aborted) throw error;
      }
    }

    const entry: Entry = {
      from: window.from,
      to: window.to,
      until: now + this.ttlMs,
      openings: fetch(),
      signal,
    };
    const kept = live.filter((e) => e !== hit);
    this.entries.set(key, [...kept, entry].slice(-WINDOWS_PER_CALENDAR));
    entry.openings.catch(() => this.forget(key, entry));
    return within(await entry.openings, window);
  }

  /**
   * Forgets everything kept for a calendar, including fetches still on their way.
   *
   * @example await hl.appointments.create(input); cache.dropCalendar(calendarId);
   */
  dropCalendar(calendarId: string): void {
    for (const key of this.entries.keys()) {
      if (key.startsWith(`${calendarId}\u0000`)) this.entries.delete(key);
    }
  }

  private forget(key: string, entry: Entry): void {
    const rest = (this.entries.get(key) ?? []).filter((e) => e !== entry);
    if (rest.length) this.entries.set(key, rest);
    else this.entries.delete(key);
  }
}

/** The slots of a wider fetch that fall in `window` (busy times are only compared against). */
function within(openings: CalendarOpenings, window: FreeSlotWindow): CalendarOpenings {
  const slots = openings.slots.filter((slot) => {
    const at = Date.parse(slot);
    return at >= window.from && at <= window.to;
  });
  return { slots, busy: openings.busy };
}
