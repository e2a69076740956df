/**
 * `ghl-bridge actions list` and `ghl-bridge triggers list` (`[--category C] [--json]`): the
 * catalogue's actions or triggers, by category, each with the HighLevel operation it calls;
 * `--json` prints the entries as `GET /v1/catalogue` does, input and output schemas included.
 */
import { filterCatalogue } from '../catalogue/core/catalogue.js';
import { CATEGORIES, type Category, type EntryKind } from '../catalogue/core/entry.js';

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

const HOW_TO_USE: Record<EntryKind, (count: number) => string> = {
  action: (count) =>
    `${count} actions. Run one with: ghl-bridge actions run <name> --workspace ID --input '{…}'`,
  trigger: (count) =>
    `${count} triggers. Subscribe to one with: ghl-bridge triggers add <name> --workspace ID --input '{…}' --url URL`,
};

/** Prints the list; returns the exit code (2 for a category that does not exist). */
export function catalogueListCommand(options: {
  kind: EntryKind;
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
  const entries = filterCatalogue({ kind: options.kind, ...(category ? { category } : {}) });
  if (options.json) {
    out(JSON.stringify(entries, null, 2));
    return 0;
  }
  for (const name of category ? [category] : CATEGORIES) {
    const rows = entries
      .filter((e) => e.category === name)
      .map((e) => {
        const op = e.operations[0];
        return [e.name, op ? `${op.method} ${op.path}` : '(cannot run)', e.description];
      });
    if (rows.length === 0) continue;
    out(`${name}:`);
    for (const line of table(rows)) out(line);
    out('');
  }
  out(HOW_TO_USE[options.kind](entries.length));
  return 0;
}
