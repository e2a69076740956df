/**
 * `ghl-bridge actions list [--category C] [--json]`: the catalogue's actions, by category, each
 * with the HighLevel operation it runs; `--json` prints the entries as `GET /v1/catalogue` does,
 * input and output schemas included.
 */
import { filterCatalogue } from '../catalogue/core/catalogue.js';
import { CATEGORIES, type Category } from '../catalogue/core/entry.js';

const firstWord = (text: string) => text.toLowerCase().split(/[^a-z]+/)[0];

/**
 * The category `text` names: its name in any case, or its first word (`calendars`).
 *
 * @example categoryNamed('other') // 'Other Operations'
 */
export function categoryNamed(text: string): Category | undefined {
  const wanted = text.trim().toLowerCase();
  return CATEGORIES.find((c) => c.toLowerCase() === wanted || firstWord(c) === wanted);
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => `  ${r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd());
}

/** Prints the list; returns the exit code (2 for a category that does not exist). */
export function actionsListCommand(options: {
  category?: string;
  json: boolean;
  out: (line: string) => void;
  err: (line: string) => void;
}): number {
  const { out } = options;
  const category = options.category === undefined ? undefined : categoryNamed(options.category);
  if (options.category !== undefined && !category) {
    options.err(
      `There is no category "${options.category}". The categories: ${CATEGORIES.join(', ')}.`,
    );
    return 2;
  }
  const actions = filterCatalogue({ kind: 'action', ...(category ? { category } : {}) });
  if (options.json) {
    out(JSON.stringify(actions, null, 2));
    return 0;
  }
  for (const name of category ? [category] : CATEGORIES) {
    const rows = actions
      .filter((a) => a.category === name)
      .map((a) => {
        const op = a.operations[0];
        return [a.name, op ? `${op.method} ${op.path}` : '(cannot run)', a.description];
      });
    if (rows.length === 0) continue;
    out(`${name}:`);
    for (const line of table(rows)) out(line);
    out('');
  }
  out(
    `${actions.length} actions. Run one with: ghl-bridge actions run <name> --workspace ID --input '{…}'`,
  );
  return 0;
}
