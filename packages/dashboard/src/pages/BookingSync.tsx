/**
 * A workspace's booking sync: how many jobs are in each state, the jobs themselves newest first
 * (filtered by state), why a failed one failed in words, and Retry for one or all of them.
 */
import { useState } from 'react';
import { useRetrySyncJob, useSyncJobs, type SyncJobStatus } from '../api/syncJobs';
import { ErrorMessage } from '../components/ErrorMessage';

const STATES: { value: SyncJobStatus; label: string }[] = [
  { value: 'failed', label: 'Failed' },
  { value: 'waiting_for_connection', label: 'Waiting for a connection' },
  { value: 'queued', label: 'Queued' },
  { value: 'running', label: 'Running' },
  { value: 'retrying', label: 'Retrying' },
  { value: 'done', label: 'Done' },
];
const labelOf = (status: SyncJobStatus) => STATES.find((s) => s.value === status)?.label ?? status;

export function BookingSync({ ws }: { ws: string }) {
  const [status, setStatus] = useState<SyncJobStatus>();
  const jobs = useSyncJobs(ws, status);
  const retry = useRetrySyncJob(ws);
  const failed = jobs.data?.jobs.filter((job) => job.status === 'failed') ?? [];
  return (
    <section aria-labelledby="booking-sync">
      <h2 id="booking-sync">Booking sync</h2>
      {jobs.data ? (
        <ul className="counts" aria-label="Jobs by state">
          {STATES.map((s) => (
            <li key={s.value}>
              <strong>{jobs.data.counts[s.value]}</strong> {s.label.toLowerCase()}
            </li>
          ))}
        </ul>
      ) : null}
      <div className="title-row">
        <div>
          <label htmlFor="state-filter">Show</label>
          <select
            id="state-filter"
            value={status ?? ''}
            onChange={(event) => setStatus((event.target.value || undefined) as SyncJobStatus)}
          >
            <option value="">All jobs</option>
            {STATES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        {failed.length > 1 ? (
          <button
            type="button"
            disabled={retry.isPending}
            onClick={() => failed.forEach((job) => retry.mutate(job.id))}
          >
            Retry all {failed.length} failed
          </button>
        ) : null}
      </div>
      <ErrorMessage error={jobs.error ?? retry.error} />
      {jobs.isPending ? <p aria-busy="true">Loading jobs…</p> : null}
      {jobs.data?.jobs.length === 0 ? (
        <p className="empty">
          No jobs{status ? ` ${labelOf(status).toLowerCase()}` : ''}. Each booking your app posts to{' '}
          <code>POST /v1/workspaces/{ws}/bookings</code> makes one per customer it touches.
        </p>
      ) : null}
      {jobs.data && jobs.data.jobs.length > 0 ? (
        <table>
          <thead>
            <tr>
              <th scope="col">Booking</th>
              <th scope="col">State</th>
              <th scope="col">Why</th>
              <th scope="col">Updated</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.data.jobs.map((job) => (
              <tr key={job.id}>
                <td>
                  <code>{job.bookingId}</code> v{job.version}
                </td>
                <td>{labelOf(job.status)}</td>
                <td>{job.reason ?? ''}</td>
                <td>{new Date(job.updatedAt).toLocaleString()}</td>
                <td>
                  {job.status === 'failed' ? (
                    <button
                      type="button"
                      disabled={retry.isPending}
                      onClick={() => retry.mutate(job.id)}
                    >
                      Retry<span className="visually-hidden"> {job.bookingId}</span>
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
