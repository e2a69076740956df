/**
 * The dashboard's weight and speed: the first page's JavaScript and CSS (raw and gzipped, as the
 * server sends them), and the time from navigation to a usable page on loopback, in Debian's
 * Chromium against the real server and the emulator on real ports. `BENCH_DASHBOARD_LOADS` sets
 * the cold loads per page (default 15).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { ADMIN_TOKEN, startWorld } from '../packages/dashboard/test/browser.js';
import { envCount } from './env.js';
import type { BenchReport } from './report.js';

const DIST = fileURLToPath(new URL('../packages/dashboard/dist/', import.meta.url));
const LOADS = envCount('BENCH_DASHBOARD_LOADS', 15);

/** What index.html makes the browser fetch before anything shows. */
function firstPageFiles(): string[] {
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export default async function dashboard(): Promise<BenchReport> {
  const sizes = firstPageFiles().map((file) => {
    const body = readFileSync(`${DIST}${file}`);
    return { file, raw: body.length, gzipped: gzipSync(body).length };
  });
  const world = await startWorld();
  const rows: Array<Record<string, string | number>> = [];
  try {
    const timings = {
      'sign-in form usable': [] as number[],
      'workspaces listed (signed in)': [] as number[],
    };
    for (let i = 0; i < LOADS; i++) {
      const context = await world.browser.newContext();
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(world.url);
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      timings['sign-in form usable'].push(Date.now() - started);
      await page.getByLabel('Admin token or workspace API key').fill(ADMIN_TOKEN);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Workspaces' }).waitFor();
      const again = Date.now();
      await page.goto(world.url);
      await page.getByRole('button', { name: 'New workspace' }).waitFor();
      await page.getByText('No workspaces yet').waitFor();
      timings['workspaces listed (signed in)'].push(Date.now() - again);
      await context.close();
    }
    const js = sizes.filter((s) => s.file.endsWith('.js'));
    const css = sizes.filter((s) => s.file.endsWith('.css'));
    const sum = (list: typeof sizes, key: 'raw' | 'gzipped') =>
      list.reduce((total, s) => total + s[key], 0) / 1024;
    for (const [name, values] of Object.entries(timings)) {
      const sorted = [...values].sort((a, b) => a - b);
      rows.push({
        page: name,
        'cold loads': sorted.length,
        'p50 ms': percentile(sorted, 50),
        'p90 ms': percentile(sorted, 90),
        'max ms': sorted.at(-1)!,
        'first page JS KB (gzipped)': sum(js, 'gzipped'),
        'first page JS KB (raw)': sum(js, 'raw'),
        'CSS KB (gzipped)': sum(css, 'gzipped'),
      });
    }
  } finally {
    await world.close();
  }
  return {
    name: 'dashboard: weight and time to a usable page',
    rows,
    notes: [
      'Sizes: the files index.html loads, gzipped as the server sends them (it gzips for any client that accepts it).',
      'Time: a fresh browser context each load (nothing cached), from navigation start until the page can be used: the sign-in button shown; signed in, the workspaces list (empty) shown after its API call.',
      'Loopback, headless Chromium from Debian, the server and the emulator in this process on the same 2 cores.',
    ],
  };
}
