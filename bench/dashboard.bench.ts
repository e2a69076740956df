/**
 * The dashboard's weight and speed: the first page's JavaScript and CSS (raw and gzipped, as the
 * server sends them), and the time from navigation to a usable page on loopback, in Debian's
 * Chromium against the real server and the emulator on real ports. `BENCH_DASHBOARD_LOADS` sets
 * the cold loads per page (default 15).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { ADMIN_TOKEN, startWorld, type World } from '../packages/dashboard/test/browser.js';
import { envCount } from './env.js';
import type { BenchReport } from './report.js';

const DIST = fileURLToPath(new URL('../packages/dashboard/dist/', import.meta.url));
const LOADS = envCount('BENCH_DASHBOARD_LOADS', 15);

/** Every JavaScript file of the build, the pages loaded later (the Health chart) included. */
function allScripts(): string[] {
  return readdirSync(`${DIST}assets`)
    .filter((file) => file.endsWith('.js'))
    .map((file) => `assets/${file}`);
}

/** What index.html makes the browser fetch before anything shows. */
function firstPageFiles(): string[] {
  const html = readFileSync(`${DIST}index.html`, 'utf8');
  return [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

export default async function dashboard(): Promise<BenchReport> {
  const sizeOf = (file: string) => {
    const body = readFileSync(`${DIST}${file}`);
    return { file, raw: body.length, gzipped: gzipSync(body).length };
  };
  const sizes = firstPageFiles().map(sizeOf);
  const everyScript = allScripts().map(sizeOf);
  const world = await startWorld();
  const ws = await connectedWorkspace(world);
  const rows: Array<Record<string, string | number>> = [];
  try {
    const timings = {
      'sign-in form usable': [] as number[],
      'workspaces listed (signed in)': [] as number[],
      'health: chart drawn (signed in)': [] as number[],
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
      await page.getByRole('link', { name: 'Bench Spa' }).waitFor();
      timings['workspaces listed (signed in)'].push(Date.now() - again);
      const health = Date.now();
      await page.goto(`${world.url}/workspaces/${ws}/health`);
      await page.locator('.chart canvas').first().waitFor();
      timings['health: chart drawn (signed in)'].push(Date.now() - health);
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
        'all pages JS KB (gzipped)': sum(everyScript, 'gzipped'),
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
      'Time: a fresh browser context each load (nothing cached), from navigation start until the page can be used: the sign-in button shown; signed in, the workspaces list shown after its API call; the Health page of a connected workspace with its chart drawn (the chart library loads with that page only).',
      'Loopback, headless Chromium from Debian, the server and the emulator in this process on the same 2 cores.',
    ],
  };
}

/** A workspace connected to an emulator Location, for the pages behind it. */
async function connectedWorkspace(world: World): Promise<string> {
  const call = (method: string, path: string, body: unknown) =>
    world.runtime.app!.request(path, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const created = (await (await call('POST', '/v1/workspaces', { name: 'Bench Spa' })).json()) as {
    id: string;
  };
  const location = world.emulator.control.createLocation({ name: 'Bench Spa HQ' });
  const connected = await call('PUT', `/v1/workspaces/${created.id}/integrations/gohighlevel`, {
    apiKey: location.token,
    locationId: location.locationId,
  });
  if (connected.status !== 200) throw new Error(`connect answered ${connected.status}`);
  return created.id;
}
