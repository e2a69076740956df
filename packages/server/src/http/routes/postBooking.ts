/**
 * `POST /v1/workspaces/:ws/bookings`: stores the booking version in the ledger and enqueues the
 * sync of every customer it affects, in one transaction -> 202 `{bookingId, version, sync, jobs,
 * problems?}`. The same id+version again -> 200 the current state; an older version -> 200
 * `{ignored: "stale"}`; an invalid event -> 422 with field errors. A phone without +country is
 * read in the workspace's country (its `defaultCountry`, else the connected Location's) when the
 * booking is accepted, so the ledger stores the customer it belongs to (see `bookingEvent.ts`).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { bookingView } from '../../bookingSync/ledgerStore.js';
import { recordBooking } from '../../bookingSync/recordBooking.js';
import { findConnection } from '../../highlevel/connectionStore.js';
import { bookingEventSchema } from '../../bookingSync/core/bookingEvent.js';
import { phoneCountry, type PhoneCountry } from '../../bookingSync/core/customerPhone.js';
import { toCountryCode } from '../../core/phone.js';
import type { WorkspaceRow } from '../../workspaces/workspaceStore.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import { HttpError, validationFailed } from '../httpError.js';
import {
  BookingProblemSchema,
  BookingViewSchema,
  bearer,
  errorResponses,
  WorkspaceParams,
} from '../schemas.js';

const BookingEventBody = bookingEventSchema().openapi('BookingEvent', {
  description:
    "id, version, status (confirmed|cancelled), startsAt, endsAt (ISO 8601 with offset), timezone (IANA), service {id?, name}, price? {amount (decimal string), currency}, payment? {status: paid|unpaid|pending|refunded|partially_paid}, customer {firstName?, lastName?, email?, phone?} (email or phone required; a phone without +country is read in the workspace's country), notes? (free text), metadata? (string values); notes and metadata go into the HighLevel note",
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
    customer: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email: 'ada@example.com',
      phone: '(415) 555-0132',
    },
    notes: 'Prefers a firm pressure',
    metadata: { source: 'website', room: '2' },
  },
});

const Accepted = z
  .object({
    bookingId: z.string(),
    version: z.number().int(),
    sync: z.string(),
    jobs: z.array(z.string()),
    problems: z.array(BookingProblemSchema).optional().openapi({
      description: 'Present when part of the booking cannot be synced, e.g. an unreadable phone',
    }),
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
            z
              .object({
                ignored: z.literal('stale'),
                bookingId: z.string(),
                version: z.number().int().openapi({ description: 'The version stored instead' }),
              })
              .openapi('BookingIgnored'),
          ]),
        },
      },
    },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

/** What the route itself takes: any JSON object, for the handler to validate. */
const jsonObjectBody = {
  required: true,
  content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } },
};

/**
 * Whether reading the event needs the connected Location's country: only to read a phone, in a
 * workspace without a country of its own (see `phoneCountry`). Events by email, and workspaces
 * with a `defaultCountry`, skip the database read.
 *
 * @example needsLocationCountry(workspace, { customer: { phone: '(415) 555-0132' } }) // true when workspace.default_country is null
 */
function needsLocationCountry(
  workspace: Pick<WorkspaceRow, 'default_country'>,
  body: Record<string, unknown>,
): boolean {
  if (toCountryCode(workspace.default_country)) return false;
  const customer = body.customer;
  const phone =
    customer !== null && typeof customer === 'object'
      ? (customer as Record<string, unknown>).phone
      : undefined;
  return typeof phone === 'string' && phone.trim() !== '';
}

/**
 * The event schema for each country phones are read in, built once: building a schema costs
 * more than validating an event with it.
 */
const eventSchemas = new Map<string, ReturnType<typeof bookingEventSchema>>();

function eventSchemaIn(country: PhoneCountry | undefined) {
  const key = country ? `${country.country}:${country.source}` : '';
  let schema = eventSchemas.get(key);
  if (!schema) {
    schema = bookingEventSchema({ phoneCountry: country });
    eventSchemas.set(key, schema);
  }
  return schema;
}

/**
 * Adds `POST /v1/workspaces/:ws/bookings` to `app`.
 *
 * @example registerPostBooking(app, deps);
 */
export function registerPostBooking(app: App, deps: AppDeps): void {
  // The handler validates the event after the feature check, reading phones in the workspace's
  // country; the document shows the schema it validates with.
  app.openAPIRegistry.registerPath(route);
  const accepting = { ...route, hide: true, request: { ...route.request, body: jsonObjectBody } };
  app.openapi(accepting, async (c) => {
    const workspace = c.get('workspace');
    if (!workspace.features.includes('bookings')) {
      throw new HttpError(
        409,
        'feature_disabled',
        'Booking sync is not enabled for this workspace; add the "bookings" feature.',
      );
    }
    const body = c.req.valid('json');
    const connection = needsLocationCountry(workspace, body)
      ? await findConnection(deps.database.db, workspace.id)
      : undefined;
    const country = phoneCountry({
      workspaceCountry: workspace.default_country,
      locationCountry: connection?.location_country,
    });
    const parsed = eventSchemaIn(country).safeParse(body);
    if (!parsed.success) throw validationFailed(parsed.error.issues);
    const event = parsed.data;
    const recorded = await recordBooking(deps.database.db, deps.queue, workspace.id, event);
    // Said on the request's own log line (accessLog.ts), one line per post. Ids and states only:
    // the stored rows carry the customer's details, which stay out of logs.
    c.set(
      'log',
      c.get('log').child({
        workspaceId: workspace.id,
        bookingId: event.id,
        version: event.version,
        outcome: recorded.outcome,
        sync: recorded.row.sync_state,
        jobs: recorded.jobs.map((job) => job.id),
      }),
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
        ...(event.problems ? { problems: event.problems } : {}),
      },
      202,
    );
  });
}
