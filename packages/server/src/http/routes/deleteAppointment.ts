/**
 * `DELETE /v1/workspaces/:ws/appointments/:id`: cancels an appointment (the cancel_appointment
 * tool; HighLevel keeps it, with status `cancelled`) -> 200 `cancelled`, also when repeated.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { cancelAppointment } from '../../voiceBooking/appointments.js';
import type { App } from '../app.js';
import type { AppDeps } from '../deps.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';
import { CancelledSchema } from '../voiceResultSchemas.js';
import { notConnected, requireVoiceSetup } from '../voiceContext.js';
import { openVoiceContext } from '../../voiceBooking/context.js';
import { toolResultError } from './postAppointment.js';

const route = createRoute({
  method: 'delete',
  path: '/v1/workspaces/{ws}/appointments/{appointmentId}',
  summary: 'Cancel an appointment',
  security: bearer,
  request: { params: WorkspaceParams.extend({ appointmentId: z.string().min(1) }) },
  responses: {
    200: {
      description: '`status: cancelled`',
      content: { 'application/json': { schema: CancelledSchema } },
    },
    ...errorResponses(401, 403, 404, 409, 502),
  },
});

export function registerDeleteAppointment(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const ws = c.get('workspace').id;
    const { appointmentId } = c.req.valid('param');
    const ctx = openVoiceContext(deps, c.get('log'), ws, await requireVoiceSetup(deps, ws));
    if (!ctx) throw notConnected(ws);
    const result = await cancelAppointment(ctx, { appointmentId });
    if (result.status !== 'cancelled') throw toolResultError(result);
    return c.json(result, 200);
  });
}
