import { expect, it } from 'vitest';
import { describeOnBackends } from '../../../test/harness.js';
import { waitFor } from '../../../test/waitFor.js';

function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const ok = Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`));
    if (ok) return Number(line.split(' ').pop());
  }
  return undefined;
}

describeOnBackends(
  'GET /metrics',
  (server) => {
    it('counts HighLevel requests by status, rate-limit waits and jobs by state', async () => {
      const { id } = await server().createWorkspace();
      const good = server().location();
      await server().call('PUT', `/v1/workspaces/${id}/integrations/gohighlevel`, {
        json: { apiKey: good.token, locationId: good.locationId },
      });
      await server().call('PUT', `/v1/workspaces/${id}/integrations/gohighlevel`, {
        json: { apiKey: 'pit-00000000-0000-0000-0000-00000000dead', locationId: good.locationId },
      });
      // HighLevel allows 3 requests per 400 ms here and the bridge keeps to 2; a connect makes 5.
      const busy = server().location();
      const other = await server().createWorkspace();
      const waited = await server().call(
        'PUT',
        `/v1/workspaces/${other.id}/integrations/gohighlevel`,
        {
          json: { apiKey: busy.token, locationId: busy.locationId },
        },
      );
      expect(waited.status).toBe(200);
      // No worker in this server: the job stays queued.
      await server().call('POST', `/v1/workspaces/${id}/integrations/gohighlevel/check`);

      const res = await waitFor(
        async () => {
          const scraped = await server().call('GET', '/metrics', { token: null });
          const queued = sample(scraped.text, 'ghl_bridge_jobs', {
            queue: 'connection-check',
            state: 'queued',
          });
          return queued === 1 && scraped;
        },
        { what: 'the queued job to show' },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(sample(res.text, 'ghl_bridge_highlevel_requests_total', { status: '200' })).toBe(6);
      expect(
        sample(res.text, 'ghl_bridge_highlevel_requests_total', { status: '429' }),
      ).toBeUndefined();
      expect(sample(res.text, 'ghl_bridge_rate_limit_waits_total', {})).toBeGreaterThanOrEqual(1);
      expect(
        sample(res.text, 'ghl_bridge_highlevel_requests_total', { status: '401' }),
      ).toBeGreaterThanOrEqual(1);
      // The limiter waited for room instead of running into a 429.
      expect(sample(res.text, 'ghl_bridge_rate_limit_wait_seconds_sum', {})).toBeGreaterThanOrEqual(
        0.3,
      );
      expect(
        sample(res.text, 'ghl_bridge_jobs', { queue: 'connection-check', state: 'queued' }),
      ).toBe(1);
      expect(
        sample(res.text, 'ghl_bridge_http_request_duration_seconds_count', {
          route: '/v1/workspaces/:ws/integrations/gohighlevel',
          status: '422',
        }),
      ).toBe(1);
    });
  },
  {
    worker: false,
    emulatorLimits: { burst: 3, intervalMs: 400 },
    rateLimitWindows: [{ limit: 2, intervalMs: 400 }],
  },
);
