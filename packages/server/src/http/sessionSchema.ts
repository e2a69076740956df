/** Who a request acts for, as the session routes answer it. */
import { z } from '@hono/zod-openapi';
import type { TokenOwner } from '../sessions/tokenOwner.js';

export const SessionSchema = z
  .object({
    principal: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('admin') }).openapi('AdminPrincipal'),
      z
        .object({
          kind: z.literal('workspace'),
          workspaceId: z.string(),
          workspaceName: z.string(),
        })
        .openapi('WorkspacePrincipal'),
    ]),
    expiresAt: z.string().nullable().openapi({
      format: 'date-time',
      description: 'When the dashboard session ends; null for a bearer token, which does not',
    }),
  })
  .openapi('Session');

/**
 * The session routes' answer for `principal`; `expiresAt` null for a bearer token.
 *
 * @example return c.json(sessionView({ kind: 'admin' }, null), 200);
 */
export function sessionView(
  principal: TokenOwner,
  expiresAt: Date | null,
): z.infer<typeof SessionSchema> {
  return {
    principal:
      principal.kind === 'admin'
        ? { kind: 'admin' }
        : {
            kind: 'workspace',
            workspaceId: principal.workspace.id,
            workspaceName: principal.workspace.name,
          },
    expiresAt: expiresAt?.toISOString() ?? null,
  };
}
