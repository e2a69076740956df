/**
 * Who may use which MCP tool. Each tool reads, writes or destroys; a client is read-only unless
 * made read-write, sees destructive tools only when they are allowed outright, and with an
 * allowlist sees only the tools it names. An agent loop can't delete what it was never shown.
 */

/** What a tool does to the Location. */
export type ToolAccess = 'read' | 'write' | 'destructive';

/** What a client may do: read only (the default), or read and write. */
export type ClientAccess = 'read-only' | 'read-write';

/** A client's permissions, as stored. */
export interface ClientPermissions {
  access: ClientAccess;
  allowDestructive: boolean;
  /** The tools it may use; null: every tool its access allows. */
  tools: readonly string[] | null;
}

/** Why a client may not use a tool. */
export type ToolRefusal = 'not_in_allowlist' | 'read_only' | 'destructive_not_allowed';

/**
 * Undefined when `client` may use a tool of `access` named `name`, else why not.
 *
 * @example refusalFor({ access: 'read-only', allowDestructive: false, tools: null }, 'create-contact', 'write') // 'read_only'
 */
export function refusalFor(
  client: ClientPermissions,
  name: string,
  access: ToolAccess,
): ToolRefusal | undefined {
  if (access !== 'read' && client.access === 'read-only') return 'read_only';
  if (access === 'destructive' && !client.allowDestructive) return 'destructive_not_allowed';
  if (client.tools && !client.tools.includes(name)) return 'not_in_allowlist';
  return undefined;
}

/**
 * The sentence an agent (and its user) reads when a tool is refused: what to change, and where.
 *
 * @example refusalMessage('delete-contact', 'destructive_not_allowed')
 */
export function refusalMessage(name: string, refusal: ToolRefusal): string {
  switch (refusal) {
    case 'not_in_allowlist':
      return `Tool ${name} is not in this MCP client's allowlist; add it to the client's tools, or use a client that has it.`;
    case 'read_only':
      return `Tool ${name} changes HighLevel and this MCP client is read-only; create a client with access "read-write" to use it.`;
    case 'destructive_not_allowed':
      return `Tool ${name} deletes or removes data in HighLevel; it is only offered to an MCP client created with "allowDestructive": true.`;
  }
}

/**
 * Names that take something away without an HTTP DELETE: `bulk-update-contact-tags` with
 * `type: remove` strips tags from many contacts at once.
 */
const DESTRUCTIVE_WITHOUT_DELETE = new Set(['bulk-update-contact-tags']);

/**
 * What a catalogue entry does: a trigger or a GET reads; a DELETE destroys; anything else writes.
 *
 * @example entryAccess({ name: 'delete-contact', kind: 'action', method: 'DELETE' }) // 'destructive'
 */
export function entryAccess(entry: {
  name: string;
  kind: 'action' | 'trigger';
  method: string;
}): ToolAccess {
  if (entry.kind === 'trigger' || entry.method === 'GET') return 'read';
  if (entry.method === 'DELETE' || DESTRUCTIVE_WITHOUT_DELETE.has(entry.name)) return 'destructive';
  return 'write';
}
