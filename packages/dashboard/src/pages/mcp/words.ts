/**
 * MCP clients and their calls in an operator's words (docs/mcp.md): what a client may do, what
 * each class of tool does to the Location, and how a call ended.
 */
import type { McpCall, McpClient, ToolAccess } from '../../api/mcp';

export const ACCESS: Record<McpClient['access'], { label: string; hint: string }> = {
  'read-only': { label: 'Read only', hint: 'Sees only the tools that read.' },
  'read-write': {
    label: 'Read and write',
    hint: 'Also the tools that create and change: contacts, bookings, notes, opportunities …',
  },
};

/** The allowlist's groups, in the order shown, and who may be given their tools. */
export const TOOL_GROUPS: Record<ToolAccess, { label: string; hint: string }> = {
  read: { label: 'Reads', hint: 'Every client may use these.' },
  write: { label: 'Writes', hint: 'Need Read and write access.' },
  destructive: {
    label: 'Deletes or removes',
    hint: 'Need Read and write access and destructive tools allowed. They cannot be undone.',
  },
};

/**
 * What a client may do, in a sentence.
 *
 * @example accessInWords({ access: 'read-write', allowDestructive: false }); // 'Read and write, nothing destructive'
 */
export function accessInWords(client: Pick<McpClient, 'access' | 'allowDestructive'>): string {
  if (client.access === 'read-only') return ACCESS['read-only'].label;
  return `${ACCESS['read-write'].label}, ${client.allowDestructive ? 'destructive allowed' : 'nothing destructive'}`;
}

const REFUSALS: Record<string, string> = {
  not_in_allowlist: 'not in the allowlist',
  read_only: 'the client is read-only',
  destructive_not_allowed: 'destructive tools not allowed',
  unknown_tool: 'no such tool',
  validation_failed: 'wrong arguments',
  needs_info: 'details missing',
  not_connected: 'GoHighLevel not connected',
};

const OUTCOMES: Record<McpCall['outcome'], string> = {
  ok: 'Answered',
  refused: 'Refused',
  error: 'Failed',
};

/**
 * How a call ended, with why when it was not a plain answer.
 *
 * @example callOutcome({ outcome: 'refused', code: 'read_only' }); // 'Refused: the client is read-only'
 */
export function callOutcome(call: Pick<McpCall, 'outcome' | 'code'>): string {
  const word = OUTCOMES[call.outcome];
  if (!call.code || call.code === 'ok') return word;
  return `${word}: ${REFUSALS[call.code] ?? call.code.replace(/_/g, ' ')}`;
}
