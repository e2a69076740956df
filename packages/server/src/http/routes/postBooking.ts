/**
 * `POST /v1/workspaces/:ws/bookings` (design §3.4): stores the booking version in the ledger and
 * enqueues the sync of every customer it affects, in one transaction -> 202
 * `{bookingId, version, sync, jobs}`. The same id+version again -> 200 the current state; an
 * older version -> 200 `{ignored: "stale"}`; an invalid event -> 422 with field errors.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { bookingView, recordBooking } from '../../bookings/bookingStore.js';
import { bookingEventSchema } from '../../sync/bookingEvent.js';
import type { App } from '../app.js';
import type { AppDeps } from '../deps.js';
import { HttpError, validationFailed } from '../httpError.js';
import { BookingViewSchema, bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const BookingEventBody = z.record(z.string(), z.unknown()).openapi('BookingEvent', {
  description:
    'id, version, status (confirmed|cancelled), startsAt, endsAt (ISO 8601 with offset), timezone (IANA), service {id?, name}, price? {amount (decimal string), currency}, payment? {status: paid|unpaid|pending|refunded|partially_paid}, customer {firstName?, lastName?, email?, phone?} (email or phone required), notes?, metadata?',
  example: {
    id: 'bk_123',
    version: 3,
    status: 'confirmed',
    startsAt: '2026-12-01T15:00:00-05:00',
    endsAt: '2026-12-01T16:00:00-05:00',
    timezone: 'America/New_York',
    service: { id: 'svc_1', name: 'Deep Tissue Massage' },
    price: { amount: '120.00', currency: 'USD' },
    payment: { status: 'paid' },
    customer: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
  },
});

const Accepted = z
  .object({
    bookingId: z.string(),
    version: z.number().int(),
    sync: z.string(),
    jobs: z.array(z.string()),
  })
  .openapi('BookingAccepted');

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces/{ws}/bookings',
  summary: 'Record a booking version and sync its customer to HighLevel',
  security: bearer,
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: BookingEventBody } } },
  },
  responses: {
    202: {
      description: 'A new version: stored, sync enqueued (or waiting for a connection)',
      content: { 'application/json': { schema: Accepted } },
    },
    200: {
      description: 'The same version again (the current state), or an older one (`ignored`)',
      content: {
        'application/json': {
          schema: z.union([
            BookingViewSchema,
            z.object({ ignored: z.literal('stale'), bookingId: z.string(), version: z.number() }),
          ]),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

const schema = bookingEventSchema();

export function registerPostBooking(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    if (!workspace.features.includes('bookings')) {
      throw new HttpError(
        409,
        'feature_disabled',
        'Booking sync is not enabled for this workspace; add the "bookings" feature.',
      );
    }
    const parsed = schema.safeParse(c.req.valid('json'));
    if (!parsed.success) throw validationFailed(parsed.error.issues);
    const event = parsed.data;
    const recorded = await recordBooking(deps.database.db, deps.queue, workspace.id, event);
    c.get('log').info(
      { workspaceId: workspace.id, bookingId: event.id, version: event.version, ...recorded },
      'booking received',
    );
    if (recorded.outcome === 'stale') {
      return c.json(
        { ignored: 'stale' as const, bookingId: event.id, version: Number(recorded.row.version) },
        200,
      );
    }
    if (recorded.outcome === 'duplicate') return c.json(bookingView(recorded.row), 200);
    return c.json(
      {
        bookingId: event.id,
        version: event.version,
        sync: recorded.row.sync_state,
        jobs: recorded.jobs.map((job) => job.id),
      },
      202,
    );
  });
}
