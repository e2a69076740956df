/**
 * `GET /v1/workspaces/:ws/availability?date|from&to&timezone[&calendarId]`: the same answer as
 * the voice tool `check_availability` (HighLevel's free slots within the workspace's rules,
 * labelled in `timezone`) for other agents and n8n.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { LocationAccessError, NotFoundError, ValidationError } from '@ghl-bridge/client';
import { checkAvailability } from '../../voice/checkAvailability.js';
import { liveRead, toolContextOf, type VoiceContext } from '../../voice/context.js';
import { readCheckAvailability } from '../../voice/core/searchWindow.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { HttpError } from '../httpError.js';
import { voiceContext } from '../middleware/voiceContext.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';
import { inRequestedLocale, languageQuery, searchRefusal, voiceAnswer } from '../voiceAnswers.js';
import { NoSlotsSchema, SlotsOfferedSchema } from '../voiceResultSchemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/availability',
  summary: 'Bookable slots with spoken labels and slot ids (the check_availability tool)',
  security: bearer,
  request: {
    params: WorkspaceParams,
    query: z.object({
      date: z.string().optional().openapi({
        description: 'One day, YYYY-MM-DD; wins over `from` and `to`',
        example: '2026-12-01',
      }),
      from: z.string().optional().openapi({
        description:
          'Start of the search, a date or a local date-time (default now); alone, it searches to the end of its day',
        example: '2026-12-01T12:00',
      }),
      to: z.string().optional().openapi({
        description:
          "End of the search; a date includes that whole day. No later than the rules' `maxDaysAhead` and at most 62 days after the start (422 naming the field otherwise)",
        example: '2026-12-03',
      }),
      timezone: z.string().optional().openapi({
        description:
          "IANA timezone the dates are read and the slots labelled in (default the workspace's)",
        example: 'America/Chicago',
      }),
      calendarId: z.string().optional().openapi({
        description:
          "Another HighLevel calendar of the workspace's Location than the one in the voice settings (404 `calendar_not_found` otherwise)",
      }),
      ...languageQuery,
    }),
  },
  responses: {
    200: {
      description:
        '`status: ok` with slots, or `status: none` with the nearest days that have some',
      content: {
        'application/json': { schema: z.union([SlotsOfferedSchema, NoSlotsSchema]) },
      },
    },
    ...errorResponses(401, 403, 404, 409, 422),
  },
});

/**
 * 404 unless HighLevel has `calendarId` in the workspace's own Location: a calendar of another
 * Location is not this workspace's to read, even when the key could.
 */
async function requireOwnCalendar(ctx: VoiceContext, calendarId: string): Promise<void> {
  const notFound = new HttpError(
    404,
    'calendar_not_found',
    `No calendar ${calendarId} in this workspace's HighLevel Location ${ctx.locationId}; copy the id from Calendars → Calendar Settings of that Location, or leave calendarId out to use the voice settings' calendar.`,
  );
  try {
    const calendar = await ctx.hl.calendars.get(calendarId, liveRead(ctx));
    if (calendar?.locationId !== ctx.locationId) throw notFound;
  } catch (error) {
    if (error instanceof ValidationError) {
      throw new HttpError(
        422,
        'validation_failed',
        `HighLevel refused calendarId: ${error.message}`,
        {
          fields: [
            { path: 'calendarId', message: "the id of a calendar in this workspace's Location" },
          ],
        },
      );
    }
    if (error instanceof NotFoundError || error instanceof LocationAccessError) throw notFound;
    throw error;
  }
}

/** @example registerGetAvailability(app, deps); */
export function registerGetAvailability(app: App, deps: AppDeps): void {
  app.openapi({ ...route, middleware: voiceContext(deps) }, async (c) => {
    const { calendarId, language, ...query } = c.req.valid('query');
    const opened = await c.var.openVoiceContext();
    // Reads stop when the caller goes away: nothing is left to answer.
    const ctx: VoiceContext = inRequestedLocale(
      {
        ...opened,
        settings: calendarId ? { ...opened.settings, calendarId } : opened.settings,
        signal: c.req.raw.signal,
      },
      language,
      c.req.header('accept-language'),
    );
    const read = readCheckAvailability(query, toolContextOf(ctx));
    if (!read.ok) throw searchRefusal(read.result, ctx);
    if (calendarId) await requireOwnCalendar(ctx, calendarId);
    const outcome = await checkAvailability(ctx, read.args);
    return c.json(voiceAnswer(outcome, ['ok', 'none'], ctx), 200);
  });
}
