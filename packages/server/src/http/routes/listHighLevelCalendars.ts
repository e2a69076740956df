/**
 * `GET /v1/workspaces/:ws/integrations/gohighlevel/calendars` -> 200 `{calendars}`: the connected Location's
 * HighLevel calendars, by name, to choose the voice settings' `calendarId` from; 409
 * `not_connected` before GoHighLevel is connected; HighLevel's refusals in words
 * (highLevelRefusal.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { calendarChoices } from '../../highlevel/core/calendarChoices.js';
import { findConnection } from '../../highlevel/connectionStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { highLevelRefusal } from '../highLevelRefusal.js';
import { HttpError } from '../httpError.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const CalendarChoiceSchema = z
  .object({
    id: z.string().openapi({ description: 'The `calendarId` of the voice settings' }),
    name: z.string().openapi({ description: "HighLevel's name (the id when it has none)" }),
    calendarType: z.string().nullable().openapi({
      description: "HighLevel's `calendarType`: `event`, `round_robin`, `class_booking`, …",
      example: 'event',
    }),
    isActive: z.boolean().openapi({
      description: 'False for a draft calendar: HighLevel offers no slots on it until activated',
    }),
    slotMinutes: z.number().nullable().openapi({
      description:
        "The calendar's appointment length in minutes (what `rules.slotMinutes: null` uses)",
      example: 30,
    }),
  })
  .openapi('HighLevelCalendar');

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/integrations/gohighlevel/calendars',
  summary: "The connected Location's HighLevel calendars",
  security: bearer,
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: 'Every calendar of the Location, drafts included, by name',
      content: {
        'application/json': { schema: z.object({ calendars: z.array(CalendarChoiceSchema) }) },
      },
    },
    ...errorResponses(401, 403, 404, 409, 502),
  },
});

/** @example registerListHighLevelCalendars(app, deps); */
export function registerListHighLevelCalendars(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const ws = c.get('workspace').id;
    const connection = await findConnection(deps.database.db, ws);
    if (!connection) {
      throw new HttpError(
        409,
        'not_connected',
        `Workspace ${ws} is not connected to GoHighLevel, so it has no calendars to list yet; connect it first (PUT /v1/workspaces/${ws}/integrations/gohighlevel).`,
      );
    }
    const locationId = connection.location_id;
    try {
      const hl = deps.highLevel.forConnection(connection);
      // A person is waiting: ahead of backfills in the Location's budget, dropped if they leave.
      const calendars = await hl.calendars.list(
        { locationId },
        { priority: 'interactive', signal: c.req.raw.signal },
      );
      return c.json({ calendars: calendarChoices(calendars) }, 200);
    } catch (error) {
      const doing = "listing the Location's calendars";
      throw highLevelRefusal(error, { doing, scope: 'calendars.readonly', locationId }) ?? error;
    }
  });
}
