/** `GET /readyz` -> 200 when the database answers and the queue runs, else 503 saying which. */
import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../app.js';
import type { AppDeps } from '../deps.js';

const Readiness = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({ database: z.enum(['ok', 'failing']), queue: z.enum(['ok', 'starting']) }),
});

const route = createRoute({
  method: 'get',
  path: '/readyz',
  summary: 'Readiness: database and queue',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: Readiness } } },
    503: { description: 'Not ready', content: { 'application/json': { schema: Readiness } } },
  },
});

export function registerReadyz(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const database = await deps.database.ping().then(
      () => 'ok' as const,
      () => 'failing' as const,
    );
    const queue = deps.queueReady() ? ('ok' as const) : ('starting' as const);
    const ready = database === 'ok' && queue === 'ok';
    const body = {
      status: ready ? ('ready' as const) : ('not_ready' as const),
      checks: { database, queue },
    };
    return ready ? c.json(body, 200) : c.json(body, 503);
  });
}
