/**
 * `GET /readyz` -> 200 when the database answers, the queue runs and every stored credential can
 * be decrypted, else 503 saying which. Undecryptable credentials mean the secret keys were
 * changed before `ghl-bridge rekey` moved everything to the current key: a process in that state
 * fails those workspaces' syncs and calls, so a rollout should stop there.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { undecryptableCredentials } from '../../crypto/storedCredentials.js';
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';

const Readiness = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.object({
      database: z.enum(['ok', 'failing']),
      queue: z.enum(['ok', 'starting']),
      credentials: z.enum(['ok', 'undecryptable', 'unknown']).openapi({
        description:
          '`undecryptable`: some stored credentials are encrypted with a secret key this process does not have (see `undecryptable`); `unknown` while the database fails',
      }),
    }),
    undecryptable: z
      .object({
        count: z.number().int(),
        keyIds: z.array(z.string()).openapi({
          description:
            'Ids of the missing secret keys (not secret): add them to GHL_BRIDGE_PREVIOUS_SECRET_KEYS',
        }),
      })
      .optional(),
  })
  .openapi('Readiness');

const route = createRoute({
  method: 'get',
  path: '/readyz',
  summary: 'Readiness: database, queue and stored credentials',
  responses: {
    200: { description: 'Ready', content: { 'application/json': { schema: Readiness } } },
    503: { description: 'Not ready', content: { 'application/json': { schema: Readiness } } },
  },
});

export function registerReadyz(app: App, deps: AppDeps): void {
  app.openapi(route, async (c) => {
    const { db } = deps.database;
    const database = await deps.database.ping().then(
      () => 'ok' as const,
      () => 'failing' as const,
    );
    const queue = deps.queueReady() ? ('ok' as const) : ('starting' as const);
    const lost =
      database === 'ok'
        ? await undecryptableCredentials(db, deps.keyring).catch(() => undefined)
        : undefined;
    const credentials: 'ok' | 'undecryptable' | 'unknown' =
      lost === undefined ? 'unknown' : lost.length > 0 ? 'undecryptable' : 'ok';
    const ready = database === 'ok' && queue === 'ok' && credentials === 'ok';
    const body = {
      status: ready ? ('ready' as const) : ('not_ready' as const),
      checks: { database, queue, credentials },
      ...(lost && lost.length > 0
        ? {
            undecryptable: {
              count: lost.length,
              keyIds: [...new Set(lost.map((credential) => credential.keyId))].sort(),
            },
          }
        : {}),
    };
    return ready ? c.json(body, 200) : c.json(body, 503);
  });
}
