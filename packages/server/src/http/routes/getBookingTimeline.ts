/**
 * `GET /v1/workspaces/:ws/bookings/:bookingId/timeline` -> 200 the booking as stored (with its
 * problems) and every sync job of it, oldest first: each job's steps as its journal recorded them,
 * the HighLevel calls each step makes, its attempts and, when it failed, why and what it waits for.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { bookingTimeline } from '../../bookingSync/bookingTimeline.js';
import { SYNC_STEP_KINDS } from '../../bookingSync/core/syncStepCalls.js';
import { BOOKING_JOBS_LIMIT } from '../../bookingSync/syncJobListing.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import { bookingNotFound, BookingParams } from '../bookingParams.js';
import { BookingViewSchema, SyncJobSchema, bearer, errorResponses } from '../schemas.js';

const HighLevelCallSchema = z
  .object({
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE']),
    path: z.string().openapi({ example: '/contacts/{contactId}/notes' }),
    when: z.string().nullable().openapi({
      description: 'When the step makes this call; null: every time it runs',
      example: 'for each booking field missing',
    }),
  })
  .openapi('HighLevelCall');

const SyncStepSchema = z
  .object({
    key: z.string().openapi({ example: 'booking/bk_1/v2/add-note' }),
    kind: z.enum(SYNC_STEP_KINDS).nullable().openapi({
      description: 'null for a step key this version of ghl-bridge does not write',
    }),
    action: z.string().openapi({ example: 'Add the booking note' }),
    calls: z.array(HighLevelCallSchema).openapi({
      description: 'The HighLevel calls a step of this kind makes',
    }),
    status: z.enum(['started', 'done']).openapi({
      description:
        "`started`: the call was about to be made and its answer is not known (the job's next attempt checks HighLevel before making it again)",
    }),
    highLevelContactId: z.string().nullable().openapi({
      description: 'The contact the contact write created or updated',
    }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('SyncStep');

const TimelineJobSchema = SyncJobSchema.extend({
  failureKind: z.enum(['credentials', 'rejected', 'exhausted']).nullable().openapi({
    description:
      'Why a failed job stopped: `credentials` (it is retried after GoHighLevel is reconnected), `rejected` (HighLevel refused the data: fix it, then retry), `exhausted` (every automatic retry failed)',
  }),
  formerCustomer: z.boolean().openapi({
    description:
      "The job updates the customer a newer version moved the booking away from (their stats and tags), not the booking's own",
  }),
  backfillRun: z.string().nullable().openapi({
    description: 'The `ghl-bridge backfill` run that created the job; null: the API',
  }),
  steps: z.array(SyncStepSchema).openapi({
    description: 'What the journal recorded, in the order the job runs them',
  }),
}).openapi('BookingTimelineJob');

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/bookings/{bookingId}/timeline',
  summary: "A booking's sync: every job, its steps and HighLevel calls, and why one failed",
  security: bearer,
  request: {
    params: BookingParams,
  },
  responses: {
    200: {
      description: 'The booking and its sync jobs, oldest first',
      content: {
        'application/json': {
          schema: z
            .object({
              booking: BookingViewSchema,
              jobs: z.array(TimelineJobSchema),
              olderJobsLeftOut: z.boolean().openapi({
                description: `Only the latest ${BOOKING_JOBS_LIMIT} jobs are listed; true when there were more`,
              }),
            })
            .openapi('BookingTimeline'),
        },
      },
    },
    ...errorResponses(401, 403, 404),
  },
});

/**
 * Adds `GET /v1/workspaces/:ws/bookings/:bookingId/timeline` to `app`.
 *
 * @example registerGetBookingTimeline(app, deps);
 */
export function registerGetBookingTimeline(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const { bookingId } = c.req.valid('param');
    const timeline = await bookingTimeline(deps.database.db, workspace.id, bookingId);
    if (!timeline) {
      throw bookingNotFound(workspace.id, bookingId);
    }
    return c.json(timeline, 200);
  });
}
