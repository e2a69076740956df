import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';

describeOnBackends('the dashboard at /', (server) => {
  it('serves the page for / and for dashboard addresses, with a strict content policy', async () => {
    for (const path of ['/', '/workspaces/ws_1', '/workspaces/ws_1/voice']) {
      const res = await server().call('GET', path, { token: null });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.text).toContain('<div id="root"></div>');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('serves the build’s own scripts for good, and nothing else under /assets', async () => {
    const page = await server().call('GET', '/', { token: null });
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)?.[1];
    expect(script).toBeDefined();
    const res = await server().call('GET', script!, {
      token: null,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('immutable');
    for (const path of ['/assets/nope.js', '/assets/..%2Fpackage.json', '/nope']) {
      const missing = await server().call('GET', path, { token: null });
      expect(missing.status, path).toBe(404);
      expect(missing.body.error?.code).toBe('not_found');
    }
  });
});
