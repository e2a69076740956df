import type { Paths } from '../generated/index.js';
import type { CallOptions } from '../types.js';
import { mergeSlots, slotsOfDays, splitRange } from './freeSlots.js';
import { Resource, epochMs, type CalendarSchemas } from './resource.js';

export type Calendar = CalendarSchemas['CalendarDTO'];
export type CalendarListParams = Paths['/calendars/']['get']['parameters']['query'];

export interface FreeSlotsParams {
  calendarId: string;
  start: Date | number;
  /**
   * Any distance from `start`: ranges over HighLevel's 31-day limit are fetched in parts, two at
   * a time.
   */
  end: Date | number;
  /**
   * IANA zone of the returned slots' offsets. HighLevel does not document the zone used without
   * it, so a caller speaking to a person in a known zone should pass that zone.
   */
  timezone?: string;
  /** Only slots this user is free in. */
  userId?: string;
  userIds?: string[];
}

/** How many parts of a long free-slots range are asked for at once. */
const FREE_SLOTS_CONCURRENCY = 2;

/** Calendars and their availability (`apps/calendars.json`, Version 2021-04-15). */
export class Calendars extends Resource {
  /** @example const calendars = await hl.calendars.list({ locationId }); */
  async list(params: CalendarListParams, options: CallOptions = {}): Promise<Calendar[]> {
    const res = await this.client.request('GET', '/calendars/', { ...options, query: params });
    return res.calendars ?? [];
  }

  /** @example const { slotDuration, slotDurationUnit } = await hl.calendars.get(calendarId); */
  async get(calendarId: string, options: CallOptions = {}): Promise<Calendar> {
    const res = await this.client.request('GET', '/calendars/{calendarId}', {
      ...options,
      path: { calendarId },
    });
    return res.calendar;
  }

  /**
   * The start of every free slot between `start` and `end`, in time order, each string exactly as
   * HighLevel gave it (ISO 8601 with offset). Book one by passing it unchanged as `startTime` to
   * `appointments.create` (see `mergeSlots` for why it must not be re-serialised).
   *
   * @example
   * const slots = await hl.calendars.freeSlots({
   *   calendarId, start: new Date(), end: Date.now() + 7 * 86_400_000, timezone: 'America/Chicago',
   * });
   * // ['2024-10-28T10:00:00-05:00', '2024-10-28T11:00:00-05:00', …]
   */
  async freeSlots(params: FreeSlotsParams, options: CallOptions = {}): Promise<string[]> {
    const { calendarId, start, end, ...filters } = params;
    const ranges = splitRange(epochMs(start), epochMs(end));
    const answers: unknown[] = [];
    let next = 0;
    let failed = false;
    // A few parts at a time: a long range must not take the Location's whole rate limit at once,
    // and after a failure (an abort included) no further part is asked for.
    const worker = async () => {
      while (!failed && next < ranges.length) {
        const index = next++;
        const [startDate, endDate] = ranges[index]!;
        try {
          answers[index] = await this.client.request('GET', '/calendars/{calendarId}/free-slots', {
            ...options,
            path: { calendarId },
            query: { ...filters, startDate, endDate },
          });
        } catch (error) {
          failed = true;
          throw error;
        }
      }
    };
    const workers = Math.min(FREE_SLOTS_CONCURRENCY, ranges.length);
    await Promise.all(Array.from({ length: workers }, worker));
    return mergeSlots(answers.map(slotsOfDays));
  }
}
