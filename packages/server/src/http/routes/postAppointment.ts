/**
 * `POST /v1/workspaces/:ws/appointments` with an `Idempotency-Key` header: books like the voice
 * tool `book_appointment` (the same saga: lock, final check, contact, create, note and tags).
 * The same key and slot again answers with the first booking. -> 201 booked; 409
 * `slot_unavailable` with alternatives; 422 naming what is missing; 503 `unconfirmed` when
 * HighLevel's answer was lost (send the same request again with the same key).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ToolResult } from '../../voice/results.js';
import { readBookAppointment } from '../../voice/toolArgs.js';
import { bookAppointment } from '../../voiceBooking/booking.js';
import type { App } from '../app.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../httpError.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';
import { BookedSchema } from '../voiceResultSchemas.js';
import { notConnected, requireVoiceSetup } from '../voiceContext.js';
import { openVoiceContext } from '../../voiceBooking/context.js';

const slotId = z.string().optional().openapi({
  description: 'A slot `id` from GET …/availability (preferred: it names the exact slot)',
});
const startTime = z.string().optional().openapi({
  description:
    "Or the start as a date-time, like 2026-12-01T14:30:00-05:00 (without an offset: in the workspace's timezone)",
  example: '2026-12-01T14:30:00-05:00',
});

const BookBody = z
  .object({
    slotId,
    startTime,
    name: z
      .string()
      .optional()
      .openapi({ description: "The person's full name", example: 'Ada Lovelace' }),
    phone: z.string().optional().openapi({
      description: 'Phone or email (or both) is needed',
      example: '+14155550100',
    }),
    email: z.string().optional().openapi({ example: 'ada@example.com' }),
    notes: z.string().optional().openapi({ description: 'Added to the appointment note' }),
  })
  .openapi('BookAppointment');

/** A body for `PATCH …/appointments/{appointmentId}`: the new slot, one way or the other. */
export const RescheduleBody = z.object({ slotId, startTime }).openapi('RescheduleAppointment');

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces/{ws}/appointments',
  summary: 'Book a slot for a person (the book_appointment tool), idempotent by Idempotency-Key',
  security: bearer,
  request: {
    params: WorkspaceParams,
    headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
    body: { required: true, content: { 'application/json': { schema: BookBody } } },
  },
  responses: {
    201: {
      description: 'Booked: `appointmentId`, `contactId`, `start`, `message`',
      content: { 'application/json': { schema: BookedSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 502, 503),
  },
});

/** A tool result that is not a booking, as the HTTP error it is. */
export function toolResultError(result: ToolResult): HttpError {
  switch (result.status) {
    case 'slot_unavailable':
      return new HttpError(409, 'slot_unavailable', result.message, {
        alternatives: result.alternatives,
      });
    case 'needs_info':
      return new HttpError(422, 'validation_failed', result.message, {
        missing: result.missing,
        fields: (result.invalid ?? []).map((p) => ({ path: p.field, message: p.expected })),
      });
    case 'not_found':
      return new HttpError(404, 'appointment_not_found', result.message);
    case 'error': {
      const status: ContentfulStatusCode = result.code === 'unconfirmed' ? 503 : 502;
      return new HttpError(status, result.code, result.message);
    }
    default:
      return new HttpError(500, 'unexpected_result', `Unexpected result ${result.status}`);
  }
}

export function registerPostAppointment(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const ws = c.get('workspace').id;
    const key = c.req.valid('header')['idempotency-key'];
    if (!key) {
      throw new HttpError(
        400,
        'idempotency_key_required',
        'Send an Idempotency-Key header (any unique string per booking, e.g. a UUID) so a retried request cannot book twice.',
      );
    }
    const setup = await requireVoiceSetup(deps, ws);
    const { settings } = setup;
    const ctx = openVoiceContext(deps, c.get('log'), ws, setup);
    if (!ctx) throw notConnected(ws);
    const body = c.req.valid('json');
    const read = readBookAppointment(body, {
      now: ctx.now,
      timezone: settings.timezone,
      defaultCountry: settings.defaultCountry,
    });
    if (!read.ok) throw toolResultError(read.result);
    const { result } = await bookAppointment(ctx, read.args, {
      callId: `rest:${key}`,
      asked: `POST /appointments ${JSON.stringify(body)}`,
    });
    if (result.status !== 'booked') throw toolResultError(result);
    return c.json(result, 201);
  });
}
