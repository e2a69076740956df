/**
 * `POST /v1/workspaces/:ws/backfill/state {bookingIds, customerKeys}` -> 200 what a backfill dry
 * run needs to know (admin only, reads only): the stored versions of those bookings, every booking
 * of those customers, their HighLevel contacts and applied tags, and the custom field ids. It lets
 * `ghl-bridge backfill --dry-run` plan against the ledger of a running server whose embedded
 * database no second process may open.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { BACKFILL_STATE_BATCH, readBackfillState } from '../../bookingSync/backfillState.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import { requireAdmin } from '../middleware/requireAdmin.js';
import { bearer, errorResponses, StoredBookingSchema, WorkspaceParams } from '../schemas.js';

const ids = (what: string) =>
  z
    .array(z.string().min(1))
    .max(BACKFILL_STATE_BATCH, `send at most ${BACKFILL_STATE_BATCH} ${what} per request`)
    .default([]);

const BackfillStateQuery = z
  .object({ bookingIds: ids('booking ids'), customerKeys: ids('customer keys') })
  .strict()
  .openapi('BackfillStateQuery');

const BackfillState = z
  .object({
    bookings: z
      .array(StoredBookingSchema)
      .openapi({ description: 'Stored booking versions (the ledger)' }),
    customers: z.array(
      z.object({
        customerKey: z.string(),
        contactId: z.string().optional(),
        appliedTags: z.array(z.string()),
      }),
    ),
    fieldIds: z.record(z.string(), z.string()),
  })
  .openapi('BackfillState');

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces/{ws}/backfill/state',
  summary:
    'What a backfill dry run plans against: stored bookings, contacts, field ids (reads only)',
  security: bearer,
  middleware: [requireAdmin()] as const,
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: BackfillStateQuery } } },
  },
  responses: {
    200: {
      description: 'The state',
      content: { 'application/json': { schema: BackfillState } },
    },
    ...errorResponses(400, 401, 403, 404, 413, 415, 422),
  },
});

/**
 * Adds `POST /v1/workspaces/:ws/backfill/state` to `app`.
 *
 * @example registerPostBackfillState(app, deps);
 */
export function registerPostBackfillState(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspace = c.get('workspace');
    const state = await readBackfillState(deps.database.db, workspace.id, c.req.valid('json'));
    return c.json(
      state as unknown as {
        bookings: Record<string, unknown>[];
        customers: typeof state.customers;
        fieldIds: Record<string, string>;
      },
      200,
    );
  });
}
