/** Calendar groups, calendar writes, calendar notifications and resources (calendars.json). */
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
  type ErrorCase,
} from './cases.js';
import { send, type Context, type OperationKey } from './context.js';
import { stringAt } from './fixtures.js';

const NUMBER_MESSAGE = (name: string) =>
  `${name} must be a number conforming to the specified constraints`;

async function newGroup(ctx: Context) {
  const slug = `group-${ctx.unique()}`;
  const body = { locationId: ctx.locationId, name: 'Massage', description: 'Rooms', slug };
  const res = await send(ctx, 'POST /calendars/groups', { body });
  return { groupId: stringAt(res, 'group', 'id'), slug };
}

async function newCalendar(ctx: Context) {
  const body = { locationId: ctx.locationId, name: `Calendar ${ctx.unique()}` };
  const res = await send(ctx, 'POST /calendars/', { body });
  return { calendarId: stringAt(res, 'calendar', 'id') };
}

const NOTIFICATION = { receiverType: 'contact', channel: 'email', notificationType: 'booked' };

async function newNotification(ctx: Context) {
  const { calendarId } = await newCalendar(ctx);
  const path = 'POST /calendars/{calendarId}/notifications';
  const res = await send(ctx, path, { params: { calendarId }, body: [NOTIFICATION] });
  return { calendarId, notificationId: stringAt(res, '0', '_id') };
}

const ROOM = {
  name: 'Yoga room',
  description: 'Second floor',
  quantity: 1,
  outOfService: 0,
  capacity: 12,
};

async function newRoom(ctx: Context) {
  const body = { locationId: ctx.locationId, ...ROOM, calendarIds: [ctx.calendarId] };
  const res = await send(ctx, 'POST /calendars/resources/{resourceType}', {
    params: { resourceType: 'rooms' },
    body,
  });
  return { id: stringAt(res, '_id') };
}

/** A `{resourceType}` outside the spec's enum. */
const unknownResourceType: ErrorCase<unknown> = {
  name: 'an unknown resourceType',
  request: (valid) => ({ ...valid, params: { ...valid.params, resourceType: 'desks' } }),
  status: 422,
  message: 'resourceType must be one of the following values: equipments, rooms',
};

