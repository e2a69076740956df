/**
 * `ghl-bridge mcp clients list|add|revoke` and `ghl-bridge mcp tools`: the tokens a workspace
 * gives AI agents for its MCP endpoint, from the command line (a headless deployment needs no
 * dashboard and no curl), through the same code as `…/mcp/clients` and `…/mcp/tools` in the API
 * (docs/mcp.md#clients-and-tokens).
 *
 * - `mcp clients list --workspace ID [--json]`: the clients, newest first, revoked ones too.
 * - `mcp clients add <name> --workspace ID [--read-write] [--allow-destructive] [--tools A,B]
 *   [--json]`: makes one; its token is printed this once. A permission the flags ask for wrongly
 *   is named by its flag, exit 2, and nothing is made.
 * - `mcp clients revoke <clientId> --workspace ID`: its token is refused from then on.
 * - `mcp tools [--json]`: the tools `--tools` can name, and what each does to the Location.
 */
import type { Config } from '../config.js';
import {
  CreateMcpClientBody,
  mcpClientView,
  mcpEndpointPath,
  mcpToolView,
} from '../http/mcpSchemas.js';
import { createMcpClient, listMcpClients, revokeMcpClient } from '../mcp/clientStore.js';
import type { FieldProblem } from '../mcp/core/clientRules.js';
import type { ToolAccess } from '../mcp/core/toolAccess.js';
import { MCP_TOOLS } from '../mcp/core/toolList.js';
import { inWorkspace } from './inWorkspace.js';

interface Io {
  config: Config;
  out: (line: string) => void;
  err: (line: string) => void;
}

type ClientView = ReturnType<typeof mcpClientView>;

/** One line per client: what it may do and when its token last came in, never the token. */
function clientLine(client: ClientView): string {
  const access = client.allowDestructive ? 'read-write, destructive allowed' : client.access;
  const tools = client.tools ? `tools ${client.tools.join(', ')}` : 'every tool its access allows';
  const used = client.lastUsedAt ? `last used ${client.lastUsedAt}` : 'never used';
  const revoked = client.revokedAt ? `  revoked ${client.revokedAt}` : '';
  return `${client.id}  ${client.name}  ${access}  ${tools}  ${client.tokenPreview}  ${used}${revoked}`;
}

/** The workspace's clients, as a list or as `GET …/mcp/clients` answers them. */
export async function mcpClientsListCommand(
  options: Io & { workspaceId: string; json: boolean },
): Promise<number> {
  const { out } = options;
  return inWorkspace(options, async ({ database, workspace }) => {
    const clients = (await listMcpClients(database.db, workspace.id)).map(mcpClientView);
    if (options.json) return (out(JSON.stringify({ clients }, null, 2)), 0);
    if (clients.length === 0) {
      out(
        `Workspace ${workspace.id} has no MCP clients. Give an agent a token with: ghl-bridge mcp clients add <name> --workspace ${workspace.id}`,
      );
      return 0;
    }
    for (const client of clients) out(clientLine(client));
    return 0;
  });
}

/**
 * The checks (the API's schema, then the store's rules) speak of the request's fields; on the
 * command line the same settings are flags, so their words become the flags' names.
 */
const IN_FLAGS: Array<[RegExp, string]> = [
  [/set access to "read-write"/g, 'add --read-write'],
  [/access "read-write"/g, '--read-write'],
  [/"allowDestructive": true/g, '--allow-destructive'],
  [/leave tools out/g, 'leave --tools out'],
  [/GET …\/mcp\/tools/g, 'ghl-bridge mcp tools'],
];

const FLAG_OF: Record<string, string> = {
  name: '<name>',
  access: '--read-write',
  allowDestructive: '--allow-destructive',
  tools: '--tools',
};

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th … 21st. */
function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** A problem as the operator reads it: the flag it is about (`tools.1`: its 2nd name), then why. */
function problemLine(problem: FieldProblem, tools: readonly string[]): string {
  const [field = '', index] = problem.path.split('.');
  const tool = index === undefined ? undefined : tools[Number(index)];
  const where =
    field === 'tools' && tool !== undefined
      ? `--tools, its ${ordinal(Number(index) + 1)} name (${tool})`
      : (FLAG_OF[field] ?? field);
  const message = IN_FLAGS.reduce(
    (text, [words, flag]) => text.replace(words, flag),
    problem.message,
  );
  return `  ${where}: ${message}`;
}

