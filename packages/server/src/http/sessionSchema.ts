/** Who a request acts for, as the session routes answer it. */
import { z } from '@hono/zod-openapi';

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
