/** `GET /metrics` -> Prometheus text: HighLevel requests, rate-limit waits, jobs by state. */
import type { App } from '../env.js';
import type { AppDeps } from '../deps.js';

export function registerMetrics(app: App, deps: AppDeps): void {
  // Plain route: the Prometheus text format is not JSON, so it stays out of /openapi.json.
  app.get('/metrics', async (c) => {
    const text = await deps.metrics.registry.metrics();
    return c.body(text, 200, { 'Content-Type': deps.metrics.registry.contentType });
  });
}
