/**
 * `GET /v1/workspaces/:ws/voice/confirmations?appointmentId=&status=&limit=` -> 200
 * `{confirmations}`: the confirmations sent (or waiting, or failed) to callers after voice
 * bookings, moves and cancellations, newest first (docs/vapi.md#confirmations).
 */
import { createRoute, z } from '@hono/zod-openapi';
import {
  CONFIRMATION_STATUSES,
  confirmationView,
  listConfirmations,
} from '../../voice/confirmations/confirmationStore.js';
import { CHANGE_KINDS } from '../../voice/confirmations/core/change.js';
import { CONFIRMATION_CHANNELS } from '../../voice/core/settings.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const MAX_LIMIT = 200;
const limitProblem = `expected a whole number from 1 to ${MAX_LIMIT}`;

const Query = z.object({
  appointmentId: z
    .string()
    .trim()
    .min(1, 'expected a HighLevel appointment id')
    .max(200, 'expected at most 200 characters')
    .optional()
    .openapi({ description: "Only this appointment's confirmations" }),
  status: z
    .enum(CONFIRMATION_STATUSES, { error: `expected one of ${CONFIRMATION_STATUSES.join(', ')}` })
    .optional()
    .openapi({ description: 'Only confirmations in this status' }),
  limit: z.coerce
    .number({ error: limitProblem })
    .int(limitProblem)
    .min(1, limitProblem)
    .max(MAX_LIMIT, limitProblem)
    .default(50)
    .openapi({ description: 'At most this many', example: 50 }),
});

const VoiceConfirmationSchema = z
  .object({
    id: z.string().openapi({ example: 'vcf_q4ymc7w2rj5x2rb3aa5t' }),
    appointmentId: z.string(),
    contactId: z.string(),
    change: z.string().openapi({
      description:
        'Which change it confirms: `booked`, `cancelled`, or `rescheduled:<new start, UTC>` (each move is confirmed once)',
      example: 'rescheduled:2026-12-01T19:30:00.000Z',
    }),
    kind: z.enum(CHANGE_KINDS),
    channel: z.enum(CONFIRMATION_CHANNELS),
    status: z.enum(CONFIRMATION_STATUSES).openapi({
      description:
        '`waiting` for quiet hours to end (`sendAfter`); `sending` in progress or to be retried (`lastError` says why); `sent`; `failed` for good; `skipped` when there was nowhere to send it (no phone, no email)',
    }),
    attempts: z.number().int().openapi({ description: 'Sends attempted so far' }),
    lastError: z.string().nullable().openapi({
      description: 'Why the last attempt failed, or why it was skipped, in words',
    }),
    subject: z.string().nullable().openapi({ description: "An email's subject" }),
    body: z.string().openapi({
      description: 'The words sent: the SMS text, or the email as HTML',
      example:
        'Hi Ada, your appointment is confirmed for Tuesday, December 1 at 2:30 PM (America/New_York). Reply to this message to change it.',
    }),
    messageId: z.string().nullable().openapi({ description: "HighLevel's id of the message sent" }),
    sendAfter: z.string().nullable().openapi({ format: 'date-time' }),
    sentAt: z.string().nullable().openapi({ format: 'date-time' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    updatedAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('VoiceConfirmation');

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/voice/confirmations',
  summary: 'Confirmations sent to callers after voice bookings, moves and cancellations',
  security: bearer,
  request: { params: WorkspaceParams, query: Query },
  responses: {
    200: {
      description: 'The confirmations, newest first',
      content: {
        'application/json': {
          schema: z.object({ confirmations: z.array(VoiceConfirmationSchema) }),
        },
      },
    },
    ...errorResponses(401, 403, 404, 422),
  },
});

/** @example registerListVoiceConfirmations(app, deps); */
export function registerListVoiceConfirmations(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const { appointmentId, status, limit } = c.req.valid('query');
    const rows = await listConfirmations(deps.database.db, c.get('workspace').id, {
      ...(appointmentId ? { appointmentId } : {}),
      ...(status ? { status } : {}),
      limit,
    });
    return c.json({ confirmations: rows.map(confirmationView) }, 200);
  });
}
