/**
 * Every tool the MCP server can offer, described for a model: the booking tools (their words are
 * the Vapi assistant's) and the catalogue's runnable actions and triggers, each with what it
 * does to the Location and the JSON Schema of its arguments. Built once from static data.
 */
import { CATALOGUE } from '../../catalogue/core/catalogue.js';
import type { CatalogueEntry, JsonSchema } from '../../catalogue/core/entry.js';
import { whyNotRunnable } from '../../catalogue/core/runnable.js';
import { TOOL_SCHEMAS } from '../../voice/core/toolSchemas.js';
import { entryAccess, type ToolAccess } from './toolAccess.js';

/** Where a tool comes from: the booking tools, or the catalogue's actions and triggers. */
export type ToolSource = 'voice' | 'action' | 'trigger';

export interface McpTool {
  name: string;
  title: string;
  description: string;
  source: ToolSource;
  access: ToolAccess;
  inputSchema: JsonSchema & { type: 'object' };
}

/** The booking tools, and what each does to the calendar. */
const VOICE_ACCESS: Record<(typeof TOOL_SCHEMAS)[number]['name'], ToolAccess> = {
  check_availability: 'read',
  find_appointments: 'read',
  book_appointment: 'write',
  reschedule_appointment: 'write',
  // A cancellation can't be undone by the agent: only clients allowed to destroy get it.
  cancel_appointment: 'destructive',
};

const WHAT_IT_DOES: Record<ToolAccess, string> = {
  read: 'Reads only.',
  write:
    'Changes HighLevel. Calling it again with the same arguments within 10 minutes returns the first answer instead of doing it twice.',
  destructive:
    'Deletes or removes data in HighLevel; it cannot be undone. Confirm with the user first.',
};

const titleOf = (name: string) => {
  const words = name.replace(/_/g, ' ');
  return words[0]!.toUpperCase() + words.slice(1);
};

/**
 * What a booking tool does, in the model's words: its writes are kept by the booking itself (the
 * same arguments always find the same booking), not by the 10-minute window.
 */
const VOICE_EFFECT: Partial<Record<(typeof TOOL_SCHEMAS)[number]['name'], string>> = {
  book_appointment:
    'Changes HighLevel. Called again with the same arguments, it answers with the same booking instead of booking twice.',
  reschedule_appointment:
    'Changes HighLevel. Called again, it finds the appointment already moved and answers the same.',
};

function voiceTools(): McpTool[] {
  return TOOL_SCHEMAS.map((tool) => ({
    name: tool.name,
    title: titleOf(tool.name),
    description: `${tool.description} ${VOICE_EFFECT[tool.name] ?? WHAT_IT_DOES[VOICE_ACCESS[tool.name]]}`,
    source: 'voice',
    access: VOICE_ACCESS[tool.name],
    inputSchema: tool.parameters,
  }));
}

/**
 * The entry's input without `locationId`: the bridge fills in the connected Location's, and a
 * model that guesses one only earns a refusal.
 */
function withoutLocation(input: JsonSchema): McpTool['inputSchema'] {
  const properties = { ...(input.properties as Record<string, unknown> | undefined) };
  delete properties.locationId;
  const required = ((input.required as string[] | undefined) ?? []).filter(
    (name) => name !== 'locationId',
  );
  const schema: McpTool['inputSchema'] = { ...input, type: 'object', properties };
  if (required.length > 0) schema.required = required;
  else delete schema.required;
  return schema;
}

function catalogueTool(entry: CatalogueEntry): McpTool {
  const { method, path } = entry.operations[0]!;
  const access = entryAccess({ name: entry.name, kind: entry.kind, method });
  const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
  const description = [
    sentence(entry.description),
    ...(entry.note ? [sentence(entry.note)] : []),
    `HighLevel: ${method} ${path}.`,
    WHAT_IT_DOES[access],
  ].join(' ');
  const inputSchema = withoutLocation(entry.input);
  return {
    name: entry.name,
    title: entry.title,
    description,
    source: entry.kind,
    access,
    inputSchema,
  };
}

/**
 * The tools: booking tools first, then the catalogue's entries a workspace's connection can run
 * (neither unsupported by HighLevel's v2 API nor agency-only).
 *
 * @example const tools = allTools(CATALOGUE); tools.find((t) => t.name === 'delete-contact')?.access // 'destructive'
 */
export function allTools(catalogue: readonly CatalogueEntry[]): McpTool[] {
  const runnable = catalogue.filter((e) => e.operations.length > 0 && !whyNotRunnable(e));
  return [...voiceTools(), ...runnable.map(catalogueTool)];
}

/** Every tool the MCP server offers, built once per process: listed, checked and run from here. */
export const MCP_TOOLS: readonly McpTool[] = allTools(CATALOGUE);
