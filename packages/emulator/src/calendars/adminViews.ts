/**
 * Calendar groups, notifications and resources as HighLevel's endpoints answer them
 * (spec/highlevel/apps/calendars.json `GroupDTO`, `CalendarNotificationResponseDTO`,
 * `CalendarResourceByIdResponseDTO`). Notifications and resources carry their id as `_id`, the
 * only id field the spec gives either of them.
 */
import { compact } from '../webhooks/core/stamp.js';
import type {
  CalendarGroupRecord,
  CalendarNotificationRecord,
  CalendarResourceRecord,
} from './core/adminModel.js';

/** `GroupDTO`. */
export function groupView(group: CalendarGroupRecord) {
  const { id, locationId, name, description, slug, isActive } = group;
  return { id, locationId, name, description, slug, isActive };
}

/** `CalendarNotificationResponseDTO`: its own fields, with `_id`. */
export function notificationView(notification: CalendarNotificationRecord) {
  const { id, locationId: _location, calendarId: _calendar, ...fields } = notification;
  return compact({ _id: id, ...structuredClone(fields) });
}

/** `CalendarResourceByIdResponseDTO`, with `_id`. */
export function resourceView(resource: CalendarResourceRecord) {
  const { id, ...fields } = resource;
  return { _id: id, ...structuredClone(fields) };
}
