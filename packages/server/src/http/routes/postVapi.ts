/**
 * `POST /v1/workspaces/:ws/voice/vapi`: the workspace's Vapi server URL. Vapi authenticates with
 * the workspace's voice credential (`vapiAuthentication`), so this route runs before the API's
 * authentication and JSON middleware. A bad credential is a 401; everything else is HTTP 200,
 * because Vapi ignores the body of any other status (docs/vapi.md#answers). A
 * `transfer-destination-request` is answered with where to transfer the caller
 * (docs/vapi.md#handoff-and-alerts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { HighLevelRequest } from '../../voice/callAudit.js';
import { openVoiceContext } from '../../voice/context.js';
import { answerTransferRequest, transferAnswer } from '../../voice/handoff/transferRequest.js';
import { NO_DESTINATION } from '../../voice/handoff/core/vapiTransfer.js';
import {
  answerToolCalls,
  unavailableResults,
  unreadableMessage,
} from '../../voice/vapi/toolCalls.js';
import { readVapiMessage } from '../../voice/vapi/vapiMessage.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { vapiAuthentication } from '../middleware/vapiAuthentication.js';
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

const transferMessage = z.string().openapi({
  description: "Said to the caller before the transfer, in the workspace's language (`locale`)",
  example: 'Let me put you through to someone from the team.',
});

const VapiTransferDestination = z
  .union([
    z.object({
      destination: z.union([
        z.object({
          type: z.literal('number'),
          number: z.string().openapi({ example: '+14155550100' }),
          extension: z.string().optional().openapi({ example: '204' }),
          message: transferMessage,
        }),
        z.object({
          type: z.literal('sip'),
          sipUri: z.string().openapi({ example: 'sip:desk@pbx.example.com' }),
          message: transferMessage,
        }),
      ]),
    }),
    z.object({
      error: z.string().openapi({
        description: 'The call is not transferred: the workspace has no transfer destination',
        example: NO_DESTINATION,
      }),
    }),
  ])
  .openapi('VapiTransferDestination', {
    description:
      "The answer to a `transfer-destination-request`: the voice settings' `handoff.destination` (docs/vapi.md#handoff-and-alerts)",
  });

const VapiToolCall = z
  .object({
    id: z.string().openapi({ example: 'call_Qm4rZk2' }),
    type: z.literal('function').optional(),
    function: z.object({
      name: z.string().openapi({
        description:
          '`check_availability`, `book_appointment`, `reschedule_appointment`, `cancel_appointment`, `find_appointments` or `transfer_to_human`',
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

/** What Vapi posts, as far as the bridge reads it (`voice/vapi/vapiMessage.ts` reads it leniently). */
const VapiServerMessage = z
  .object({
    message: z.object({
      type: z.string().openapi({
        description:
          '`tool-calls` and `transfer-destination-request` are answered; any other type is acknowledged with no results',
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
  summary:
    "Vapi's server URL: answers tool-calls messages (check_availability, book_appointment) and transfer-destination-request",
  description:
    'Authenticated with the voice credential of `PUT /v1/workspaces/:ws/voice` (bearer, X-Vapi-Secret or HMAC signature), not a bridge API key. Always 200 except for a bad credential.',
  request: {
    params: WorkspaceParams,
    body: { required: true, content: { 'application/json': { schema: VapiServerMessage } } },
  },
  responses: {
    200: {
      description:
        'One single-line result per tool call, in order; for a `transfer-destination-request`, where to transfer the call',
      content: {
        'application/json': { schema: z.union([VapiResults, VapiTransferDestination]) },
      },
    },
    ...errorResponses(401, 413),
  },
});

function parse(rawBody: string): unknown {
  try {
    return JSON.parse(rawBody) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Registers the route: documented with the message Vapi posts, answered from the raw body.
 *
 * @example registerPostVapi(app, deps); // before the JSON body and authentication layers
 */
export function registerPostVapi(app: App, deps: AppDeps): void {
  // The signature covers the raw bytes and a malformed message still gets a 200 answer, so the
  // route never parses the body itself; the document shows what Vapi sends.
  app.openAPIRegistry.registerPath(route);
  const answering = {
    ...route,
    hide: true,
    request: { params: WorkspaceParams },
    middleware: vapiAuthentication(deps),
  };
  app.openapi(answering, async (c) => {
    const { ws } = c.req.valid('param');
    const { setup, rawBody } = c.var.vapi;
    const message = readVapiMessage(parse(rawBody));
    if (message.kind === 'acknowledge') return c.json({ results: [] }, 200);
    if (message.kind === 'invalid') {
      return c.json({ results: [], error: unreadableMessage(message.error) }, 200);
    }
    const requests: HighLevelRequest[] = [];
    const ctx = openVoiceContext(deps, c.get('log'), ws, setup, requests);
    if (!ctx) {
      c.get('log').warn(
        { workspaceId: ws, problem: setup.connectionProblem },
        'voice tool call without a usable GoHighLevel connection',
      );
      if (message.kind === 'transfer-destination-request') {
        // Still put through; without a connection no alert is raised (its task is HighLevel's).
        return c.json(transferAnswer(setup.settings, new Date()), 200);
      }
      return c.json({ results: unavailableResults(message.toolCalls) }, 200);
    }
    if (message.kind === 'transfer-destination-request') {
      return c.json(answerTransferRequest(ctx, message).answer, 200);
    }
    // Reads stop when Vapi gives up on the request; writes already asked for are not cut short.
    const live = { ...ctx, signal: c.req.raw.signal };
    const { results } = await answerToolCalls(live, { ...message, requests });
    return c.json({ results }, 200);
  });
}