export const calendarAdminCases: Record<OperationKey, ConformanceCase> = {
  'GET /calendars/groups': operationCase({
    prepare: newGroup,
    request: (ctx) => ({ query: { locationId: ctx.locationId } }),
    errors: [withoutQuery('locationId'), otherLocation],
  }),
  'POST /calendars/groups': operationCase({
    prepare: newGroup,
    request: (ctx) => ({
      body: {
        locationId: ctx.locationId,
        name: 'Facials',
        description: 'Facial treatments',
        slug: `facials-${ctx.unique()}`,
      },
    }),
    errors: [
      withBody<{ slug: string }>(
        'a slug another group has',
        (_ctx, { slug }) => ({ slug }),
        400,
        ({ slug }) => `Group slug ${slug} is already taken`,
      ),
      withoutField('slug'),
      unknownProperty,
      otherLocation,
    ],
  }),
  'PUT /calendars/groups/{groupId}': operationCase({
    prepare: newGroup,
    request: (_ctx, { groupId, slug }) => ({
      params: { groupId },
      body: { name: 'Spa', description: 'Spa rooms', slug },
    }),
    errors: [unknownId('groupId', 'Group'), withoutField('name'), unknownProperty],
  }),
  'PUT /calendars/groups/{groupId}/status': operationCase({
    prepare: newGroup,
    request: (_ctx, { groupId }) => ({ params: { groupId }, body: { isActive: false } }),
    errors: [unknownId('groupId', 'Group'), withoutField('isActive'), unknownProperty],
  }),
  'DELETE /calendars/groups/{groupId}': operationCase({
    prepare: newGroup,
    request: (_ctx, { groupId }) => ({ params: { groupId } }),
    errors: [unknownId('groupId', 'Group')],
  }),
  'POST /calendars/groups/validate-slug': operationCase({
    request: (ctx) => ({ body: { locationId: ctx.locationId, slug: 'free-slug' } }),
    errors: [withoutField('slug'), unknownProperty, otherLocation],
  }),
  'POST /calendars/': operationCase({
    request: (ctx) => ({
      body: {
        locationId: ctx.locationId,
        name: 'Follow-up',
        slotDuration: 15,
        openHours: [
          {
            daysOfTheWeek: [1, 3],
            hours: [{ openHour: 10, openMinute: 0, closeHour: 12, closeMinute: 0 }],
          },
        ],
      },
    }),
    errors: [
      withoutField('name'),
      withBody(
        'a negative slot duration',
        { slotDuration: -5 },
        422,
        'slotDuration must be a positive number',
      ),
      unknownBodyId('groupId', 'Group'),
      unknownProperty,
      otherLocation,
    ],
  }),
  'PUT /calendars/{calendarId}': operationCase({
    prepare: newCalendar,
    request: (_ctx, { calendarId }) => ({
      params: { calendarId },
      body: { name: 'Renamed', slotDuration: 45 },
    }),
    errors: [
      unknownId('calendarId', 'Calendar'),
      withBody(
        'a zero slot interval',
        { slotInterval: 0 },
        422,
        'slotInterval must be a positive number',
      ),
      unknownProperty,
    ],
  }),
  'DELETE /calendars/{calendarId}': operationCase({
    prepare: newCalendar,
    request: (_ctx, { calendarId }) => ({ params: { calendarId } }),
    errors: [unknownId('calendarId', 'Calendar')],
  }),
  'GET /calendars/{calendarId}/notifications': operationCase({
    prepare: newNotification,
    request: (_ctx, { calendarId }) => ({ params: { calendarId }, query: { isActive: 'true' } }),
    errors: [
      unknownId('calendarId', 'Calendar'),
      withQuery('limit', 'many', 422, NUMBER_MESSAGE('limit')),
    ],
  }),
  'POST /calendars/{calendarId}/notifications': operationCase({
    request: (ctx) => ({
      params: { calendarId: ctx.calendarId },
      body: [NOTIFICATION, { ...NOTIFICATION, notificationType: 'cancellation', channel: 'sms' }],
    }),
    errors: [
      unknownId('calendarId', 'Calendar'),
      {
        name: 'an item without its channel',
        request: (valid) => ({ ...valid, body: [{ ...NOTIFICATION, channel: undefined }] }),
        status: 422,
        message: '[0] channel should not be empty',
      },
      {
        name: 'an item with a property not in the DTO',
        request: (valid) => ({ ...valid, body: [{ ...NOTIFICATION, favouriteColour: 'teal' }] }),
        status: 422,
        message: '[0] property favouriteColour should not exist',
      },
    ],
  }),
  'GET /calendars/{calendarId}/notifications/{notificationId}': operationCase({
    prepare: newNotification,
    request: (_ctx, fx) => ({ params: fx }),
    errors: [unknownId('notificationId', 'Notification'), unknownId('calendarId', 'Calendar')],
  }),
  'PUT /calendars/{calendarId}/notifications/{notificationId}': operationCase({
    prepare: newNotification,
    request: (_ctx, fx) => ({ params: fx, body: { subject: 'Booked!', isActive: false } }),
    errors: [unknownId('notificationId', 'Notification'), unknownProperty],
  }),
  'DELETE /calendars/{calendarId}/notifications/{notificationId}': operationCase({
    prepare: newNotification,
    request: (_ctx, fx) => ({ params: fx }),
    errors: [unknownId('notificationId', 'Notification')],
  }),
  'GET /calendars/resources/{resourceType}': operationCase({
    prepare: newRoom,
    request: (ctx) => ({
      params: { resourceType: 'rooms' },
      query: { locationId: ctx.locationId, limit: '10', skip: '0' },
    }),
    errors: [withoutQuery('limit', NUMBER_MESSAGE('limit')), unknownResourceType, otherLocation],
  }),
  'POST /calendars/resources/{resourceType}': operationCase({
    request: (ctx) => ({
      params: { resourceType: 'equipments' },
      body: { locationId: ctx.locationId, ...ROOM, name: 'Projector', calendarIds: [] },
    }),
    errors: [
      withoutField('capacity'),
      withBody(
        'an unknown calendar',
        { calendarIds: ['NoSuchRecord00000001'] },
        400,
        'Calendar not found for id:NoSuchRecord00000001',
      ),
      unknownResourceType,
      unknownProperty,
      otherLocation,
    ],
  }),
  'GET /calendars/resources/{resourceType}/{id}': operationCase({
    prepare: newRoom,
    request: (_ctx, { id }) => ({ params: { resourceType: 'rooms', id } }),
    errors: [unknownId('id', 'Calendar resource'), unknownResourceType],
  }),
  'PUT /calendars/resources/{resourceType}/{id}': operationCase({
    prepare: newRoom,
    request: (_ctx, { id }) => ({ params: { resourceType: 'rooms', id }, body: { capacity: 20 } }),
    errors: [unknownId('id', 'Calendar resource'), unknownProperty],
  }),
  'DELETE /calendars/resources/{resourceType}/{id}': operationCase({
    prepare: newRoom,
    request: (_ctx, { id }) => ({ params: { resourceType: 'rooms', id } }),
    errors: [unknownId('id', 'Calendar resource')],
  }),
};
