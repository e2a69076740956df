/**
 * The allowlist: every tool an MCP client can be given, grouped by what it does to the Location
 * (reads, writes, deletes or removes), found by a part of its name. A tool the server refused
 * says why beside its checkbox and stays shown whatever the search.
 */
import { useState } from 'react';
import type { McpTool, ToolAccess } from '../../api/mcp';
import { FieldError, inputProps } from '../voice/Field';
import { toolPath } from './clientForm';
import { TOOL_GROUPS } from './words';

const ORDER: ToolAccess[] = ['read', 'write', 'destructive'];

/** The tools whose name or title holds `search` (any case), and those with a problem. */
function matching(tools: McpTool[], search: string, problems: Map<string, string>): McpTool[] {
  const wanted = search.trim().toLowerCase();
  if (wanted === '') return tools;
  return tools.filter(
    (tool) =>
      problems.has(tool.name) ||
      tool.name.includes(wanted) ||
      tool.title.toLowerCase().includes(wanted),
  );
}

export function ToolPicker(props: {
  tools: McpTool[];
  chosen: string[];
  onChange: (chosen: string[]) => void;
  /** The server's words about chosen tools, by name. */
  problems: Map<string, string>;
}) {
  const [search, setSearch] = useState('');
  const { chosen, problems } = props;
  const shown = matching(props.tools, search, problems);
  const toggle = (name: string, on: boolean) =>
    props.onChange(on ? [...chosen, name] : chosen.filter((n) => n !== name));
  return (
    <div className="tool-picker">
      <label htmlFor="mcp-tool-search">Find a tool</label>
      <input
        id="mcp-tool-search"
        type="search"
        placeholder="contact, calendar, appointment …"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
      />
      <p role="status" className="hint">
        {chosen.length === 0
          ? 'No tool chosen yet.'
          : `${chosen.length} chosen: ${chosen.join(', ')}`}
      </p>
      {shown.length === 0 ? (
        <p className="empty">No tool has “{search.trim()}” in its name.</p>
      ) : null}
      {ORDER.map((access) => {
        const group = shown.filter((tool) => tool.access === access);
        if (group.length === 0) return null;
        const all = props.tools.filter((tool) => tool.access === access);
        const picked = all.filter((tool) => chosen.includes(tool.name)).length;
        return (
          <fieldset key={access} className="tool-group">
            <legend>
              {TOOL_GROUPS[access].label}{' '}
              <span className="hint">
                ({picked} of {all.length} chosen)
              </span>
            </legend>
            <p className="hint">{TOOL_GROUPS[access].hint}</p>
            <ul className="tool-list">
              {group.map((tool) => {
                const path = toolPath(tool.name);
                const problem = problems.get(tool.name);
                return (
                  <li key={tool.name}>
                    <label className="choice" title={tool.description}>
                      <input
                        type="checkbox"
                        {...inputProps(path, problem, false)}
                        checked={chosen.includes(tool.name)}
                        onChange={(event) => toggle(tool.name, event.target.checked)}
                      />
                      <span>
                        <code>{tool.name}</code>
                        {tool.source === 'voice' ? (
                          <span className="hint"> (booking, once Voice is set up)</span>
                        ) : null}
                      </span>
                    </label>
                    <FieldError path={path} error={problem} />
                  </li>
                );
              })}
            </ul>
          </fieldset>
        );
      })}
    </div>
  );
}
