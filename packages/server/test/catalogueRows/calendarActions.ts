/**
 * Rows for the calendar administration actions: calendar groups, calendars, their notifications,
 * and rooms and equipment. What they act on is made first through HighLevel's own operations,
 * as staff would make it (`calendarMake`).
 */
import { expect } from 'vitest';
import { byId, type ActionRow, type World } from './world.js';

export const MORNINGS = [
  {
    daysOfTheWeek: [1, 2, 3, 4, 5],
    hours: [{ openHour: 9, openMinute: 0, closeHour: 12, closeMinute: 0 }],
  },
];
export const WORKING_DAY = [
  {
    daysOfTheWeek: [1, 2, 3, 4, 5],
    hours: [{ openHour: 9, openMinute: 0, closeHour: 17, closeMinute: 0 }],
  },
];
const CONFIRMATION_EMAIL = {
  receiverType: 'contact',
  channel: 'email',
  notificationType: 'confirmation',
  subject: 'See you soon',
};
const YOGA_ROOM = {
  name: 'Yoga room',
  description: 'Second floor, mats provided',
  quantity: 1,
  outOfService: 0,
  capacity: 12,
};

let made = 0;

/**
 * Makes calendar groups, calendars, notifications and rooms in the world's Location through
 * HighLevel's operations, each with fresh names and slugs.
 */
export function calendarMake({ hl, ws, calendarId }: World) {
  const locationId = ws.locationId;
  return {
    async group(): Promise<{ id: string; slug: string }> {
      made += 1;
      const slug = `massage-${made}`;
      const body = { locationId, name: `Massage ${made}`, description: 'Massage rooms', slug };
      const res = await hl<{ group: { id: string } }>('POST', '/calendars/groups', body);
      return { id: res.group.id, slug };
    },
    async calendar(extra: Record<string, unknown> = {}): Promise<string> {
      made += 1;
      const body = { locationId, name: `Follow-up ${made}`, openHours: MORNINGS, ...extra };
      return (await hl<{ calendar: { id: string } }>('POST', '/calendars/', body)).calendar.id;
    },
    async notification(onCalendar = calendarId): Promise<string> {
      const res = await hl<{ _id: string }[]>(
        'POST',
        '/calendars/{calendarId}/notifications',
        [CONFIRMATION_EMAIL],
        { calendarId: onCalendar },
      );
      return res[0]!._id;
    },
    async room(): Promise<string> {
      const body = { locationId, ...YOGA_ROOM, calendarIds: [calendarId] };
      const res = await hl<{ _id: string }>('POST', '/calendars/resources/{resourceType}', body, {
        resourceType: 'rooms',
      });
      return res._id;
    },
  };
}

