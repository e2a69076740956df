/**
 * Blocked slots: `GET /calendars/blocked-slots`, `POST /calendars/events/block-slots` and
 * `PUT /calendars/events/block-slots/{eventId}` (calendars.json `BlockSlotCreateRequestDTO`,
 * `BlockedSlotSuccessfulResponseDto`). A block belongs to a calendar or to a user, "not both";
 * free-slots and bookings leave its time out.
 */
import { blockedSlotOf, calendarOf, calendarZone } from '../calendars/lookup.js';
import { blockedSlotEventView, blockedSlotView } from '../calendars/views.js';
import { parseInstant } from '../calendars/core/times.js';
import { dtoRules, validBody, type DtoRules } from '../dto.js';
import { badRequest, unprocessable } from '../errors.js';
import { newId } from '../ids.js';
import { route, type RouteRequest } from '../runtime.js';
import type { BlockedSlotRecord } from '../calendars/core/model.js';
import { eventRangeOf, inRange } from './calendarEvents.js';

/**
 * The spec marks `calendarId` required while its own description lets `assignedUserId` replace
 * it ("Either calendarId or assignedUserId can be set, not both"); see DEVIATIONS.md.
 */
function withoutRequiredCalendar(rules: DtoRules): DtoRules {
  return { ...rules, required: rules.required.filter((name) => name !== 'calendarId') };
}
const createRules = withoutRequiredCalendar(dtoRules('calendars', 'BlockSlotCreateRequestDTO'));
const updateRules = withoutRequiredCalendar(dtoRules('calendars', 'BlockSlotEditRequestDTO'));

type Body = Record<string, unknown>;

/** Whose time the block takes: `{ calendarId }` or `{ assignedUserId }`, checked to exist. */
function owner({ location, rt }: RouteRequest, input: Body) {
  const calendarId = input.calendarId as string | undefined;
  const assignedUserId = input.assignedUserId as string | undefined;
  if (calendarId && assignedUserId) {
    throw unprocessable(['Either calendarId or assignedUserId can be set, not both']);
  }
  if (calendarId) return { calendarId: calendarOf(rt, location, calendarId).id };
  if (assignedUserId) {
    const user = rt.state.users[assignedUserId];
    if (user?.locationId !== location.id) {
      throw badRequest(`User not found for id:${assignedUserId}`);
    }
    return { assignedUserId };
  }
  return undefined;
}

/**
 * Start and end as instants; times without an offset are read in the Location's zone. On update
 * an unsent time is kept, and a block whose start alone moves keeps its length.
 */
function times(input: Body, zone: string, current?: BlockedSlotRecord) {
  const errors: string[] = [];
  const read = (name: 'startTime' | 'endTime') => {
    const sent = input[name] as string | undefined;
    if (sent === undefined || sent === '') {
      if (current) return current[name];
      errors.push(`${name} should not be empty`);
      return undefined;
    }
    const instant = parseInstant(sent, zone);
    if (instant === undefined) errors.push(`${name} must be an ISO 8601 date-time`);
    return instant;
  };
  const startTime = read('startTime');
  let endTime = read('endTime');
  if (current && startTime !== undefined && !input.endTime) {
    endTime = startTime + (current.endTime - current.startTime);
  }
  if (startTime !== undefined && endTime !== undefined && endTime <= startTime) {
    errors.push('endTime must be after startTime');
  }
  if (errors.length > 0) throw unprocessable(errors);
  return { startTime: startTime!, endTime: endTime! };
}

export const listBlockedSlotsRoute = route(
  'GET',
  '/calendars/blocked-slots',
  ({ query, location, rt }) => {
    const range = eventRangeOf(query);
    const events = Object.values(rt.state.blockedSlots)
      .filter((b) => b.locationId === location.id && inRange(rt, range, b))
      .sort((a, b) => a.startTime - b.startTime)
      .map((b) => blockedSlotEventView(b, calendarZone(rt, b)));
    return { status: 200, body: { events } };
  },
);

/** 201 with the block flat (docs/highlevel-behaviour.md#success-codes-and-bodies). */
export const createBlockedSlotRoute = route('POST', '/calendars/events/block-slots', (req) => {
  const { location, rt } = req;
  const input = validBody(createRules, req.body);
  const whose = owner(req, input);
  if (!whose) throw unprocessable(['calendarId or assignedUserId should not be empty']);
  const now = rt.clock.now();
  const block: BlockedSlotRecord = {
    id: newId(),
    locationId: location.id,
    ...whose,
    title: (input.title as string | undefined) ?? '',
    ...times(input, location.timezone),
    dateAdded: now,
    dateUpdated: now,
  };
  rt.state.blockedSlots[block.id] = block;
  return { status: 201, body: blockedSlotView(block, location.timezone) };
});

/** 201, like create ([spec] `edit-block-slot`). */
export const updateBlockedSlotRoute = route(
  'PUT',
  '/calendars/events/block-slots/{eventId}',
  (req) => {
    const { location, rt } = req;
    const block = blockedSlotOf(rt, location, req.params.eventId!);
    const input = validBody(updateRules, req.body);
    const whose = owner(req, input);
    const { startTime, endTime } = times(input, location.timezone, block);
    if (whose) {
      delete block.calendarId;
      delete block.assignedUserId;
      Object.assign(block, whose);
    }
    if (typeof input.title === 'string') block.title = input.title;
    Object.assign(block, { startTime, endTime, dateUpdated: rt.clock.now() });
    return { status: 201, body: blockedSlotView(block, location.timezone) };
  },
);

export const blockedSlotRoutes = [
  listBlockedSlotsRoute,
  createBlockedSlotRoute,
  updateBlockedSlotRoute,
];
