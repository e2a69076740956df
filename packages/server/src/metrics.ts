/**
 * Prometheus metrics at `/metrics`: HighLevel requests by status (from the client's `onEvent`),
 * rate-limit waits, jobs by state and outcome, and the bridge's own HTTP requests. One registry
 * per server instance, so several instances (tests) never collide.
 */
import type { ClientEvent } from '@ghl-bridge/client';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { JobEvent, JobStateCounts } from './queue/jobQueue.js';

export interface Metrics {
  registry: Registry;
  /** Feed every event of every HighLevel client here. */
  onClientEvent(event: ClientEvent): void;
  onJobEvent(event: JobEvent): void;
  httpRequest(method: string, route: string, status: number, seconds: number): void;
  /** Reads job counts at scrape time. */
  setJobCounts(read: () => Promise<Record<string, JobStateCounts>>): void;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const highLevelRequests = new Counter({
    name: 'ghl_bridge_highlevel_requests_total',
    help: 'HighLevel API responses and failures, by HTTP status (or error code when none)',
    labelNames: ['status', 'method'] as const,
    registers,
  });
  const rateLimitWaits = new Counter({
    name: 'ghl_bridge_rate_limit_waits_total',
    help: 'Requests that waited for the per-Location rate limit',
    labelNames: ['priority'] as const,
    registers,
  });
  const rateLimitWaitSeconds = new Histogram({
    name: 'ghl_bridge_rate_limit_wait_seconds',
    help: 'Time spent waiting for the per-Location rate limit',
    buckets: [0.01, 0.1, 0.5, 1, 2, 5, 10, 30],
    registers,
  });
  const retries = new Counter({
    name: 'ghl_bridge_highlevel_retries_total',
    help: 'HighLevel requests retried, by reason',
    labelNames: ['reason'] as const,
    registers,
  });
  const jobsFinished = new Counter({
    name: 'ghl_bridge_jobs_finished_total',
    help: 'Jobs finished by this process, by queue and outcome',
    labelNames: ['queue', 'outcome'] as const,
    registers,
  });
  const httpRequests = new Histogram({
    name: 'ghl_bridge_http_request_duration_seconds',
    help: 'Bridge HTTP API requests, by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.02, 0.1, 0.5, 1, 2, 5, 15],
    registers,
  });
  let readCounts: (() => Promise<Record<string, JobStateCounts>>) | undefined;
  new Gauge({
    name: 'ghl_bridge_jobs',
    help: 'Jobs in the queue, by queue and state',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      this.reset();
      if (!readCounts) return;
      for (const [queue, counts] of Object.entries(await readCounts())) {
        for (const [state, value] of Object.entries(counts)) this.set({ queue, state }, value);
      }
    },
  });

  return {
    registry,
    onClientEvent(event) {
      switch (event.type) {
        case 'response':
          highLevelRequests.inc({ status: String(event.status), method: event.method });
          break;
        case 'error':
          // A refusal carries HighLevel's status; a network failure or timeout only a code.
          highLevelRequests.inc({
            status: String(event.status ?? event.code),
            method: event.method,
          });
          break;
        case 'rate_limit_wait':
          rateLimitWaits.inc({ priority: event.priority });
          rateLimitWaitSeconds.observe(event.waitedMs / 1000);
          break;
        case 'retry':
          retries.inc({ reason: event.reason });
          break;
        default:
          break;
      }
    },
    onJobEvent(event) {
      jobsFinished.inc({ queue: event.queue, outcome: event.type });
    },
    httpRequest(method, route, status, seconds) {
      httpRequests.observe({ method, route, status: String(status) }, seconds);
    },
    setJobCounts(read) {
      readCounts = read;
    },
  };
}
