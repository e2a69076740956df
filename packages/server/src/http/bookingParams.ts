/** What the routes under one booking (`/v1/workspaces/:ws/bookings/:bookingId…`) share. */
import { z } from '@hono/zod-openapi';
import { HttpError } from './httpError.js';
import { WorkspaceParams } from './schemas.js';

export const BookingParams = WorkspaceParams.extend({
  bookingId: z.string().openapi({ param: { name: 'bookingId', in: 'path' } }),
});

/**
 * The 404 for a booking the workspace does not have, saying how one gets there.
 *
 * @example if (!row) throw bookingNotFound(workspace.id, bookingId);
 */
export function bookingNotFound(workspaceId: string, bookingId: string): HttpError {
  return new HttpError(
    404,
    'booking_not_found',
    `There is no booking ${bookingId} in this workspace. Booking ids are case-sensitive; a booking appears once your app posts it to POST /v1/workspaces/${workspaceId}/bookings.`,
  );
}
