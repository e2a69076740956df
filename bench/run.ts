/**
 * Runs every benchmark (`bench/*.bench.ts`, each default-exporting a `Bench`) or those named on
 * the command line, and prints their figures as Markdown: `npm run bench`, `npm run bench -- limiter`.
 */
import { readdirSync } from 'node:fs';
import { formatReport, type Bench } from './report.js';

const here = new URL('.', import.meta.url);
const known = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .map((f) => f.slice(0, -'.bench.ts'.length))
  .sort();

const wanted = process.argv.slice(2);
for (const name of wanted.length > 0 ? wanted : known) {
  if (!known.includes(name)) {
    console.error(`unknown benchmark "${name}"; known: ${known.join(', ')}`);
    process.exitCode = 2;
    continue;
  }
  const { default: bench } = (await import(new URL(`${name}.bench.ts`, here).href)) as {
    default: Bench;
  };
  console.log(formatReport(await bench()));
}
