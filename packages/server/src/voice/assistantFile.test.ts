/**
 * The assistant users import into Vapi (docs/vapi-assistant.json) declares every tool this server
 * answers, and only arguments it reads: a field the file offers the model but the server drops
 * would be a promise nobody keeps.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TOOL_FIELDS, TOOL_NAMES } from './core/toolArgs.js';
import { TOOL_SCHEMAS } from './core/toolSchemas.js';

interface AssistantTool {
  type: string;
  function?: { name: string; parameters?: { properties?: Record<string, unknown> } };
}

const assistant = JSON.parse(
  readFileSync(new URL('../../../../docs/vapi-assistant.json', import.meta.url), 'utf8'),
) as { model: { tools: AssistantTool[] }; server?: { url?: string } };
const tools = assistant.model.tools;
const named = (name: string) => tools.find((tool) => tool.function?.name === name);

describe('docs/vapi-assistant.json', () => {
  it('declares every voice tool', () => {
    for (const name of TOOL_NAMES) expect(named(name), name).toBeDefined();
  });

  it('tells the model what the MCP server tells it, word for word', () => {
    const functions = tools.filter((tool) => tool.type === 'function').map((t) => t.function);
    expect(functions).toEqual(TOOL_SCHEMAS);
  });

  it('offers the model only arguments the server reads', () => {
    for (const tool of tools) {
      const name = tool.function?.name ?? '';
      const offered = Object.keys(tool.function?.parameters?.properties ?? {});
      const read: readonly string[] = [
        ...(TOOL_FIELDS[name as keyof typeof TOOL_FIELDS] ?? []),
        'language',
      ];
      if (tool.type !== 'function') continue;
      for (const field of offered) expect(read, `${name}.${field}`).toContain(field);
    }
  });

  it('offers the caller’s language, the person and the service where they matter', () => {
    const props = (name: string) =>
      Object.keys(named(name)?.function?.parameters?.properties ?? {});
    expect(props('check_availability')).toEqual(
      expect.arrayContaining(['provider', 'service', 'language']),
    );
    expect(props('book_appointment')).toEqual(
      expect.arrayContaining(['provider', 'service', 'preferredContactMethod', 'language']),
    );
    expect(props('reschedule_appointment')).toContain('reason');
    expect(props('cancel_appointment')).toContain('reason');
  });
});
