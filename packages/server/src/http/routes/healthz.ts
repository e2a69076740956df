/** `GET /healthz` -> 200 while the process runs (liveness; checks nothing else). */
import { createRoute, z } from '@hono/zod-openapi';
import type { App } from '../env.js';

const route = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Liveness',
  responses: {
    200: {
      description: 'Alive',
      content: { 'application/json': { schema: z.object({ status: z.literal('ok') }) } },
    },
  },
});

export function registerHealthz(app: App): void {
  app.openapi(route, (c) => c.json({ status: 'ok' as const }, 200));
}
