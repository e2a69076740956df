/**
 * Calendar groups under `/calendars/groups` (calendars.json `GroupCreateDTO`, `GroupDTO`): list,
 * create (201), edit, enable or disable, delete, and the check whether a booking-page slug is
 * still free. A slug names one group of the Location.
 */
import { groupOf } from '../calendars/adminLookup.js';
import { groupView } from '../calendars/adminViews.js';
import type { CalendarGroupRecord } from '../calendars/core/adminModel.js';
import { requiredQuery } from '../calendars/requiredQuery.js';
import { dtoRules, validBody } from '../dto.js';
import { badRequest } from '../errors.js';
import { newId } from '../ids.js';
import { route, type Runtime } from '../runtime.js';

const createRules = dtoRules('calendars', 'GroupCreateDTO');
const updateRules = dtoRules('calendars', 'GroupUpdateDTO');
const statusRules = dtoRules('calendars', 'GroupStatusUpdateParams');
const slugRules = dtoRules('calendars', 'ValidateGroupSlugPostBody');

/** The Location's group holding `slug`, if any (other than `except`). */
function slugHolder(rt: Runtime, locationId: string, slug: string, except?: string) {
  return Object.values(rt.state.calendarGroups).find(
    (g) => g.locationId === locationId && g.slug === slug && g.id !== except,
  );
}

/** A taken slug is refused: two groups at one booking-page address cannot both be reached. */
function freeSlug(rt: Runtime, locationId: string, slug: string, except?: string): string {
  if (slugHolder(rt, locationId, slug, except)) {
    throw badRequest(`Group slug ${slug} is already taken`);
  }
  return slug;
}

export const listCalendarGroupsRoute = route(
  'GET',
  '/calendars/groups',
  ({ query, location, rt }) => {
    requiredQuery(query, { strings: ['locationId'] });
    const groups = Object.values(rt.state.calendarGroups).filter(
      (g) => g.locationId === location.id,
    );
    return { status: 200, body: { groups: groups.map(groupView) } };
  },
);

export const createCalendarGroupRoute = route(
  'POST',
  '/calendars/groups',
  ({ body, location, rt }) => {
    const input = validBody(createRules, body);
    const group: CalendarGroupRecord = {
      id: newId(),
      locationId: location.id,
      name: input.name as string,
      description: input.description as string,
      slug: freeSlug(rt, location.id, input.slug as string),
      isActive: (input.isActive as boolean | undefined) ?? true,
    };
    rt.state.calendarGroups[group.id] = group;
    return { status: 201, body: { group: groupView(group) } };
  },
);

export const updateCalendarGroupRoute = route(
  'PUT',
  '/calendars/groups/{groupId}',
  ({ params, body, location, rt }) => {
    const group = groupOf(rt, location, params.groupId!);
    const input = validBody(updateRules, body);
    Object.assign(group, {
      name: input.name as string,
      description: input.description as string,
      slug: freeSlug(rt, location.id, input.slug as string, group.id),
    });
    return { status: 200, body: { group: groupView(group) } };
  },
);

export const updateCalendarGroupStatusRoute = route(
  'PUT',
  '/calendars/groups/{groupId}/status',
  ({ params, body, location, rt }) => {
    const group = groupOf(rt, location, params.groupId!);
    group.isActive = validBody(statusRules, body).isActive as boolean;
    return { status: 200, body: { success: true } };
  },
);

/** Its calendars stay, ungrouped (assumed, DEVIATIONS.md). */
export const deleteCalendarGroupRoute = route(
  'DELETE',
  '/calendars/groups/{groupId}',
  ({ params, location, rt }) => {
    const group = groupOf(rt, location, params.groupId!);
    for (const calendar of Object.values(rt.state.calendars)) {
      if (calendar.groupId === group.id) delete calendar.groupId;
    }
    delete rt.state.calendarGroups[group.id];
    return { status: 200, body: { success: true } };
  },
);

export const validateGroupSlugRoute = route(
  'POST',
  '/calendars/groups/validate-slug',
  ({ body, location, rt }) => {
    const input = validBody(slugRules, body);
    const available = !slugHolder(rt, location.id, input.slug as string);
    return { status: 200, body: { available } };
  },
);

export const calendarGroupRoutes = [
  listCalendarGroupsRoute,
  createCalendarGroupRoute,
  updateCalendarGroupRoute,
  updateCalendarGroupStatusRoute,
  deleteCalendarGroupRoute,
  validateGroupSlugRoute,
];
