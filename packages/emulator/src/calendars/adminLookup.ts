/**
 * Finding a Location's calendar groups, calendar notifications and calendar resources by id,
 * with the errors the other calendar lookups answer: 400 `<Thing> not found for id:<id>`
 * (lookup.ts), 403 for another Location's.
 */
import { badRequest, unprocessable, wrongLocation } from '../errors.js';
import type { LocationRecord } from '../locations/model.js';
import type { Runtime } from '../runtime.js';
import {
  RESOURCE_TYPES,
  type CalendarGroupRecord,
  type CalendarNotificationRecord,
  type CalendarResourceRecord,
  type ResourceType,
} from './core/adminModel.js';
import type { Calendar } from './core/model.js';

export function groupOf(rt: Runtime, location: LocationRecord, id: string): CalendarGroupRecord {
  const group = rt.state.calendarGroups[id];
  if (!group) throw badRequest(`Group not found for id:${id}`);
  if (group.locationId !== location.id) throw wrongLocation();
  return group;
}

/** A notification of `calendar`; one of another calendar is not found. */
export function notificationOf(
  rt: Runtime,
  calendar: Calendar,
  id: string,
): CalendarNotificationRecord {
  const notification = rt.state.calendarNotifications[id];
  if (notification?.calendarId !== calendar.id) {
    throw badRequest(`Notification not found for id:${id}`);
  }
  return notification;
}

/** The `{resourceType}` path parameter, checked against the spec's enum (422 otherwise). */
export function resourceTypeOf(value: string): ResourceType {
  const type = RESOURCE_TYPES.find((t) => t === value);
  if (!type) {
    throw unprocessable([
      `resourceType must be one of the following values: ${RESOURCE_TYPES.join(', ')}`,
    ]);
  }
  return type;
}

/** A resource of `type`; a room asked for as equipment (or the reverse) is not found. */
export function resourceOf(
  rt: Runtime,
  location: LocationRecord,
  type: ResourceType,
  id: string,
): CalendarResourceRecord {
  const resource = rt.state.calendarResources[id];
  if (resource?.resourceType !== type) {
    throw badRequest(`Calendar resource not found for id:${id}`);
  }
  if (resource.locationId !== location.id) throw wrongLocation();
  return resource;
}
