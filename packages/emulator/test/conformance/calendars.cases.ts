/** Calendars, free slots, appointments, event ranges and blocked slots (calendars.json). */
import { DAY_MS, est, T0 } from '../calendars.js';
import {
  operationCase,
  otherLocation,
  unknownBodyId,
  unknownId,
  unknownProperty,
  withBody,
  withoutField,
  withoutQuery,
  withQuery,
  type ConformanceCase,
} from './cases.js';
import type { Context, OperationKey } from './context.js';
import { newAppointment, newBlockedSlot, newContact } from './fixtures.js';

const SLOT_TAKEN = 'The slot you have selected is no longer available.';
const NUMBER_MESSAGE = (name: string) =>
  `${name} must be a number conforming to the specified constraints`;

/** The week of T0 on the context's calendar, as `/calendars/events` takes it (epoch ms). */
const weekOf = (ctx: Context) => ({
  query: {
    locationId: ctx.locationId,
    calendarId: ctx.calendarId,
    startTime: String(T0),
    endTime: String(T0 + 7 * DAY_MS),
  },
});

/** Listing events and listing blocked slots take the same query and fail the same ways. */
const rangeErrors = [
  withoutQuery('calendarId', 'Either of calendarId, userId or groupId is required', 400),
  withoutQuery('startTime', NUMBER_MESSAGE('startTime')),
  otherLocation,
];

const blockBody = (ctx: Context) => ({
  calendarId: ctx.calendarId,
  locationId: ctx.locationId,
  title: 'Staff training',
  startTime: '2026-03-07T14:00:00-05:00',
  endTime: '2026-03-07T16:00:00-05:00',
});

export const calendarCases: Record<OperationKey, ConformanceCase> = {
  'GET /calendars/': operationCase({
    request: (ctx) => ({ query: { locationId: ctx.locationId } }),
    errors: [withoutQuery('locationId'), otherLocation],
  }),
  'GET /calendars/{calendarId}': operationCase({
    request: (ctx) => ({ params: { calendarId: ctx.calendarId } }),
    errors: [unknownId('calendarId', 'Calendar')],
  }),
  'GET /calendars/{calendarId}/free-slots': operationCase({
    request: (ctx) => ({
      params: { calendarId: ctx.calendarId },
      query: {
        startDate: String(est('2026-03-02T00:00:00')),
        endDate: String(est('2026-03-06T23:59:59')),
        timezone: 'America/Chicago',
      },
    }),
    errors: [
      unknownId('calendarId', 'Calendar'),
      withoutQuery('startDate', NUMBER_MESSAGE('startDate')),
      withQuery(
        'endDate',
        String(est('2026-03-02T00:00:00') + 32 * DAY_MS),
        400,
        'Date range cannot be more than 31 days',
      ),
    ],
  }),
  'POST /calendars/events/appointments': operationCase({
    prepare: async (ctx) => ({
      contactId: (await newContact(ctx)).contactId,
      taken: (await newAppointment(ctx)).startTime,
      startTime: ctx.nextSlot(),
    }),
    request: (ctx, { contactId, startTime }) => ({
      body: { calendarId: ctx.calendarId, locationId: ctx.locationId, contactId, startTime },
    }),
    errors: [
      withBody<{ taken: string }>(
        'a slot already booked',
        (_ctx, { taken }) => ({ startTime: taken }),
        400,
        SLOT_TAKEN,
      ),
      unknownBodyId('calendarId', 'Calendar'),
      unknownBodyId('contactId', 'Contact'),
      withoutField('startTime'),
      unknownProperty,
      otherLocation,
    ],
  }),
  'GET /calendars/events/appointments/{eventId}': operationCase({
    prepare: newAppointment,
    request: (_ctx, { eventId }) => ({ params: { eventId } }),
    errors: [unknownId('eventId', 'Event')],
  }),
  'PUT /calendars/events/appointments/{eventId}': operationCase({
    // An appointment to move, another holding a slot, and a free slot to move to.
    prepare: async (ctx) => ({
      eventId: (await newAppointment(ctx)).eventId,
      taken: (await newAppointment(ctx)).startTime,
      free: ctx.nextSlot(),
    }),
    request: (_ctx, { eventId, free }) => ({
      params: { eventId },
      body: { startTime: free, appointmentStatus: 'confirmed' },
    }),
    errors: [
      unknownId('eventId', 'Event'),
      withBody<{ taken: string }>(
        "another appointment's slot",
        (_ctx, { taken }) => ({ startTime: taken }),
        400,
        SLOT_TAKEN,
      ),
      unknownProperty,
    ],
  }),
  'GET /calendars/events': operationCase({
    prepare: newAppointment,
    request: weekOf,
    errors: rangeErrors,
  }),
  'DELETE /calendars/events/{eventId}': operationCase({
    prepare: newAppointment,
    // The spec declares an (empty) JSON body.
    request: (_ctx, { eventId }) => ({ params: { eventId }, body: {} }),
    errors: [unknownId('eventId', 'Event'), unknownProperty],
  }),
  'GET /calendars/blocked-slots': operationCase({
    prepare: newBlockedSlot,
    request: weekOf,
    errors: rangeErrors,
  }),
  'POST /calendars/events/block-slots': operationCase({
    request: (ctx) => ({ body: blockBody(ctx) }),
    errors: [
      unknownBodyId('calendarId', 'Calendar'),
      withBody(
        'both a calendar and a user',
        (ctx) => ({ assignedUserId: ctx.userId }),
        422,
        'Either calendarId or assignedUserId can be set, not both',
      ),
      withoutField('startTime'),
      unknownProperty,
      otherLocation,
    ],
  }),
  'PUT /calendars/events/block-slots/{eventId}': operationCase({
    prepare: newBlockedSlot,
    request: (ctx, { eventId }) => ({
      params: { eventId },
      body: { locationId: ctx.locationId, title: 'Stocktake' },
    }),
    errors: [unknownId('eventId', 'Event'), withoutField('locationId'), unknownProperty],
  }),
};
