/**
 * Rows for the Calendars & Appointments triggers: each makes or changes, through HighLevel's own
 * operations, what the trigger watches.
 */
import { calendarMake, WORKING_DAY } from './calendarActions.js';
import { A_MONDAY, type TriggerRow, type World } from './world.js';

const DAY_MS = 86_400_000;
/** The Monday the world's appointments and blocks fall on, as epoch ms from local midnight. */
const MONDAY_START = Date.parse(`${A_MONDAY}T00:00:00-05:00`);
const mondayRange = { startTime: String(MONDAY_START), endTime: String(MONDAY_START + DAY_MS) };

/** An appointment's `dateUpdated` is written to the second: let one pass before changing it. */
const aSecondLater = (w: World) => w.control.advanceClock(1000);

export const calendarTriggerRows: Record<string, TriggerRow> = {
  'list-calendar-groups': {
    input: () => ({}),
    change: async (w) => {
      await calendarMake(w).group();
    },
  },
  'list-calendars': {
    input: () => ({}),
    change: async (w) => {
      await calendarMake(w).calendar();
    },
  },
  'get-calendar-by-id': {
    input: async (w) => ({ calendarId: await calendarMake(w).calendar() }),
    change: async ({ hl }, input) => {
      await hl(
        'PUT',
        '/calendars/{calendarId}',
        { name: 'Renamed by staff' },
        {
          calendarId: input.calendarId as string,
        },
      );
    },
  },
  // A morning-only calendar opened for the whole day: the afternoon's slots appear.
  'get-free-slots': {
    input: async (w) => ({
      calendarId: await calendarMake(w).calendar(),
      startDate: MONDAY_START,
      endDate: MONDAY_START + DAY_MS - 1,
    }),
    change: async ({ hl }, input) => {
      await hl(
        'PUT',
        '/calendars/{calendarId}',
        { openHours: WORKING_DAY },
        {
          calendarId: input.calendarId as string,
        },
      );
    },
  },
  'list-calendar-events': {
    input: ({ calendarId }) => ({ calendarId, ...mondayRange }),
    change: async ({ make }) => {
      await make.appointment();
    },
  },
  'list-blocked-slots': {
    input: ({ calendarId }) => ({ calendarId, ...mondayRange }),
    change: async ({ make }) => {
      await make.blockSlot();
    },
  },
  'get-appointment': {
    input: async ({ make }) => ({ eventId: (await make.appointment()).id }),
    change: async (w, input) => {
      await aSecondLater(w);
      await w.hl(
        'PUT',
        '/calendars/events/appointments/{eventId}',
        { title: 'Moved room' },
        {
          eventId: input.eventId as string,
        },
      );
    },
  },
  'list-appointment-notes': {
    input: async ({ make }) => ({
      appointmentId: (await make.appointment()).id,
      limit: 20,
      offset: 0,
    }),
    change: async ({ make }, input) => {
      await make.appointmentNote(input.appointmentId as string);
    },
  },
  'list-calendar-notifications': {
    input: ({ calendarId }) => ({ calendarId }),
    change: async (w, input) => {
      await calendarMake(w).notification(input.calendarId as string);
    },
  },
  'get-calendar-notification': {
    input: async (w) => ({
      calendarId: w.calendarId,
      notificationId: await calendarMake(w).notification(),
    }),
    change: async ({ hl }, input) => {
      await hl(
        'PUT',
        '/calendars/{calendarId}/notifications/{notificationId}',
        { subject: 'Booked: see you soon' },
        {
          calendarId: input.calendarId as string,
          notificationId: input.notificationId as string,
        },
      );
    },
  },
  'list-calendar-resources': {
    input: () => ({ resourceType: 'rooms', limit: 100, skip: 0 }),
    change: async (w) => {
      await calendarMake(w).room();
    },
  },
  'get-calendar-resource': {
    input: async (w) => ({ resourceType: 'rooms', id: await calendarMake(w).room() }),
    change: async ({ hl }, input) => {
      await hl(
        'PUT',
        '/calendars/resources/{resourceType}/{id}',
        { capacity: 16 },
        {
          resourceType: input.resourceType as string,
          id: input.id as string,
        },
      );
    },
  },
};
