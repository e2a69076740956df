/**
 * `POST /v1/workspaces/:ws/triggers/:triggerId/poll` -> 200 `{poll}`: polls the subscription
 * now, as its schedule would, and delivers what is new. To see a trigger work without waiting for
 * its interval; the schedule is not moved. A poll HighLevel refused says why in `poll.error`.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { findConnection } from '../../highlevel/connectionStore.js';
import { pollSubscription } from '../../triggers/pollSubscription.js';
import { findSubscription } from '../../triggers/subscriptionStore.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { HttpError } from '../httpError.js';
import { bearer, errorResponses } from '../schemas.js';
import { PollSummarySchema, triggerNotFound, TriggerParams } from '../triggerSchemas.js';

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces/{ws}/triggers/{triggerId}/poll',
  summary: 'Poll a trigger subscription now',
  security: bearer,
  request: { params: TriggerParams },
  responses: {
    200: {
      description: 'What the poll found and delivered',
      content: {
        'application/json': {
          schema: z.object({ poll: PollSummarySchema }).openapi('TriggerPollResult'),
        },
      },
    },
    ...errorResponses(401, 403, 404, 409),
  },
});

/** @example registerPollTrigger(app, deps); */
export function registerPollTrigger(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspaceId = c.get('workspace').id;
    const { triggerId } = c.req.valid('param');
    const db = deps.database.db;
    const subscription = await findSubscription(db, workspaceId, triggerId);
    if (!subscription) throw triggerNotFound(triggerId);
    const connection = await findConnection(db, workspaceId);
    if (!connection) {
      throw new HttpError(
        409,
        'not_connected',
        `Workspace ${workspaceId} is not connected to GoHighLevel; connect it again to poll its triggers.`,
      );
    }
    const { summary } = await pollSubscription(
      { db, queue: deps.queue, highLevel: deps.highLevel },
      subscription,
      connection,
      undefined,
      new Date(),
    );
    c.get('log').info({ workspaceId, triggerId, ...summary }, 'trigger polled');
    return c.json({ poll: summary }, 200);
  });
}
