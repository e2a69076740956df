import type { CallOptions } from '../types.js';
import {
  deleteCalendarEvent,
  listCalendarEvents,
  type CalendarEvent,
  type EventRangeParams,
} from './calendarEvents.js';
import { Resource, type CalendarSchemas } from './resource.js';

/** The spec types `startTime`/`endTime` as empty objects; they are ISO strings with offset. */
export type BlockedSlot = Omit<
  CalendarSchemas['BlockedSlotSuccessfulResponseDto'],
  'startTime' | 'endTime'
> & { startTime: string; endTime: string };

/**
 * A block on a calendar or on a user, not both ("Either calendarId or assignedUserId can be set,
 * not both" in `BlockSlotCreateRequestDTO`, although the spec marks `calendarId` required).
 * Times are ISO 8601 with offset.
 */
export type BlockedSlotInput = Omit<
  CalendarSchemas['BlockSlotCreateRequestDTO'],
  'calendarId' | 'assignedUserId'
> &
  ({ calendarId: string; assignedUserId?: never } | { assignedUserId: string; calendarId?: never });

/**
 * Blocked time: slots a calendar or user cannot be booked in (`apps/calendars.json`,
 * Version 2021-04-15).
 */
export class BlockedSlots extends Resource {
  /**
   * @example
   * const blocks = await hl.blockedSlots.list({ locationId, userId, startTime: Date.now(), endTime: Date.now() + 7 * 86_400_000 });
   */
  list(params: EventRangeParams, options: CallOptions = {}): Promise<CalendarEvent[]> {
    return listCalendarEvents(this.client, '/calendars/blocked-slots', params, options);
  }

  /**
   * @example
   * await hl.blockedSlots.create({ locationId, calendarId, title: 'Lunch', startTime: '2025-03-03T12:00:00-06:00', endTime: '2025-03-03T13:00:00-06:00' });
   */
  async create(input: BlockedSlotInput, options: CallOptions = {}): Promise<BlockedSlot> {
    const res = await this.client.request('POST', '/calendars/events/block-slots', {
      ...options,
      body: input as CalendarSchemas['BlockSlotCreateRequestDTO'],
    });
    return res as unknown as BlockedSlot;
  }

  /** @example await hl.blockedSlots.update(eventId, { locationId, calendarId, endTime: '2025-03-03T13:30:00-06:00' }); */
  async update(
    eventId: string,
    input: BlockedSlotInput,
    options: CallOptions = {},
  ): Promise<BlockedSlot> {
    const res = await this.client.request('PUT', '/calendars/events/block-slots/{eventId}', {
      ...options,
      path: { eventId },
      body: input as CalendarSchemas['BlockSlotEditRequestDTO'],
    });
    return res as unknown as BlockedSlot;
  }

  /** Removes the block (a blocked slot is a calendar event). @example await hl.blockedSlots.delete(eventId); */
  delete(eventId: string, options: CallOptions = {}): Promise<void> {
    return deleteCalendarEvent(this.client, eventId, options);
  }
}
