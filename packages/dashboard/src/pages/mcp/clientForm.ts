/**
 * A new MCP client as the form edits it, the body it sends, and the server's 422 `details.fields`
 * placed where the form shows them. The server decides what is valid (mcp/core/clientRules.ts):
 * the form never drops a choice the access does not allow; the server names it instead.
 */
import type { McpClient, NewMcpClient } from '../../api/mcp';
import { fieldErrors } from '../voice/draft';

export interface ClientDraft {
  name: string;
  access: McpClient['access'];
  /** Sent only with read-write: a read-only client can have no destructive tool. */
  allowDestructive: boolean;
  /** Whether the client gets an allowlist (`tools`) rather than every tool its access allows. */
  chooseTools: boolean;
  /** The allowlist, in the order chosen. */
  tools: string[];
}

export const EMPTY_DRAFT: ClientDraft = {
  name: '',
  access: 'read-only',
  allowDestructive: false,
  chooseTools: false,
  tools: [],
};

/**
 * The body of `POST …/mcp/clients`.
 *
 * @example clientBody({ ...EMPTY_DRAFT, name: 'Reports' }); // { name: 'Reports', access: 'read-only', allowDestructive: false }
 */
export function clientBody(draft: ClientDraft): NewMcpClient {
  return {
    name: draft.name.trim(),
    access: draft.access,
    allowDestructive: draft.access === 'read-write' && draft.allowDestructive,
    ...(draft.chooseTools ? { tools: draft.tools } : {}),
  };
}

/** What the server refused: by field (`name`, `access`, `allowDestructive`, `tools`) and by tool. */
export interface Problems {
  fields: Map<string, string>;
  tools: Map<string, string>;
}

export const NO_PROBLEMS: Problems = { fields: new Map(), tools: new Map() };

/**
 * The 422's field problems, those about `tools.<i>` given to the tool sent at `i`: the form keys
 * them by tool name, as the allowlist's order changes while the user edits it.
 *
 * @example problemsOf({ fields: [{ path: 'tools.0', message: '…' }] }, ['create-contact']).tools.get('create-contact'); // '…'
 */
export function problemsOf(details: unknown, sent: readonly string[]): Problems {
  const problems: Problems = { fields: new Map(), tools: new Map() };
  for (const [path, message] of fieldErrors(details)) {
    const tool = /^tools\.(\d+)$/.exec(path);
    const name = tool ? sent[Number(tool[1])] : undefined;
    if (name !== undefined) problems.tools.set(name, message);
    else {
      const field = tool ? 'tools' : path;
      const earlier = problems.fields.get(field);
      problems.fields.set(field, earlier ? `${earlier}; ${message}` : message);
    }
  }
  return problems;
}

/**
 * The problems left once `patch` is applied: a field's go when it changes; the tools' go when the
 * access or the destructive choice changes (that may be their fix), each tool's when it is
 * chosen or dropped.
 */
export function withoutProblemsOf(problems: Problems, patch: Partial<ClientDraft>): Problems {
  const changed = Object.keys(patch);
  const fields = new Map([...problems.fields].filter(([path]) => !changed.includes(path)));
  if (patch.chooseTools !== undefined) fields.delete('tools');
  const permissions = patch.access !== undefined || patch.allowDestructive !== undefined;
  if (permissions) fields.delete('allowDestructive');
  const tools = permissions
    ? new Map<string, string>()
    : new Map([...problems.tools].filter(([name]) => !patch.tools || patch.tools.includes(name)));
  return { fields, tools };
}

/**
 * The form's path for a tool's checkbox (its id and its problem's), by name: the server's
 * `tools.<i>` counts positions in what was sent.
 *
 * @example toolPath('create-contact'); // 'allowlist.create-contact'
 */
export const toolPath = (name: string) => `allowlist.${name}`;
