/**
 * `POST /v1/workspaces/:ws/voice/vapi`: the workspace's Vapi server URL. Vapi authenticates with
 * the workspace's voice credential (not a bridge API key), so this route runs before the API's
 * authentication and JSON middleware. A bad credential is a 401; everything else is HTTP 200,
 * because Vapi ignores the body of any other status (docs/vapi.md#answers).
 *
 * A workspace that does not exist or has no voice settings has no secret a request could match,
 * so it gets the same 401 as a wrong credential: the answer never tells whether a workspace id
 * exists or which credential type it expects.
 */
import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { failed, formatToolResult } from '../../voice/speech.js';
import { readVapiMessage } from '../../voice/vapiMessage.js';
import type { VoiceAuth } from '../../voice/settings.js';
import { verifyVapiRequest } from '../../voice/vapiAuth.js';
import type { HighLevelRequest } from '../../voiceBooking/callAudit.js';
import { answerToolCalls } from '../../voiceBooking/toolCalls.js';
import type { App } from '../app.js';
import type { AppDeps } from '../deps.js';
import { HttpError } from '../httpError.js';
import { openVoiceContext } from '../../voiceBooking/context.js';
import { loadVoiceSetup } from '../../voiceBooking/settingsStore.js';
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

const VapiToolCall = z
  .object({
    id: z.string().openapi({ example: 'call_Qm4rZk2' }),
    type: z.literal('function').optional(),
    function: z.object({
      name: z.string().openapi({
        description:
          '`check_availability`, `book_appointment`, `reschedule_appointment`, `cancel_appointment` or `find_appointments`',
        example: 'check_availability',
      }),
      arguments: z
        .union([z.string(), z.record(z.string(), z.unknown())])
        .optional()
        .openapi({
          description: "The tool's arguments, as a JSON object or a string of one",
          example: '{"date":"2026-12-01"}',
        }),
    }),
  })
  .openapi('VapiToolCall');

/** What Vapi posts, as far as the bridge reads it (`voice/vapiMessage.ts` reads it leniently). */
const VapiServerMessage = z
  .object({
    message: z.object({
      type: z.string().openapi({
        description: '`tool-calls` is answered; any other type is acknowledged with no results',
        example: 'tool-calls',
      }),
      call: z
        .object({
          id: z
            .string()
            .optional()
            .openapi({ description: 'Repeated tool calls of one call are answered once' }),
          customer: z
            .object({ number: z.string().optional().openapi({ example: '+14155550100' }) })
            .optional(),
        })
        .optional(),
      toolCallList: z.array(VapiToolCall).optional(),
      toolWithToolCallList: z
        .array(
          z.object({
            function: z.object({ name: z.string() }).optional(),
            toolCall: VapiToolCall,
          }),
        )
        .optional()
        .openapi({
          description: 'The same calls, wrapped with their tool; each id is answered once',
        }),
    }),
  })
  .openapi('VapiServerMessage', {
    example: {
      message: {
        type: 'tool-calls',
        call: { id: 'call_8f2a', customer: { number: '+14155550100' } },
        toolCallList: [
          {
            id: 'call_Qm4rZk2',
            type: 'function',
            function: { name: 'check_availability', arguments: '{"date":"2026-12-01"}' },
          },
        ],
      },
    },
  });

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces/{ws}/voice/vapi',
  summary: "Vapi's server URL: answers tool-calls messages (check_availability, book_appointment)",
  description:
    'Authenticated with the voice credential of `PUT /v1/workspaces/:ws/voice` (bearer, X-Vapi-Secret or HMAC signature), not a bridge API key. Always 200 except for a bad credential.',
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: VapiServerMessage } } },
  },
  responses: {
    200: {
      description: 'One single-line result per tool call, in order',
      content: { 'application/json': { schema: VapiResults } },
    },
    ...errorResponses(401, 413),
  },
});

/**
 * Checked when the workspace has no voice settings, so that answer takes as long as a wrong
 * credential; it matches nothing (a fresh random secret no request can know).
 */
const NO_SETTINGS: VoiceAuth = { type: 'bearer', secret: randomUUID() };

const unauthorized = () =>
  new HttpError(
    401,
    'bad_credential',
    "The Vapi credential is missing or does not match this workspace's voice secret. Set the secret of PUT /v1/workspaces/:ws/voice on the assistant's server URL, sent as that settings' auth.type says (Authorization: Bearer, X-Vapi-Secret or x-vapi-signature).",
  );

function parse(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return undefined;
  }
}

export function registerPostVapi(app: App, deps: AppDeps): void {
  // The signature covers the raw bytes and a malformed message still gets a 200 answer, so the
  // route never parses the body itself; the document shows what Vapi sends.
  app.openAPIRegistry.registerPath(route);
  const answering = { ...route, hide: true, request: { params: WorkspaceParams } };
  app.openapi(answering, async (c) => {
    const { ws } = c.req.valid('param');
    const setup = await loadVoiceSetup(deps.database.db, deps.keyring, ws);
    const rawBody = await c.req.text();
    const check = verifyVapiRequest(
      setup?.settings.auth ?? NO_SETTINGS,
      { headers: c.req.raw.headers, rawBody },
      new Date(),
    );
    // The detail stays in the log, for whoever sets up the assistant.
    if (!setup) {
      c.get('log').info({ workspaceId: ws }, 'Vapi request for a workspace without voice settings');
      throw unauthorized();
    }
    if (!check.ok) {
      c.get('log').info({ workspaceId: ws, reason: check.reason }, check.message);
      throw unauthorized();
    }

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
      c.get('log').warn(
        { workspaceId: ws, problem: setup.connectionProblem },
        'voice tool call without a usable GoHighLevel connection',
      );
      return c.json({ results: message.toolCalls.map((t) => ({ toolCallId: t.id, error })) }, 200);
    }
    // Reads stop when Vapi gives up on the request; writes already asked for are not cut short.
    const live = { ...ctx, signal: c.req.raw.signal };
    const { results } = await answerToolCalls(live, { ...message, requests });
    return c.json({ results }, 200);
  });
}
