import { expect, it } from 'vitest';
import { describeOnBackends } from '../../test/harness.js';
import { anyString } from '../../test/matchers.js';

describeOnBackends(
  'the HTTP API as a whole',
  (server) => {
    it('answers unknown routes with a JSON 404, never HTML', async () => {
      const { id } = await server().createWorkspace();
      for (const [method, path] of [
        ['GET', '/nope'],
        // `/` is the dashboard's page (routes/dashboard.ts); nothing else outside the API is.
        ['GET', '/index.html'],
        ['POST', `/v1/workspaces/${id}/unknown`],
        ['PATCH', '/v1/workspaces'],
      ] as const) {
        const res = await server().call(method, path);
        expect(res.status, `${method} ${path}`).toBe(404);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect(res.body.error?.code).toBe('not_found');
        expect(res.text).not.toMatch(/<html|<body/i);
      }
    });

    it('gives every response a request id, keeping a sane one the caller sent', async () => {
      const generated = await server().call('GET', '/healthz');
      expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const kept = await server().call('GET', '/healthz', {
        headers: { 'x-request-id': 'abc-123' },
      });
      expect(kept.headers.get('x-request-id')).toBe('abc-123');
      const replaced = await server().call('GET', '/healthz', {
        headers: { 'x-request-id': '<script>alert(1)</script>' },
      });
      expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const line = server().logs.find((l) => l.requestId === 'abc-123');
      expect(line).toMatchObject({ msg: 'request', method: 'GET', path: '/healthz', status: 200 });
    });

    it('answers every malformed request with a clear 4xx JSON error, never a 500', async () => {
      const { id } = await server().createWorkspace();
      const paths = [
        ['POST', '/v1/workspaces'],
        ['PUT', `/v1/workspaces/${id}/integrations/gohighlevel`],
        ['POST', `/v1/workspaces/${id}/integrations/gohighlevel/check`],
      ] as const;
      const bodies: { body?: string; headers?: Record<string, string> }[] = [
        { body: '', headers: { 'content-type': 'application/json' } },
        { body: 'null', headers: { 'content-type': 'application/json' } },
        { body: '[]', headers: { 'content-type': 'application/json' } },
        { body: '"text"', headers: { 'content-type': 'application/json' } },
        { body: '{"name":', headers: { 'content-type': 'application/json' } },
        { body: '{"name": "\u0000"}', headers: { 'content-type': 'application/json' } },
        {
          body: '{"apiKey": {"$gt": ""}, "locationId": 1e309}',
          headers: { 'content-type': 'application/json' },
        },
        { body: '\u00ff\u00fe', headers: { 'content-type': 'application/json; charset=latin1' } },
        { body: '<xml/>', headers: { 'content-type': 'text/xml' } },
        { body: '{}', headers: {} },
      ];
      for (const [method, path] of paths) {
        for (const { body, headers } of bodies) {
          const res = await server().call(method, path, { body, headers });
          const what = `${method} ${path} ${JSON.stringify(body)}`;
          expect(res.status, what).toBeGreaterThanOrEqual(400);
          expect(res.status, what).toBeLessThan(500);
          expect(res.body?.error?.code, what).toEqual(anyString());
          expect(res.text, what).not.toMatch(/\bat .*\.(ts|js):\d+/);
        }
      }
    });

    it('serves its OpenAPI description, built from the route schemas', async () => {
      const res = await server().call('GET', '/openapi.json', { token: null });
      expect(res.status).toBe(200);
      expect(res.body.openapi).toBe('3.1.0');
      const { paths = {}, components } = res.body;
      expect(Object.keys(paths).sort()).toEqual([
        '/healthz',
        '/readyz',
        '/v1/catalogue',
        '/v1/oauth/callback',
        '/v1/oauth/install',
        '/v1/oauth/locations',
        '/v1/session',
        '/v1/sessions',
        '/v1/webhooks/highlevel',
        '/v1/workspaces',
        '/v1/workspaces/{ws}',
        '/v1/workspaces/{ws}/actions/{name}',
        '/v1/workspaces/{ws}/api-key',
        '/v1/workspaces/{ws}/appointments',
        '/v1/workspaces/{ws}/appointments/{appointmentId}',
        '/v1/workspaces/{ws}/availability',
        '/v1/workspaces/{ws}/backfill/state',
        '/v1/workspaces/{ws}/backfills',
        '/v1/workspaces/{ws}/bookings',
        '/v1/workspaces/{ws}/bookings/{bookingId}',
        '/v1/workspaces/{ws}/bookings/{bookingId}/timeline',
        '/v1/workspaces/{ws}/contacts/{externalId}',
        '/v1/workspaces/{ws}/contacts/{externalId}/notes/{noteId}',
        '/v1/workspaces/{ws}/contacts/{externalId}/tasks/{taskId}',
        '/v1/workspaces/{ws}/health',
        '/v1/workspaces/{ws}/highlevel-reconciliation',
        '/v1/workspaces/{ws}/highlevel-webhooks',
        '/v1/workspaces/{ws}/integrations/gohighlevel',
        '/v1/workspaces/{ws}/integrations/gohighlevel/calendars',
        '/v1/workspaces/{ws}/integrations/gohighlevel/check',
        '/v1/workspaces/{ws}/mcp',
        '/v1/workspaces/{ws}/mcp/calls',
        '/v1/workspaces/{ws}/mcp/clients',
        '/v1/workspaces/{ws}/mcp/clients/{clientId}',
        '/v1/workspaces/{ws}/mcp/tools',
        '/v1/workspaces/{ws}/sync-jobs',
        '/v1/workspaces/{ws}/sync-jobs/{id}/retry',
        '/v1/workspaces/{ws}/triggers',
        '/v1/workspaces/{ws}/triggers/{triggerId}',
        '/v1/workspaces/{ws}/triggers/{triggerId}/poll',
        '/v1/workspaces/{ws}/voice',
        '/v1/workspaces/{ws}/voice/calls',
        '/v1/workspaces/{ws}/voice/calls/{callId}',
        '/v1/workspaces/{ws}/voice/confirmations',
        '/v1/workspaces/{ws}/voice/vapi',
        '/v1/workspaces/{ws}/webhook-endpoints',
        '/v1/workspaces/{ws}/webhook-endpoints/{endpointId}',
        '/v1/workspaces/{ws}/webhook-endpoints/{endpointId}/deliveries',
        '/v1/workspaces/{ws}/webhook-endpoints/{endpointId}/deliveries/{deliveryId}/replay',
        '/v1/workspaces/{ws}/webhook-endpoints/{endpointId}/secret',
      ]);
      const put = paths['/v1/workspaces/{ws}/integrations/gohighlevel']?.put;
      expect(Object.keys(put?.responses ?? {}).sort()).toEqual(
        ['200', '400', '401', '403', '404', '413', '415', '422', '502'].sort(),
      );
      expect(components?.schemas.ConnectGoHighLevel?.required).toEqual(['locationId']);
      expect(components?.securitySchemes.bearer).toMatchObject({
        type: 'http',
        scheme: 'bearer',
      });
    });
  },
  { worker: false },
);
