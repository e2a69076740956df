/**
 * `GET /v1/workspaces/:ws/voice/calls` -> 200 `{calls}`: the latest voice calls (at most 200),
 * each with the tools it used and its last outcome.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { listCalls } from '../../voice/callAudit.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const CallSummary = z
  .object({
    callId: z.string(),
    toolCalls: z.number().int().openapi({ description: 'Tool calls answered' }),
    tools: z.array(z.string()).openapi({
      description: 'The tools the call used, each once, in the order first used',
      example: ['check_availability', 'book_appointment'],
    }),
    lastOutcome: z
      .object({
        tool: z.string().openapi({ example: 'book_appointment' }),
        status: z.string().openapi({
          description: "The last tool call's result `status` (docs/vapi.md#tool-results)",
          example: 'booked',
        }),
        code: z
          .string()
          .optional()
          .openapi({ description: 'The failure code, when `status` is `error`' }),
      })
      .openapi({ description: 'How the call ended, as far as its tools know' }),
    firstAt: z.string().openapi({ format: 'date-time' }),
    lastAt: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('VoiceCallSummary');

const route = createRoute({
  method: 'get',
  path: '/v1/workspaces/{ws}/voice/calls',
  summary: 'Voice calls that used the tools, newest first',
  security: bearer,
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: 'The calls',
      content: { 'application/json': { schema: z.object({ calls: z.array(CallSummary) }) } },
    },
    ...errorResponses(401, 403, 404),
  },
});

/** @example registerListVoiceCalls(app, deps); */
export function registerListVoiceCalls(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const calls = await listCalls(deps.database.db, c.get('workspace').id, 200);
    return c.json({ calls }, 200);
  });
}
