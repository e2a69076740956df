import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';

/** The URLs a page loads: every `src` and `href`. */
function references(html: string): string[] {
  return [...html.matchAll(/\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);
}

describeOnBackends(
  'GET /docs',
  (server) => {
    it('serves a reference page, without a token, that loads only files of this server', async () => {
      const page = await server().call('GET', '/docs', { token: null });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);

      const urls = references(page.text);
      expect(urls.length).toBeGreaterThanOrEqual(3);
      const types: string[] = [];
      for (const url of urls) {
        expect(url, url).not.toMatch(/^([a-z]+:|\/\/)/i);
        const { pathname } = new URL(url, 'http://bridge.test/docs');
        const res = await server().call('GET', pathname, { token: null });
        expect(res.status, pathname).toBe(200);
        types.push(res.headers.get('content-type')!);
      }
      expect(types).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^text\/css/),
          expect.stringMatching(/^text\/javascript/),
          expect.stringMatching(/^image\/png/),
        ]),
      );
    });

    it('points the page at /openapi.json, keeps the document away from outside validators', async () => {
      const page = await server().call('GET', '/docs', { token: null });
      const script = references(page.text).find((url) => url.endsWith('reference.js'))!;
      const res = await server().call('GET', `/${script}`, { token: null });
      expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect(res.text).toContain("new URL('openapi.json', document.baseURI)");
      expect(res.text).toContain('validatorUrl: null');
      expect(res.text).not.toMatch(/https?:\/\//);
    });

    it('lets browsers keep the versioned files for good, gzipped when they accept it', async () => {
      const page = await server().call('GET', '/docs', { token: null });
      const bundle = references(page.text).find((url) => url.endsWith('swagger-ui-bundle.js'))!;
      const plain = await server().call('GET', `/${bundle}`, { token: null });
      expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(plain.headers.get('content-encoding')).toBeNull();
      expect(plain.text).toContain('SwaggerUIBundle');

      const app = server().runtime.app!;
      const zipped = await app.request(`/${bundle}`, {
        headers: { 'accept-encoding': 'gzip, br' },
      });
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      expect(zipped.headers.get('vary')).toBe('Accept-Encoding');
      const body = Buffer.from(await zipped.arrayBuffer());
      expect(body.length).toBeLessThan(plain.text.length / 2);
      expect(gunzipSync(body).toString()).toBe(plain.text);
    });

    it('serves nothing else from the package, and sends /docs/ to /docs', async () => {
      const page = await server().call('GET', '/docs', { token: null });
      const css = references(page.text).find((url) => url.endsWith('.css'))!;
      for (const path of [
        `/${css.replace('swagger-ui.css', 'package.json')}`,
        `/${css.replace('swagger-ui.css', '..%2Fpackage.json')}`,
        `/${css.replace(/assets\/[^/]+\//, 'assets/0.0.1/')}`,
        '/docs/index.html',
      ]) {
        const res = await server().call('GET', path, { token: null });
        expect(res.status, path).toBe(404);
        expect(res.body.error?.code, path).toBe('not_found');
      }
      const slash = await server().call('GET', '/docs/', { token: null });
      expect(slash.status).toBe(301);
      expect(new URL(slash.headers.get('location')!, 'http://bridge.test/docs/').pathname).toBe(
        '/docs',
      );
    });
  },
  { worker: false },
);
