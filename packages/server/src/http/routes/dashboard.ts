/**
 * The dashboard (`@ghl-bridge/dashboard`, built into static files) at `/`: its page for `/` and
 * for every dashboard address (`/workspaces/…`, which the page routes itself), and its hashed
 * files under `/assets/`. Plain routes: pages are not part of the API's document. Anything else
 * keeps the API's JSON 404.
 */
import { existsSync, readdirSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import type { App, AppEnv } from '../env.js';
import { FOR_GOOD, REVALIDATE, sendFile } from '../staticFiles.js';

/**
 * Where the build is: copied beside the compiled server (`dist/dashboard`) in the package, or
 * the dashboard package's own `dist` in a checkout.
 */
const CANDIDATES = ['../../dashboard/', '../../../../dashboard/dist/'].map((relative) =>
  fileURLToPath(new URL(relative, import.meta.url)),
);
const buildDir = CANDIDATES.find((dir) => existsSync(join(dir, 'index.html')));

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The page runs only its own files and talks only to this server. */
const PAGE_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>ghl-bridge</title></head>
<body><main><h1>The dashboard is not built</h1>
<p>This installation has no dashboard build. In a checkout, run <code>npm run build</code> (or <code>npm ci</code>, which builds it), then restart <code>ghl-bridge start</code>. The API is unaffected: see <a href="/docs">/docs</a>.</p>
</main></body></html>
`;

function page(c: Context<AppEnv>) {
  c.header('Content-Security-Policy', PAGE_POLICY);
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'same-origin');
  if (!buildDir) {
    c.status(503);
    c.header('Content-Type', 'text/html; charset=utf-8');
    return c.body(NOT_BUILT);
  }
  return sendFile(c, join(buildDir, 'index.html'), 'text/html; charset=utf-8', REVALIDATE);
}

export function registerDashboard(app: App): void {
  const assets = buildDir ? new Set(readdirSync(join(buildDir, 'assets'))) : new Set<string>();
  app.get('/', page);
  app.get('/workspaces/:ws', page);
  app.get('/workspaces/:ws/*', page);
  app.get('/assets/:file', (c) => {
    const file = c.req.param('file');
    const type = TYPES[extname(file)];
    // Only the build's own files: a name from an older build gets the page's reload instead.
    if (!buildDir || !type || !assets.has(file)) return c.notFound();
    return sendFile(c, join(buildDir, 'assets', file), type, FOR_GOOD);
  });
}
