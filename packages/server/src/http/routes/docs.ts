/**
 * `GET /docs`: the API reference, Swagger UI reading /openapi.json. Everything it loads comes
 * from this server (the `swagger-ui-dist` package), so it works where no CDN can be reached.
 * Like /openapi.json it needs no token; the calls it makes carry whatever token the reader
 * enters. Plain routes: an HTML page and its files are not part of the API's own document.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { App } from '../env.js';
import { FOR_GOOD, REVALIDATE, send, sendFile } from '../staticFiles.js';

const swaggerUi = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const { version } = JSON.parse(readFileSync(join(swaggerUi, 'package.json'), 'utf8')) as {
  version: string;
};

/** The package files the page uses; nothing else in the package is served. */
const ASSET_TYPES: Record<string, string> = {
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui.css': 'text/css; charset=utf-8',
  'favicon-32x32.png': 'image/png',
  'favicon-16x16.png': 'image/png',
};

// Links are relative, so the page keeps working behind a proxy that serves it under a prefix.
// Asset paths carry the package version: a browser may keep them for good.
const assets = `docs/assets/${version}`;
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>ghl-bridge API reference</title>
    <link rel="stylesheet" href="${assets}/swagger-ui.css">
    <link rel="icon" type="image/png" sizes="32x32" href="${assets}/favicon-32x32.png">
    <link rel="icon" type="image/png" sizes="16x16" href="${assets}/favicon-16x16.png">
  </head>
  <body>
    <div id="reference"></div>
    <script src="${assets}/swagger-ui-bundle.js"></script>
    <script src="docs/reference.js"></script>
  </body>
</html>
`;

const SCRIPT = `window.ui = SwaggerUIBundle({
  url: new URL('openapi.json', document.baseURI).href,
  dom_id: '#reference',
  deepLinking: true,
  // Never send the document to validator.swagger.io.
  validatorUrl: null,
  // A ?url= in the address must not load someone else's document into this origin.
  queryConfigEnabled: false,
});
`;

/** Swagger UI sets inline styles and draws icons from data: URLs; scripts only from here. */
const PAGE_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self' 'unsafe-inline'",
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join('; ');

export function registerDocs(app: App): void {
  app.get('/docs', (c) => {
    // With a trailing slash the page's relative links would miss: send the reader to /docs.
    if (new URL(c.req.url).pathname.endsWith('/')) return c.redirect('../docs', 301);
    c.header('Content-Security-Policy', PAGE_POLICY);
    return send(c, PAGE, 'text/html; charset=utf-8', REVALIDATE);
  });
  app.get('/docs/reference.js', (c) =>
    send(c, SCRIPT, 'text/javascript; charset=utf-8', REVALIDATE),
  );
  app.get('/docs/assets/:version/:file', async (c) => {
    const type = ASSET_TYPES[c.req.param('file')];
    // Another version's file: a page from before an upgrade; its reload gets the new one.
    if (!type || c.req.param('version') !== version) return c.notFound();
    return sendFile(c, join(swaggerUi, c.req.param('file')), type, FOR_GOOD);
  });
}
