/**
 * `POST /v1/workspaces/:ws/appointments` with an `Idempotency-Key` header: books like the voice
 * tool `book_appointment` (the same saga: lock, final check, contact, create, note and tags).
 * The same key and slot again answers with the first booking. -> 201 booked; 409
 * `slot_unavailable` with alternatives; 422 naming what is missing; 503 `unconfirmed` when
 * HighLevel's answer was lost (send the same request again with the same key).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { bookAppointment } from '../../voice/bookAppointment.js';
import { toolContextOf } from '../../voice/context.js';
import { readBookAppointment } from '../../voice/core/toolArgs.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { HttpError } from '../httpError.js';
import { voiceContext } from '../middleware/voiceContext.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';
import { inRequestedLocale, languageQuery, voiceAnswer, voiceRefusal } from '../voiceAnswers.js';
import { BookedSchema, slotChoiceFields } from '../voiceResultSchemas.js';

const BookBody = z
  .object({
    ...slotChoiceFields,
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

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces/{ws}/appointments',
  summary: 'Book a slot for a person (the book_appointment tool), idempotent by Idempotency-Key',
  security: bearer,
  request: {
    params: WorkspaceParams,
    query: z.object(languageQuery),
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

/** @example registerPostAppointment(app, deps); */
export function registerPostAppointment(app: App, deps: AppDeps): void {
  app.openapi({ ...route, middleware: voiceContext(deps) }, async (c) => {
    const key = c.req.valid('header')['idempotency-key'];
    if (!key) {
      throw new HttpError(
        400,
        'idempotency_key_required',
        'Send an Idempotency-Key header (any unique string per booking, e.g. a UUID) so a retried request cannot book twice.',
      );
    }
    const ctx = inRequestedLocale(
      await c.var.openVoiceContext(),
      c.req.valid('query').language,
      c.req.header('accept-language'),
    );
    const body = c.req.valid('json');
    const read = readBookAppointment(body, toolContextOf(ctx));
    if (!read.ok) throw voiceRefusal(read.result, ctx);
    const { outcome } = await bookAppointment(ctx, read.args, {
      callId: `rest:${key}`,
      asked: `POST /appointments ${JSON.stringify(body)}`,
    });
    return c.json(voiceAnswer(outcome, ['booked'], ctx), 201);
  });
}
