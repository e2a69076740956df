/**
 * The checks on a new MCP client's permissions against the tools there are: each name in its
 * allowlist must be a tool, and one its access lets it use; destructive tools need a read-write
 * client that allows them. Each problem names its field, so the caller fixes all at once.
 */
import { closeNames } from '../../catalogue/core/closeNames.js';
import { refusalFor, type ClientPermissions, type ToolAccess } from './toolAccess.js';

export interface FieldProblem {
  path: string;
  message: string;
}

/** A tool as the checks need it. */
export interface KnownTool {
  name: string;
  access: ToolAccess;
}

/**
 * @example clientProblems({ access: 'read-only', allowDestructive: false, tools: ['delete-contact'] }, tools)
 */
export function clientProblems(
  client: ClientPermissions,
  known: readonly KnownTool[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (client.allowDestructive && client.access === 'read-only') {
    problems.push({
      path: 'allowDestructive',
      message: 'a read-only client can use no destructive tool; set access to "read-write" too',
    });
  }
  const byName = new Map(known.map((tool) => [tool.name, tool]));
  for (const [index, name] of (client.tools ?? []).entries()) {
    const path = `tools.${index}`;
    const tool = byName.get(name);
    if (!tool) {
      const near = closeNames(
        name,
        known.map((t) => t.name),
      );
      const hint = near.length > 0 ? `; did you mean ${near.join(', ')}?` : '';
      problems.push({
        path,
        message: `there is no tool ${name} (GET …/mcp/tools lists them)${hint}`,
      });
      continue;
    }
    const refusal = refusalFor({ ...client, tools: null }, name, tool.access);
    if (refusal === 'read_only') {
      problems.push({ path, message: `${name} writes to HighLevel: it needs access "read-write"` });
    } else if (refusal === 'destructive_not_allowed') {
      problems.push({
        path,
        message: `${name} deletes or removes data in HighLevel: it needs "allowDestructive": true`,
      });
    }
  }
  return problems;
}
