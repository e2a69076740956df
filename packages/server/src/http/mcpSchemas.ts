/**
 * The shapes of the MCP management routes (docs/mcp.md): clients and their tokens, the tools an
 * allowlist can name, and the audit trail of calls.
 */
import { z } from '@hono/zod-openapi';
import type { McpCall } from '../mcp/callStore.js';
import type { McpClient } from '../mcp/clientStore.js';
import type { McpTool } from '../mcp/core/toolList.js';
import { WorkspaceParams } from './schemas.js';

const NAME_MESSAGE = 'expected a name of 1 to 100 characters, like "Claude Desktop (Ada)"';

export const CreateMcpClientBody = z
  .object({
    name: z
      .string({ error: NAME_MESSAGE })
      .trim()
      .min(1, NAME_MESSAGE)
      .max(100, NAME_MESSAGE)
      .openapi({ description: 'Who the token is for', example: 'Front-desk booking agent' }),
    access: z
      .enum(['read-only', 'read-write'], { error: 'expected "read-only" or "read-write"' })
      .default('read-only')
      .openapi({ description: 'read-only (the default) sees only the tools that read' }),
    allowDestructive: z.boolean({ error: 'expected true or false' }).default(false).openapi({
      description:
        'Offer the tools that delete or remove (delete-contact, remove-from-campaign, cancel_appointment …); needs access read-write',
    }),
    tools: z
      .array(z.string({ error: 'expected a tool name' }).min(1).max(100), {
        error: 'expected a list of tool names',
      })
      .min(1, 'expected at least one tool name; leave tools out for every tool the access allows')
      .max(200)
      .optional()
      .openapi({
        description:
          'The allowlist: only these tools (names from GET …/mcp/tools). Left out: every tool the access allows',
        example: ['check_availability', 'book_appointment', 'find_appointments'],
      }),
  })
  .openapi('CreateMcpClient');

export const McpClientSchema = z
  .object({
    id: z.string().openapi({ example: 'mcpc_q4ymc7w2rj5x2rb3aa5t' }),
    name: z.string(),
    access: z.enum(['read-only', 'read-write']),
    allowDestructive: z.boolean(),
    tools: z.array(z.string()).nullable().openapi({
      description: 'The allowlist; null: every tool the access allows',
    }),
    tokenPreview: z.string().openapi({ example: 'ghlm_…a1B2' }),
    createdAt: z.string().openapi({ format: 'date-time' }),
    lastUsedAt: z.string().nullable().openapi({
      format: 'date-time',
      description: 'When the token was last used, to the minute',
    }),
    revokedAt: z.string().nullable().openapi({ format: 'date-time' }),
  })
  .openapi('McpClient');

export const CreatedMcpClientSchema = McpClientSchema.extend({
  token: z.string().openapi({
    description: 'The bearer token for the MCP endpoint, shown in this response only',
    example: 'ghlm_3q2+7w…',
  }),
  endpoint: z.string().openapi({
    description: 'The MCP endpoint this token opens (a path on this server)',
    example: '/v1/workspaces/ws_q4ymc7w2rj5x2rb3aa5t/mcp',
  }),
}).openapi('CreatedMcpClient');

export const McpClientParams = WorkspaceParams.extend({
  clientId: z
    .string()
    .openapi({ param: { name: 'clientId', in: 'path' }, example: 'mcpc_q4ymc7w2rj5x2rb3aa5t' }),
});

export const McpToolSchema = z
  .object({
    name: z.string().openapi({ example: 'book_appointment' }),
    title: z.string(),
    description: z.string(),
    source: z.enum(['voice', 'action', 'trigger']).openapi({
      description: 'voice: the booking tools; action and trigger: the operations catalogue',
    }),
    access: z.enum(['read', 'write', 'destructive']),
  })
  .openapi('McpTool');

const HighLevelRequestSchema = z.object({
  method: z.string(),
  path: z.string(),
  status: z.number().int().optional(),
  code: z.string().optional(),
  traceId: z.string().optional(),
  durationMs: z.number(),
});

export const McpCallSchema = z
  .object({
    id: z.string(),
    clientId: z.string(),
    clientName: z.string(),
    tool: z.string().openapi({ example: 'book_appointment' }),
    arguments: z.record(z.string(), z.unknown()).openapi({
      description: 'The arguments as sent, with secrets (passwords, tokens, keys) as "[redacted]"',
    }),
    outcome: z.enum(['ok', 'refused', 'error']),
    code: z.string().nullable().openapi({
      description:
        "The result's status (booked, slot_unavailable …) or why it was refused or failed (not_in_allowlist, validation_failed …)",
      example: 'booked',
    }),
    replayed: z.boolean().openapi({
      description: 'Answered with the first answer of the same write, HighLevel not asked again',
    }),
    highLevelRequests: z.array(HighLevelRequestSchema),
    durationMs: z.number().int(),
    at: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('McpCall');

/**
 * @example c.json(mcpClientView(client), 200)
 */
export function mcpClientView(client: McpClient) {
  return {
    id: client.id,
    name: client.name,
    access: client.access,
    allowDestructive: client.allowDestructive,
    tools: client.tools ? [...client.tools] : null,
    tokenPreview: client.tokenPreview,
    createdAt: client.createdAt.toISOString(),
    lastUsedAt: client.lastUsedAt?.toISOString() ?? null,
    revokedAt: client.revokedAt?.toISOString() ?? null,
  };
}

/** @example c.json({ calls: page.calls.map(mcpCallView) }, 200) */
export function mcpCallView(call: McpCall) {
  return { ...call, at: call.at.toISOString() };
}

/**
 * The path of a workspace's MCP endpoint, on this server.
 *
 * @example mcpEndpointPath('ws_1') // '/v1/workspaces/ws_1/mcp'
 */
export const mcpEndpointPath = (ws: string) => `/v1/workspaces/${ws}/mcp`;

/** A tool as `GET …/mcp/tools` lists it: without its input schema. */
export function mcpToolView({ name, title, description, source, access }: McpTool) {
  return { name, title, description, source, access };
}
