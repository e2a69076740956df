/**
 * A calendar's notifications under `/calendars/{calendarId}/notifications`
 * (calendars.json `CreateCalendarNotificationDTO`, `CalendarNotificationResponseDTO`): list,
 * create several at once (the body is an array), read, update and delete. The emulator stores
 * them and sends nothing.
 */
import { notificationOf } from '../calendars/adminLookup.js';
import { notificationView } from '../calendars/adminViews.js';
import type { CalendarNotificationRecord } from '../calendars/core/adminModel.js';
import { calendarOf } from '../calendars/lookup.js';
import { dtoErrors, dtoRules, validBody } from '../dto.js';
import { unprocessable } from '../errors.js';
import { newId } from '../ids.js';
import { route, type RouteRequest } from '../runtime.js';

const createRules = dtoRules('calendars', 'CreateCalendarNotificationDTO');
const updateRules = dtoRules('calendars', 'UpdateCalendarNotificationsDTO');
/** [spec] `get-event-notification` `limit.default`. */
const DEFAULT_LIMIT = 100;

type Fields = Partial<CalendarNotificationRecord>;

/**
 * Each item checked as NestJS's `ParseArrayPipe` checks an array body: every problem at once,
 * each prefixed with its item's index (`[1] channel should not be empty`).
 */
function validItems(body: unknown): Fields[] {
  if (!Array.isArray(body)) throw unprocessable(['body must be an array']);
  const errors = body.flatMap((item, index) =>
    dtoErrors(createRules, item).map((message) => `[${index}] ${message}`),
  );
  if (errors.length > 0) throw unprocessable(errors);
  return body as Fields[];
}

/** A boolean query parameter (`true`/`false`), undefined when absent. */
function booleanQuery(query: URLSearchParams, name: string): boolean | undefined {
  const value = query.get(name);
  if (value === null || value === '') return undefined;
  if (value === 'true' || value === 'false') return value === 'true';
  throw unprocessable([`${name} must be a boolean value`]);
}

function numberQuery(query: URLSearchParams, name: string, fallback: number): number {
  const value = query.get(name);
  if (value === null || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    throw unprocessable([`${name} must be a number conforming to the specified constraints`]);
  }
  return number;
}

const calendarOfRequest = ({ params, location, rt }: RouteRequest) =>
  calendarOf(rt, location, params.calendarId!);

/**
 * Soft-deleted notifications are left out unless `deleted=true` asks for them (assumed); in
 * creation order.
 */
export const listCalendarNotificationsRoute = route(
  'GET',
  '/calendars/{calendarId}/notifications',
  (req) => {
    const calendar = calendarOfRequest(req);
    const { query, rt } = req;
    const isActive = booleanQuery(query, 'isActive');
    const deleted = booleanQuery(query, 'deleted') ?? false;
    const limit = numberQuery(query, 'limit', DEFAULT_LIMIT);
    const skip = numberQuery(query, 'skip', 0);
    const notifications = Object.values(rt.state.calendarNotifications).filter(
      (n) =>
        n.calendarId === calendar.id &&
        n.deleted === deleted &&
        (isActive === undefined || n.isActive === isActive),
    );
    return { status: 200, body: notifications.slice(skip, skip + limit).map(notificationView) };
  },
);

/** 200 with the created notifications, in the order sent. */
export const createCalendarNotificationsRoute = route(
  'POST',
  '/calendars/{calendarId}/notifications',
  (req) => {
    const calendar = calendarOfRequest(req);
    const created = validItems(req.body).map((fields): CalendarNotificationRecord => {
      const notification = {
        isActive: true,
        ...structuredClone(fields),
        id: newId(),
        locationId: calendar.locationId,
        calendarId: calendar.id,
        deleted: false,
      } as CalendarNotificationRecord;
      req.rt.state.calendarNotifications[notification.id] = notification;
      return notification;
    });
    return { status: 200, body: created.map(notificationView) };
  },
);

export const getCalendarNotificationRoute = route(
  'GET',
  '/calendars/{calendarId}/notifications/{notificationId}',
  (req) => {
    const notification = notificationOf(req.rt, calendarOfRequest(req), req.params.notificationId!);
    return { status: 200, body: notificationView(notification) };
  },
);

/** The sent fields replace the notification's; `deleted: true` is HighLevel's soft delete. */
export const updateCalendarNotificationRoute = route(
  'PUT',
  '/calendars/{calendarId}/notifications/{notificationId}',
  (req) => {
    const notification = notificationOf(req.rt, calendarOfRequest(req), req.params.notificationId!);
    Object.assign(notification, structuredClone(validBody(updateRules, req.body)));
    return { status: 200, body: { message: 'Notification updated successfully' } };
  },
);

export const deleteCalendarNotificationRoute = route(
  'DELETE',
  '/calendars/{calendarId}/notifications/{notificationId}',
  (req) => {
    const notification = notificationOf(req.rt, calendarOfRequest(req), req.params.notificationId!);
    delete req.rt.state.calendarNotifications[notification.id];
    return { status: 200, body: { message: 'Notification deleted successfully' } };
  },
);

export const calendarNotificationRoutes = [
  listCalendarNotificationsRoute,
  createCalendarNotificationsRoute,
  getCalendarNotificationRoute,
  updateCalendarNotificationRoute,
  deleteCalendarNotificationRoute,
];
