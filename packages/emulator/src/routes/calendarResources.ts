/**
 * Rooms and equipment under `/calendars/resources/{resourceType}` (calendars.json
 * `CreateCalendarResourceDTO`, `CalendarResourceByIdResponseDTO`): list, create (201), read,
 * update, delete. `resourceType` is `rooms` or `equipments`; the calendars a resource names must be
 * the Location's.
 */
import { resourceOf, resourceTypeOf } from '../calendars/adminLookup.js';
import { resourceView } from '../calendars/adminViews.js';
import type { CalendarResourceRecord } from '../calendars/core/adminModel.js';
import { calendarOf } from '../calendars/lookup.js';
import { requiredQuery } from '../calendars/requiredQuery.js';
import { dtoRules, validBody } from '../dto.js';
import { unprocessable } from '../errors.js';
import { newId } from '../ids.js';
import { route, type RouteRequest } from '../runtime.js';

const createRules = dtoRules('calendars', 'CreateCalendarResourceDTO');
const updateRules = dtoRules('calendars', 'UpdateCalendarResourceDTO');
/** [spec] `CreateCalendarResourceDTO.calendarIds.maxItems`. */
const MAX_CALENDARS = 100;

/** The body's `calendarIds`, each a calendar of the Location (400/403 as `calendarOf`). */
function calendarIdsOf({ location, rt }: RouteRequest, value: unknown): string[] {
  const ids = value as unknown[];
  if (ids.length > MAX_CALENDARS) {
    throw unprocessable([`calendarIds must contain no more than ${MAX_CALENDARS} elements`]);
  }
  if (!ids.every((id) => typeof id === 'string')) {
    throw unprocessable(['each value in calendarIds must be a string']);
  }
  return [...new Set(ids)].map((id) => calendarOf(rt, location, id).id);
}

const resourceOfRequest = (req: RouteRequest) =>
  resourceOf(req.rt, req.location, resourceTypeOf(req.params.resourceType!), req.params.id!);

/** In creation order, `skip` then `limit` (both required by the spec). */
export const listCalendarResourcesRoute = route(
  'GET',
  '/calendars/resources/{resourceType}',
  ({ params, query, location, rt }) => {
    const type = resourceTypeOf(params.resourceType!);
    const { limit, skip } = requiredQuery(query, {
      strings: ['locationId'],
      numbers: ['limit', 'skip'],
    });
    const resources = Object.values(rt.state.calendarResources).filter(
      (r) => r.locationId === location.id && r.resourceType === type,
    );
    return { status: 200, body: resources.slice(skip, skip + limit).map(resourceView) };
  },
);

export const createCalendarResourceRoute = route(
  'POST',
  '/calendars/resources/{resourceType}',
  (req) => {
    const resourceType = resourceTypeOf(req.params.resourceType!);
    const input = validBody(createRules, req.body);
    const resource: CalendarResourceRecord = {
      id: newId(),
      locationId: req.location.id,
      resourceType,
      name: input.name as string,
      description: input.description as string,
      quantity: input.quantity as number,
      outOfService: input.outOfService as number,
      capacity: input.capacity as number,
      calendarIds: calendarIdsOf(req, input.calendarIds),
      isActive: true,
    };
    req.rt.state.calendarResources[resource.id] = resource;
    return { status: 201, body: resourceView(resource) };
  },
);

export const getCalendarResourceRoute = route(
  'GET',
  '/calendars/resources/{resourceType}/{id}',
  (req) => ({ status: 200, body: resourceView(resourceOfRequest(req)) }),
);

/** The sent fields replace the resource's. */
export const updateCalendarResourceRoute = route(
  'PUT',
  '/calendars/resources/{resourceType}/{id}',
  (req) => {
    const resource = resourceOfRequest(req);
    const { locationId: _sameLocation, calendarIds, ...fields } = validBody(updateRules, req.body);
    const changes: Partial<CalendarResourceRecord> = {
      ...(fields as Partial<CalendarResourceRecord>),
      ...(calendarIds === undefined ? {} : { calendarIds: calendarIdsOf(req, calendarIds) }),
    };
    Object.assign(resource, changes);
    return { status: 200, body: resourceView(resource) };
  },
);

export const deleteCalendarResourceRoute = route(
  'DELETE',
  '/calendars/resources/{resourceType}/{id}',
  (req) => {
    const resource = resourceOfRequest(req);
    delete req.rt.state.calendarResources[resource.id];
    return { status: 200, body: { success: true } };
  },
);

export const calendarResourceRoutes = [
  listCalendarResourcesRoute,
  createCalendarResourceRoute,
  getCalendarResourceRoute,
  updateCalendarResourceRoute,
  deleteCalendarResourceRoute,
];
