/**
 * `GET /v1/workspaces/:ws/voice/calls/:callId` -> 200 the call's audit trail: each tool call
 * with its arguments, HighLevel requests (with traceIds) and outcome; 404 for an unknown call.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { callEvents } from '../../voice/callAudit.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../httpError.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';
import { ToolResultSchema } from '../voiceResultSchemas.js';

const ToolCallRecord = z
  .object({
    toolCallId: z.string().openapi({ description: "Vapi's id of the tool call" }),
    tool: z.string().openapi({ example: 'book_appointment' }),
    arguments: z.record(z.string(), z.unknown()).openapi({
      description:
        'The arguments as the agent sent them, whatever their keys; `{problem}` when they could not be read',
      example: {
        slotId: 'WyJjYWxfMSIsIjIwMjYtMTItMDFUMTU6MDA6MDAtMDU6MDAiXQ.Xk3q0sVb2mZQ',
        name: 'Ada Lovelace',
      },
    }),
    highLevelRequests: z.array(
      z.object({
        method: z.string(),
        path: z.string(),
        status: z.number().int().optional().openapi({ description: "HighLevel's HTTP status" }),
        code: z.string().optional().openapi({ description: 'Why the request failed, when it did' }),
        traceId: z
          .string()
          .optional()
          .openapi({ description: "HighLevel's trace id, for its support" }),
        durationMs: z.number(),
      }),
    ),
    outcome: ToolResultSchema,
    at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('VoiceToolCallRecord');

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/voice/calls/{callId}',
  summary: "One voice call's audit trail",
  security: bearer,
  request: { params: WorkspaceParams.extend({ callId: z.string().min(1) }) },
  responses: {
    200: {
      description: 'The tool calls in order',
      content: {
        'application/json': {
          schema: z.object({ callId: z.string(), toolCalls: z.array(ToolCallRecord) }),
        },
      },
    },
    ...errorResponses(401, 403, 404),
  },
});

/** @example registerGetVoiceCall(app, deps); */
export function registerGetVoiceCall(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const { callId } = c.req.valid('param');
    const toolCalls = await callEvents(deps.database.db, c.get('workspace').id, callId);
    if (toolCalls.length === 0) {
      throw new HttpError(
        404,
        'call_not_found',
        `No voice tool calls recorded for call ${callId}.`,
      );
    }
    return c.json({ callId, toolCalls }, 200);
  });
}
