/**
 * `POST /v1/workspaces/:ws/actions/:name` (body: the action's input) -> 200 `{action, result}`:
 * runs a catalogue action (docs/actions.md) through the workspace's HighLevel connection. The
 * body is checked against the action's input schema from `GET /v1/catalogue` (422 naming each
 * field); `locationId` is filled in from the connection. A write sent with an `Idempotency-Key`
 * runs once per key: the same key and body within 24 hours get the first answer; another body is
 * a 409. 404 `unknown_action`, 400 for a trigger, 409 `not_connected`, 422 `unsupported`;
 * HighLevel's refusals in words (actionAnswers.ts).
 */
import { createRoute, z } from '@hono/zod-openapi';
import { runAction } from '../../actions/runAction.js';
import { actionAnswer } from '../actionAnswers.js';
import type { AppDeps } from '../deps.js';
import type { App } from '../env.js';
import { bearer, errorResponses, WorkspaceParams } from '../schemas.js';

const ActionParams = WorkspaceParams.extend({
  name: z.string().openapi({
    param: { name: 'name', in: 'path' },
    description: "The action's `name` in GET /v1/catalogue",
    example: 'create-contact',
  }),
});

const ActionInput = z.record(z.string(), z.unknown()).openapi('ActionInput', {
  description:
    "The action's input: a JSON object checked against the action's `input` JSON Schema in GET /v1/catalogue (this document cannot list 69 of them); `placement` there says where each field goes in the HighLevel request. `locationId` may be left out: it is the connected Location's.",
  example: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
});

const ActionResultSchema = z
  .object({
    action: z.string().openapi({ example: 'create-contact' }),
    result: z.unknown().openapi({
      description:
        "HighLevel's answer, as HighLevel sent it: the action's `output` schema in GET /v1/catalogue; null when HighLevel answered without a body",
    }),
  })
  .openapi('ActionResult');

const route = createRoute({
  method: 'post',
  path: '/v1/workspaces/{ws}/actions/{name}',
  summary: 'Run a ready-made action in HighLevel',
  description:
    "Runs one action of the catalogue (GET /v1/catalogue?kind=action) in the connected Location: the body is free-form JSON, validated by the action's `input` schema there. Writes (every action whose HighLevel operation is not a GET) take an `Idempotency-Key`: the same key and body within 24 hours answer with the first answer without calling HighLevel again; a write sent again without a key may be done twice. See docs/actions.md.",
  security: bearer,
  request: {
    params: ActionParams,
    headers: z.object({
      'idempotency-key': z.string().min(1).max(200).optional().openapi({
        description:
          'Any unique string per request (a UUID): a retry with the same key and body gets the first answer; reads ignore it',
      }),
    }),
    body: { required: false, content: { 'application/json': { schema: ActionInput } } },
  },
  responses: {
    200: {
      description: "HighLevel's answer",
      content: { 'application/json': { schema: ActionResultSchema } },
    },
    ...errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 502),
  },
});

/** @example registerPostAction(app, deps); */
export function registerPostAction(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const workspaceId = c.get('workspace').id;
    const { name } = c.req.valid('param');
    const idempotencyKey = c.req.valid('header')['idempotency-key'];
    const input = (c.req.valid('json') as Record<string, unknown> | undefined) ?? {};
    const outcome = await runAction(
      {
        db: deps.database.db,
        highLevel: deps.highLevel,
        log: c.get('log'),
        ...(deps.clock ? { now: () => deps.clock!.now() } : {}),
      },
      { workspaceId, name, input, idempotencyKey, signal: c.req.raw.signal },
    );
    return c.json(actionAnswer(outcome, { workspaceId, idempotencyKey }), 200);
  });
}
