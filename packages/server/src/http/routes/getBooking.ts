/** `GET /v1/workspaces/:ws/bookings/:bookingId` -> 200 the stored version, its sync state and HighLevel contact id. */
import { createRoute } from '@hono/zod-openapi';
import { bookingView, findBooking } from '../../bookingSync/ledgerStore.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import { bookingNotFound, BookingParams } from '../bookingParams.js';
import { BookingViewSchema, bearer, errorResponses } from '../schemas.js';

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/bookings/{bookingId}',
  summary: 'A booking as stored, with its sync state and HighLevel contact id',
  security: bearer,
  request: {
    params: BookingParams,
  },
  responses: {
    200: {
      description: 'The booking',
      content: { 'application/json': { schema: BookingViewSchema } },
    },
    ...errorResponses(401, 403, 404),
  },
});

/**
 * Adds `GET /v1/workspaces/:ws/bookings/:bookingId` to `app`.
 *
 * @example registerGetBooking(app, deps);
 */
export function registerGetBooking(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { bookingId } = c.req.valid('param');
    const row = await findBooking(deps.database.db, workspace.id, bookingId);
    if (!row) {
      throw bookingNotFound(workspace.id, bookingId);
    }
    return c.json(bookingView(row), 200);
  });
}
