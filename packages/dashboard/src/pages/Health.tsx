/**
 * A workspace's health: its Location's HighLevel requests per 10 s over the last hour against
 * HighLevel's limit (a chart, loaded only on this page), the 429s and failures among them, the
 * sync queue's depth and error rate, and whether the server is ready.
 */
import { lazy, Suspense } from 'react';
import { Link } from 'wouter';
import { useReadiness, useWorkspaceHealth } from '../api/health';
import { ErrorMessage } from '../components/ErrorMessage';
import { Readiness } from './health/Readiness';

const RequestsChart = lazy(() => import('./health/RequestsChart'));

const number = (value: number) => value.toLocaleString();
const percent = (rate: number | null) =>
  rate === null ? '—' : `${(rate * 100).toFixed(rate > 0 && rate < 0.01 ? 1 : 0)}%`;

export function Health({ ws }: { ws: string }) {
  const health = useWorkspaceHealth(ws);
  const readiness = useReadiness();
  const h = health.data;
  return (
    <>
      <section aria-labelledby="requests">
        <h2 id="requests">HighLevel requests</h2>
        <ErrorMessage error={health.error} />
        {health.isPending ? <p aria-busy="true">Loading…</p> : null}
        {h && !h.locationId ? (
          <p className="empty">
            Not connected: nothing is sent to HighLevel yet.{' '}
            <Link href={`/workspaces/${ws}`}>Connect GoHighLevel</Link> to see its requests here.
          </p>
        ) : null}
        {h?.locationId ? (
          <>
            <p className="hint">
              Location <code>{h.locationId}</code>, last hour, in {h.requests.bucketMs / 1000}
              -second steps. HighLevel allows {h.limit.requests} requests per{' '}
              {h.limit.windowMs / 1000} s per Location, shared by every app and process using it.
            </p>
            <ul className="counts" aria-label="Last hour">
              <li>
                <strong>{number(h.requests.totals.requests)}</strong> requests
              </li>
              <li>
                <strong>
                  {h.requests.totals.peak} / {h.limit.requests}
                </strong>{' '}
                busiest 10 s
              </li>
              <li>
                <strong>{number(h.requests.totals.throttled)}</strong> throttled (429)
              </li>
              <li>
                <strong>{number(h.requests.totals.failed)}</strong> failed (5xx, timeouts)
              </li>
            </ul>
            <Suspense fallback={<p aria-busy="true">Loading the chart…</p>}>
              <RequestsChart health={h} />
            </Suspense>
          </>
        ) : null}
      </section>
      {h ? (
        <section aria-labelledby="queue">
          <h2 id="queue">Booking sync queue</h2>
          <ul className="counts" aria-label="Sync jobs">
            <li>
              <strong>{number(h.syncJobs.waiting)}</strong> waiting or running
            </li>
            <li>
              <strong>{number(h.syncJobs.failed)}</strong> failed, to retry
            </li>
            <li>
              <strong>{percent(h.syncJobs.lastHour.errorRate)}</strong> of jobs failed in the last
              hour ({number(h.syncJobs.lastHour.failed)} of{' '}
              {number(h.syncJobs.lastHour.done + h.syncJobs.lastHour.failed)})
            </li>
          </ul>
          {h.syncJobs.failed > 0 ? (
            <p>
              <Link href={`/workspaces/${ws}/bookings`}>See the failed jobs and retry them</Link>
            </p>
          ) : null}
        </section>
      ) : null}
      <Readiness readiness={readiness.data} error={readiness.error} />
    </>
  );
}
