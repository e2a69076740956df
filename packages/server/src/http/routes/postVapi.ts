/**
 * `POST /v1/workspaces/:ws/voice/vapi`: the workspace's Vapi server URL. Vapi authenticates with
 * the workspace's voice credential (not a bridge API key), so this route runs before the API's
 * authentication and JSON middleware. A bad credential is a 401; everything else is HTTP 200,
 * because Vapi ignores the body of any other status (vapi-notes.md).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { failed, formatToolResult } from '../../voice/speech.js';
import { readVapiMessage } from '../../voice/vapiMessage.js';
import { verifyVapiRequest } from '../../voice/vapiAuth.js';
import type { HighLevelRequest } from '../../voiceBooking/callAudit.js';
import { answerToolCalls } from '../../voiceBooking/toolCalls.js';
import type { App } from '../app.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../httpError.js';
import { requireVoiceSetup } from '../voiceContext.js';
import { openVoiceContext } from '../../voiceBooking/context.js';
import { errorResponses, WorkspaceParams } from '../schemas.js';

const VapiResults = z
  .object({
    results: z.array(
      z.object({
        toolCallId: z.string(),
        result: z.string().optional(),
        error: z.string().optional(),
      }),
    ),
    error: z.string().optional(),
  })
  .openapi('VapiToolResults');

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces/{ws}/voice/vapi',
  summary: "Vapi's server URL: answers tool-calls messages (check_availability, book_appointment)",
  description:
    'Authenticated with the voice credential of `PUT /v1/workspaces/:ws/voice` (bearer, X-Vapi-Secret or HMAC signature), not a bridge API key. Always 200 except for a bad credential.',
  request: { params: WorkspaceParams },
  responses: {
    200: {
      description: 'One single-line result per tool call, in order',
      content: { 'application/json': { schema: VapiResults } },
    },
    ...errorResponses(401, 404, 413),
  },
});

function parse(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return undefined;
  }
}

export function registerPostVapi(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const { ws } = c.req.valid('param');
    const setup = await requireVoiceSetup(deps, ws);
    const rawBody = await c.req.text();
    const check = verifyVapiRequest(
      setup.settings.auth,
      { headers: c.req.raw.headers, rawBody },
      new Date(),
    );
    if (!check.ok) throw new HttpError(401, check.reason, check.message);

    const message = readVapiMessage(parse(rawBody));
    if (message.kind === 'acknowledge') return c.json({ results: [] }, 200);
    if (message.kind === 'invalid') {
      const error = formatToolResult({ ...failed('unreadable_arguments'), message: message.error });
      return c.json({ results: [], error }, 200);
    }
    const requests: HighLevelRequest[] = [];
    const ctx = openVoiceContext(deps, c.get('log'), ws, setup, requests);
    if (!ctx) {
      const error = formatToolResult(failed('unavailable'));
      c.get('log').warn({ workspaceId: ws }, 'voice tool call without a GoHighLevel connection');
      return c.json({ results: message.toolCalls.map((t) => ({ toolCallId: t.id, error })) }, 200);
    }
    const { results } = await answerToolCalls(ctx, { ...message, requests });
    return c.json({ results }, 200);
  });
}
