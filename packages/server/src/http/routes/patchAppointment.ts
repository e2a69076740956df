/**
 * `PATCH /v1/workspaces/:ws/appointments/:id {slotId | startTime}`: moves an appointment (the
 * reschedule_appointment tool) -> 200 `rescheduled`; 409 `slot_unavailable` with alternatives.
 * Repeating it is harmless: an appointment already at that time answers the same.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { toolContextOf } from '../../voice/context.js';
import { readRescheduleAppointment } from '../../voice/core/toolArgs.js';
import { rescheduleAppointment } from '../../voice/rescheduleAppointment.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { voiceContext } from '../middleware/voiceContext.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';
import { inRequestedLocale, languageQuery, voiceAnswer, voiceRefusal } from '../voiceAnswers.js';
import { RescheduleBody, RescheduledSchema } from '../voiceResultSchemas.js';

const route = createRoute({
  method: 'patch',
  path: '/v1/workspaces/{ws}/appointments/{appointmentId}',
  summary: 'Move an appointment to another free slot',
  security: bearer,
  request: {
    params: WorkspaceParams.extend({ appointmentId: z.string().min(1) }),
    query: z.object(languageQuery),
    body: { required: true, content: { 'application/json': { schema: RescheduleBody } } },
  },
  responses: {
    200: {
      description: '`status: rescheduled` with the new start',
      content: { 'application/json': { schema: RescheduledSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 502),
  },
});

/** @example registerPatchAppointment(app, deps); */
export function registerPatchAppointment(app: App, deps: AppDeps): void {
  app.openapi({ ...route, middleware: voiceContext(deps) }, async (c) => {
    const { appointmentId } = c.req.valid('param');
    const ctx = inRequestedLocale(
      await c.var.openVoiceContext(),
      c.req.valid('query').language,
      c.req.header('accept-language'),
    );
    const body = { ...c.req.valid('json'), appointmentId };
    const read = readRescheduleAppointment(body, toolContextOf(ctx));
    if (!read.ok) throw voiceRefusal(read.result, ctx);
    const outcome = await rescheduleAppointment(ctx, read.args);
    return c.json(voiceAnswer(outcome, ['rescheduled'], ctx), 200);
  });
}
