/**
 * `DELETE /v1/workspaces/:ws/appointments/:id`: cancels an appointment (the cancel_appointment
 * tool; HighLevel keeps it, with status `cancelled`) -> 200 `cancelled`, also when repeated.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { cancelAppointment } from '../../voice/appointments.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { voiceContext } from '../middleware/voiceContext.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';
import { inRequestedLocale, languageQuery, voiceAnswer } from '../voiceAnswers.js';
import { CancelledSchema } from '../voiceResultSchemas.js';

const route = createRoute({
  method: 'delete',
  path: '/v1/workspaces/{ws}/appointments/{appointmentId}',
  summary: 'Cancel an appointment',
  security: bearer,
  request: {
    params: WorkspaceParams.extend({ appointmentId: z.string().min(1) }),
    query: z.object(languageQuery),
  },
  responses: {
    200: {
      description: '`status: cancelled`',
      content: { 'application/json': { schema: CancelledSchema } },
    },
    ...errorResponses(401, 403, 404, 409, 422, 502),
  },
});

/** @example registerDeleteAppointment(app, deps); */
export function registerDeleteAppointment(app: App, deps: AppDeps): void {
  app.openapi({ ...route, middleware: voiceContext(deps) }, async (c) => {
    const { appointmentId } = c.req.valid('param');
    const ctx = inRequestedLocale(
      await c.var.openVoiceContext(),
      c.req.valid('query').language,
      c.req.header('accept-language'),
    );
    const outcome = await cancelAppointment(ctx, { appointmentId });
    return c.json(voiceAnswer(outcome, ['cancelled'], ctx), 200);
  });
}
