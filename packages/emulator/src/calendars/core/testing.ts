// Builders for the calendar unit tests: calendars go through the real normalizeCalendarInput, so
// the tests see HighLevel's defaults exactly as stored calendars do.
import { normalizeCalendarInput } from './calendarInput.js';
import type { BlockedSlot, Calendar, CalendarEvent, Hours } from './model.js';

export const NEW_YORK = 'America/New_York';
export const LONDON = 'Europe/London';
export const WEEKDAYS = [1, 2, 3, 4, 5];
export const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

/** `hours('09:00', '17:00')` */
export function hours(open: string, close: string): Hours {
  const [openHour = 0, openMinute = 0] = open.split(':').map(Number);
  const [closeHour = 0, closeMinute = 0] = close.split(':').map(Number);
  return { openHour, openMinute, closeHour, closeMinute };
}

/** A calendar open 09:00-12:00 Monday to Friday unless `body` says otherwise. */
export function testCalendar(body: Record<string, unknown> = {}): Calendar {
  const result = normalizeCalendarInput(
    {
      name: 'Consultation',
      openHours: [{ daysOfTheWeek: WEEKDAYS, hours: [hours('09:00', '12:00')] }],
      ...body,
    },
    { id: 'cal_1', locationId: 'loc_1' },
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.calendar;
}

let sequence = 0;

/** An appointment on `cal_1` between two ISO instants. */
export function appointment(
  start: string,
  end: string,
  extra: Partial<CalendarEvent> = {},
): CalendarEvent {
  sequence += 1;
  return {
    id: `evt_${sequence}`,
    calendarId: 'cal_1',
    locationId: 'loc_1',
    contactId: 'contact_1',
    title: 'Booked',
    appointmentStatus: 'confirmed',
    users: [],
    startTime: Date.parse(start),
    endTime: Date.parse(end),
    dateAdded: 0,
    dateUpdated: 0,
    ...extra,
  };
}

/** A blocked slot on `cal_1` between two ISO instants. */
export function blocked(start: string, end: string, extra: Partial<BlockedSlot> = {}): BlockedSlot {
  sequence += 1;
  return {
    id: `blk_${sequence}`,
    locationId: 'loc_1',
    calendarId: 'cal_1',
    title: 'Blocked',
    startTime: Date.parse(start),
    endTime: Date.parse(end),
    ...extra,
  };
}
