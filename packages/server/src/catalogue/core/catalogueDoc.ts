/**
 * docs/catalogue.md, written from the catalogue itself: one table per category. The generator
 * formats it with Prettier; a test fails when the committed page differs.
 */
import {
  CATEGORIES,
  type CatalogueEntry,
  type ChangeMarker,
  type TriggerDetection,
} from './entry.js';
import { whyNotRunnable } from './runnable.js';

const INTRO = `# The operations catalogue

Every ready-made trigger and action a no-code HighLevel connector offers its users, mapped to the
HighLevel API v2 operation that does it (\`spec/highlevel\`). \`GET /v1/catalogue\` answers the same
list with each entry's input and output JSON Schemas and where each input field goes (path, query
or body); \`?category=\` and \`?kind=\` narrow it.

- A **trigger** is polled every 1–15 minutes and reports each new item once, and each changed item
  once per change: changed by a field that moves with every edit (\`dateUpdated\`), by any change of
  its content where HighLevel's answer has no such field, or never (new items only). A workspace
  subscribes to one with \`POST /v1/workspaces/:ws/triggers\` or \`ghl-bridge triggers add\`: see
  [Triggers](triggers.md). A list that says how it pages is read page by page (up to 20 pages a
  poll); any other is read as one page, as its parameters ask.
- An **action** is one HighLevel call, run in a workspace's connected Location with
  \`POST /v1/workspaces/:ws/actions/:name\` or \`ghl-bridge actions run\`: see
  [Running actions](actions.md).
- **Scopes** are the OAuth scopes the operation declares; an operation that accepts only an agency
  token says so. A deprecated HighLevel endpoint is replaced by its successor, and the note says so.

Generated from \`packages/server/src/catalogue/core/\` by \`npm run generate\`; a test fails when
this page is stale. Do not edit it by hand.
`;

function code(text: string): string {
  return `\`${text}\``;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function marker(m: ChangeMarker): string {
  if (m === 'new-ids-only') return 'new items only';
  if (m === 'content') return 'new, or any change';
  return `new, or changed ${code(m.field)}`;
}

function detection(d: TriggerDetection): string {
  const where = d.list === '' ? 'the answer' : code(d.list);
  const what = d.holds === 'many' ? `items of ${where}` : where;
  const id = d.id === null ? 'by value' : `by ${code(d.id)}`;
  const paged = d.paging
    ? ` Every page is read, ${d.paging.size} a page (${code(d.paging.field)}, ${code(d.paging.sizeField)}).`
    : '';
  return `Fires on ${what} ${id}: ${marker(d.changeMarker)}.${paged}`;
}

function notes(entry: CatalogueEntry): string {
  const parts: string[] = [];
  if (entry.unsupported) parts.push(`**Unsupported:** ${entry.unsupported}`);
  if (entry.detect && !entry.unsupported) parts.push(detection(entry.detect));
  if (whyNotRunnable(entry)?.refusal === 'agency_only') parts.push('Agency token only.');
  if (entry.operations.length > 0 && entry.scopes.length === 0) {
    parts.push('The spec declares no scope for it.');
  }
  if (entry.note) parts.push(entry.note);
  return cell(parts.join(' '));
}

function row(entry: CatalogueEntry): string {
  const operations = entry.operations.map((o) => code(`${o.method} ${o.path}`)).join('<br>');
  const cells = [
    code(entry.name),
    entry.kind,
    cell(`${entry.title}: ${entry.description}`),
    operations || '—',
    entry.scopes.map(code).join(' ') || '—',
    notes(entry),
  ];
  return `| ${cells.join(' | ')} |`;
}

/**
 * The page, grouped by category in the listed order.
 *
 * @example catalogueMarkdown(CATALOGUE).startsWith('# The operations catalogue') // true
 */
export function catalogueMarkdown(entries: readonly CatalogueEntry[]): string {
  const triggers = entries.filter((e) => e.kind === 'trigger').length;
  const sections = CATEGORIES.map((category) => {
    const rows = entries.filter((e) => e.category === category).map(row);
    return [
      `## ${category}`,
      '',
      '| name | kind | listed as | HighLevel operation | scopes | notes |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n');
  });
  const counts = `${entries.length} entries: ${triggers} triggers, ${entries.length - triggers} actions, in ${CATEGORIES.length} categories.`;
  return [INTRO, counts, ...sections].join('\n\n') + '\n';
}
