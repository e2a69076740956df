/** One benchmark's figures: ratios and counts side by side, never a pass/fail. */
export interface BenchReport {
  name: string;
  /** One row per measured case; every row has the same keys. */
  rows: Array<Record<string, string | number>>;
  /** What the figures mean and how they were taken. */
  notes?: string[];
}

export type Bench = () => Promise<BenchReport>;

function cell(value: string | number): string {
  if (typeof value === 'string') return value;
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

/** Renders a report as a Markdown table, ready to paste into a note. */
export function formatReport(report: BenchReport): string {
  const first = report.rows[0];
  if (!first) return `## ${report.name}\n\n(no rows)\n`;
  const keys = Object.keys(first);
  const lines = [
    `## ${report.name}`,
    '',
    `| ${keys.join(' | ')} |`,
    `| ${keys.map(() => '---').join(' | ')} |`,
    ...report.rows.map((row) => `| ${keys.map((k) => cell(row[k] ?? '')).join(' | ')} |`),
  ];
  if (report.notes?.length) lines.push('', ...report.notes.map((n) => `- ${n}`));
  return lines.join('\n') + '\n';
}
