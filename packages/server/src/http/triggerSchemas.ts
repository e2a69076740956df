/** Shapes of the trigger subscription routes (`/v1/workspaces/{ws}/triggers…`). */
import { z } from '@hono/zod-openapi';
import type { TriggerSubscriptionRow } from '../triggers/subscriptionStore.js';
import { HttpError } from './httpError.js';
import { WorkspaceParams } from './schemas.js';

const TriggerInput = z.record(z.string(), z.unknown()).openapi('TriggerInput', {
  description:
    "The trigger's parameters: a JSON object checked against its `input` JSON Schema in GET /v1/catalogue (each of the 55 triggers has its own); `locationId` may be left out",
  example: { contactId: 'hR4gCkWpXtFjz8aYm2Qe' },
});

export const CreateTriggerBody = z
  .object({
    trigger: z.string().trim().min(1, "expected a trigger's name from GET /v1/catalogue").openapi({
      description: "The trigger's `name` in GET /v1/catalogue?kind=trigger",
      example: 'get-contact-tasks',
    }),
    input: TriggerInput.default({}),
    intervalMinutes: z
      .number()
      .int('expected a whole number of minutes')
      .min(1, 'expected at least 1 minute')
      .max(15, 'expected at most 15 minutes')
      .default(5)
      .openapi({ description: 'How often HighLevel is polled, 1 to 15 minutes', example: 5 }),
    endpointId: z.string().min(1).optional().openapi({
      description:
        'The webhook endpoint of the workspace the items are delivered to (GET /v1/workspaces/{ws}/webhook-endpoints); or give `url`',
      example: 'whep_k3n2q4ymc7w2rj5x2rb3',
    }),
    url: z.string().trim().min(1).max(2000).optional().openapi({
      description:
        'Instead of `endpointId`: the URL to deliver to, for which a webhook endpoint is made; its signing secret is in this response only',
      example: 'https://app.example.com/webhooks/tasks',
    }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.endpointId === undefined) === (body.url === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['endpointId'],
        message: 'expected either endpointId or url, not both',
      });
    }
  })
  .openapi('CreateTrigger');

const PollSummarySchema = z
  .object({
    at: z.string().openapi({ format: 'date-time' }),
    calls: z.number().int().openapi({ description: 'HighLevel calls, retries included' }),
    pages: z.number().int(),
    items: z.number().int().openapi({ description: "Items in HighLevel's answer" }),
    delivered: z.number().int().openapi({ description: 'New or changed items delivered' }),
    baseline: z.boolean().openapi({
      description: 'The first poll: it records what is already there and delivers nothing',
    }),
    error: z.string().nullable().openapi({
      description: 'Why the poll failed; the next poll reads again from the same checkpoint',
    }),
    truncated: z.boolean().openapi({
      description: 'The list had more items than a poll reads (20 pages); the rest were not read',
    }),
  })
  .openapi('TriggerPoll');

export const TriggerSubscriptionSchema = z
  .object({
    id: z.string().openapi({ example: 'trg_x2rb3aa5tq4ymc7w2rj5' }),
    trigger: z.string().openapi({ example: 'get-contact-tasks' }),
    input: TriggerInput,
    intervalMinutes: z.number().int(),
    endpointId: z.string(),
    nextPollAt: z.string().openapi({ format: 'date-time' }),
    baselineAt: z.string().nullable().openapi({
      format: 'date-time',
      description: 'When the first poll recorded what was already there',
    }),
    seenItems: z.number().int().openapi({ description: 'Items the checkpoint holds' }),
    lastPoll: PollSummarySchema.nullable(),
    createdAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('TriggerSubscription');

export const TriggerParams = WorkspaceParams.extend({
  triggerId: z.string().openapi({ param: { name: 'triggerId', in: 'path' } }),
});

export { PollSummarySchema };

/** A subscription as the API shows it. */
export function subscriptionView(row: TriggerSubscriptionRow) {
  return {
    id: row.id,
    trigger: row.trigger,
    input: row.input,
    intervalMinutes: row.interval_seconds / 60,
    endpointId: row.endpoint_id,
    nextPollAt: row.next_poll_at.toISOString(),
    baselineAt: row.baseline_at?.toISOString() ?? null,
    seenItems: Object.keys(row.seen).length,
    lastPoll: row.last_poll as z.infer<typeof PollSummarySchema> | null,
    createdAt: row.created_at.toISOString(),
  };
}

/** The 404 for a subscription that is not the workspace's. */
export function triggerNotFound(id: string): HttpError {
  return new HttpError(
    404,
    'trigger_not_found',
    `There is no trigger subscription ${id} in this workspace; GET /v1/workspaces/:ws/triggers lists them.`,
  );
}