/** `--tools a, b,a`: the names, once each, in their order. */
function toolList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const names = text.split(',').map((name) => name.trim());
  return [...new Set(names.filter((name) => name !== ''))];
}

/** Makes a client; prints it with its token and endpoint, as `POST …/mcp/clients` answers. */
export async function mcpClientsAddCommand(
  options: Io & {
    workspaceId: string;
    name: string;
    readWrite: boolean;
    allowDestructive: boolean;
    tools?: string | undefined;
    json: boolean;
  },
): Promise<number> {
  const { out, err } = options;
  const tools = toolList(options.tools);
  const refuse = (problems: FieldProblem[]) => {
    err(
      `✗ No MCP client was made: ${problems.length === 1 ? 'one problem' : `${problems.length} problems`}.`,
    );
    for (const problem of problems) err(problemLine(problem, tools ?? []));
    return 2;
  };
  const body = CreateMcpClientBody.safeParse({
    name: options.name,
    access: options.readWrite ? 'read-write' : 'read-only',
    allowDestructive: options.allowDestructive,
    ...(tools ? { tools } : {}),
  });
  if (!body.success) {
    return refuse(body.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  return inWorkspace(options, async ({ database, workspace }) => {
    const made = await createMcpClient(database.db, workspace.id, {
      ...body.data,
      tools: body.data.tools ?? null,
    });
    if ('problems' in made) return refuse(made.problems);
    // The same path `POST …/mcp/clients` answers with: the CLI does not know the public URL.
    const endpoint = mcpEndpointPath(workspace.id);
    const client = mcpClientView(made.client);
    if (options.json) {
      out(JSON.stringify({ ...client, token: made.token, endpoint }, null, 2));
    } else {
      out(clientLine(client));
      out(`token     ${made.token}`);
      out(`endpoint  POST ${endpoint} on this bridge, with Authorization: Bearer <token>`);
    }
    err(
      'The token is shown this once (only its hash is kept): give it to the agent now. Lost, it cannot be shown again: add another client and revoke this one.',
    );
    return 0;
  });
}

/** Revokes a client: its token is refused from the next request on; the client stays listed. */
export async function mcpClientsRevokeCommand(
  options: Io & { workspaceId: string; id: string },
): Promise<number> {
  return inWorkspace(options, async ({ database, workspace }) => {
    if (!(await revokeMcpClient(database.db, workspace.id, options.id, new Date()))) {
      options.err(
        `✗ There is no MCP client ${options.id} in workspace ${workspace.id}; ghl-bridge mcp clients list --workspace ${workspace.id} lists them.`,
      );
      return 1;
    }
    options.out(
      `Revoked ${options.id}: its token is refused from now on. It stays listed, revoked, for the audit trail.`,
    );
    return 0;
  });
}

/** The tools by what they do to the Location, and the flags a client needs for each. */
const ACCESS_HEADINGS: Record<ToolAccess, string> = {
  read: 'Read (every client):',
  write: 'Write (a client made with --read-write):',
  destructive: 'Delete or remove (a client made with --read-write --allow-destructive):',
};

/** The tools `--tools` can name, as a list or as `GET …/mcp/tools` answers them. */
export function mcpToolsCommand(options: { json: boolean; out: (line: string) => void }): number {
  const { out } = options;
  const tools = MCP_TOOLS.map(mcpToolView);
  if (options.json) return (out(JSON.stringify({ tools }, null, 2)), 0);
  const width = Math.max(...tools.map((tool) => tool.name.length));
  for (const access of Object.keys(ACCESS_HEADINGS) as ToolAccess[]) {
    out(ACCESS_HEADINGS[access]);
    for (const tool of tools.filter((t) => t.access === access)) {
      out(`  ${tool.name.padEnd(width)}  ${tool.title}`);
    }
    out('');
  }
  out(
    `${tools.length} tools. The booking tools (check_availability …) are offered once the workspace's voice settings are saved. Give an agent some with: ghl-bridge mcp clients add <name> --workspace ID --tools A,B`,
  );
  return 0;
}