export const calendarActionRows: Record<string, ActionRow> = {
  'create-calendar-group': {
    input: () => ({ name: 'Facials', description: 'Facial treatments', slug: 'facials' }),
    check: (state, _, result) => {
      const id = (result.group as { id: string }).id;
      expect(byId(state.calendarGroups, id)).toMatchObject({
        name: 'Facials',
        slug: 'facials',
        isActive: true,
      });
    },
  },
  'update-calendar-group': {
    input: async (w) => ({
      groupId: (await calendarMake(w).group()).id,
      name: 'Spa',
      description: 'Spa rooms',
      slug: 'spa',
    }),
    check: (state, input) =>
      expect(byId(state.calendarGroups, input.groupId)).toMatchObject({ name: 'Spa', slug: 'spa' }),
  },
  'update-group-status': {
    input: async (w) => ({ groupId: (await calendarMake(w).group()).id, isActive: false }),
    check: (state, input) =>
      expect(byId(state.calendarGroups, input.groupId)?.isActive).toBe(false),
  },
  'delete-calendar-group': {
    input: async (w) => ({ groupId: (await calendarMake(w).group()).id }),
    check: (state, input) => expect(byId(state.calendarGroups, input.groupId)).toBeUndefined(),
  },
  'validate-group-slug': {
    input: async (w) => ({ slug: (await calendarMake(w).group()).slug }),
    check: (_state, _input, result) => expect(result).toEqual({ available: false }),
  },
  'create-calendar': {
    input: () => ({ name: 'Follow-up visits', slotDuration: 15, openHours: WORKING_DAY }),
    check: (state, _, result) => {
      const id = (result.calendar as { id: string }).id;
      expect(byId(state.calendars, id)).toMatchObject({
        name: 'Follow-up visits',
        slotDuration: 15,
        openHours: WORKING_DAY,
      });
    },
  },
  'update-calendar': {
    input: async (w) => ({
      calendarId: await calendarMake(w).calendar(),
      name: 'Follow-ups, all day',
      openHours: WORKING_DAY,
    }),
    check: (state, input) =>
      expect(byId(state.calendars, input.calendarId)).toMatchObject({
        name: 'Follow-ups, all day',
        openHours: WORKING_DAY,
      }),
  },
  'delete-calendar': {
    input: async (w) => ({ calendarId: await calendarMake(w).calendar() }),
    check: (state, input) => expect(byId(state.calendars, input.calendarId)).toBeUndefined(),
  },
  'create-calendar-notification': {
    input: async (w) => ({
      calendarId: await calendarMake(w).calendar(),
      body: [
        CONFIRMATION_EMAIL,
        {
          receiverType: 'assignedUser',
          channel: 'sms',
          notificationType: 'reminder',
          beforeTime: [{ timeOffset: 1, unit: 'hours' }],
        },
      ],
    }),
    check: (state, input) =>
      expect(
        state.calendarNotifications.filter((n) => n.calendarId === input.calendarId),
      ).toMatchObject([
        { channel: 'email', notificationType: 'confirmation', isActive: true },
        { channel: 'sms', notificationType: 'reminder', beforeTime: [{ timeOffset: 1 }] },
      ]),
  },
  'update-notification': {
    input: async (w) => {
      const calendarId = await calendarMake(w).calendar();
      return {
        calendarId,
        notificationId: await calendarMake(w).notification(calendarId),
        subject: 'Your visit is booked',
        isActive: false,
      };
    },
    check: (state, input) =>
      expect(byId(state.calendarNotifications, input.notificationId)).toMatchObject({
        subject: 'Your visit is booked',
        isActive: false,
      }),
  },
  'delete-notification': {
    input: async (w) => {
      const calendarId = await calendarMake(w).calendar();
      return { calendarId, notificationId: await calendarMake(w).notification(calendarId) };
    },
    check: (state, input) =>
      expect(byId(state.calendarNotifications, input.notificationId)).toBeUndefined(),
  },
  'create-calendar-resource': {
    input: ({ calendarId }) => ({
      resourceType: 'equipments',
      name: 'Projector',
      description: 'Ceiling projector',
      quantity: 2,
      outOfService: 0,
      capacity: 0,
      calendarIds: [calendarId],
    }),
    check: (state, input, result) =>
      expect(byId(state.calendarResources, result._id)).toMatchObject({
        resourceType: 'equipments',
        name: 'Projector',
        quantity: 2,
        calendarIds: input.calendarIds,
      }),
  },
  'update-calendar-resource': {
    input: async (w) => ({
      resourceType: 'rooms',
      id: await calendarMake(w).room(),
      capacity: 20,
      outOfService: 1,
    }),
    check: (state, input) =>
      expect(byId(state.calendarResources, input.id)).toMatchObject({
        capacity: 20,
        outOfService: 1,
        name: 'Yoga room',
      }),
  },
  'delete-calendar-resource': {
    input: async (w) => ({ resourceType: 'rooms', id: await calendarMake(w).room() }),
    check: (state, input) => expect(byId(state.calendarResources, input.id)).toBeUndefined(),
  },
};
