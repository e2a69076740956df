/**
 * `GET /v1/workspaces/:ws/availability?date|from&to&timezone[&calendarId]`: the same answer as
 * the voice tool `check_availability` (HighLevel's free slots within the workspace's rules,
 * labelled in `timezone`) for other agents and n8n.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { readCheckAvailability } from '../../voice/toolArgs.js';
import { checkAvailability } from '../../voiceBooking/availability.js';
import type { App } from '../app.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../httpError.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';
import { NoSlotsSchema, SlotsOfferedSchema } from '../voiceResultSchemas.js';
import { notConnected, requireVoiceSetup } from '../voiceContext.js';
import { openVoiceContext } from '../../voiceBooking/context.js';

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
        description: 'End of the search; a date includes that whole day',
        example: '2026-12-03',
      }),
      timezone: z.string().optional().openapi({
        description:
          "IANA timezone the dates are read and the slots labelled in (default the workspace's)",
        example: 'America/Chicago',
      }),
      calendarId: z.string().optional().openapi({
        description: 'Another HighLevel calendar than the one in the voice settings',
      }),
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

export function registerGetAvailability(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const ws = c.get('workspace').id;
    const { calendarId, ...query } = c.req.valid('query');
    const stored = await requireVoiceSetup(deps, ws);
    const settings = calendarId ? { ...stored.settings, calendarId } : stored.settings;
    const ctx = openVoiceContext(deps, c.get('log'), ws, { ...stored, settings });
    if (!ctx) throw notConnected(ws);
    const read = readCheckAvailability(query, {
      now: ctx.now,
      timezone: settings.timezone,
      defaultCountry: settings.defaultCountry,
    });
    if (!read.ok) {
      throw new HttpError(422, 'validation_failed', read.result.message, {
        fields: (read.result.invalid ?? []).map((p) => ({ path: p.field, message: p.expected })),
      });
    }
    return c.json(await checkAvailability(ctx, read.args), 200);
  });
}
