/**
 * `PATCH /v1/workspaces/:ws/appointments/:id {slotId | startTime}`: moves an appointment (the
 * reschedule_appointment tool) -> 200 `rescheduled`; 409 `slot_unavailable` with alternatives.
 * Repeating it is harmless: an appointment already at that time answers the same.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { readRescheduleAppointment } from '../../voice/toolArgs.js';
import { rescheduleAppointment } from '../../voiceBooking/appointments.js';
import type { App } from '../app.js';
import type { AppDeps } from '../deps.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';
import { RescheduledSchema } from '../voiceResultSchemas.js';
import { notConnected, requireVoiceSetup } from '../voiceContext.js';
import { openVoiceContext } from '../../voiceBooking/context.js';
import { RescheduleBody, toolResultError } from './postAppointment.js';

const route = createRoute({
  method: 'patch',
  path: '/v1/workspaces/{ws}/appointments/{appointmentId}',
  summary: 'Move an appointment to another free slot',
  security: bearer,
  request: {
    params: WorkspaceParams.extend({ appointmentId: z.string().min(1) }),
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

export function registerPatchAppointment(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const ws = c.get('workspace').id;
    const { appointmentId } = c.req.valid('param');
    const setup = await requireVoiceSetup(deps, ws);
    const { settings } = setup;
    const ctx = openVoiceContext(deps, c.get('log'), ws, setup);
    if (!ctx) throw notConnected(ws);
    const read = readRescheduleAppointment(
      { ...c.req.valid('json'), appointmentId },
      { now: ctx.now, timezone: settings.timezone, defaultCountry: settings.defaultCountry },
    );
    if (!read.ok) throw toolResultError(read.result);
    const result = await rescheduleAppointment(ctx, read.args);
    if (result.status !== 'rescheduled') throw toolResultError(result);
    return c.json(result, 200);
  });
}
