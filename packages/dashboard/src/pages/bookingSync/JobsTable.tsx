/**
 * The jobs, newest first: the booking (which opens its timeline), the customer, the state, why a
 * job failed, when it last changed, and Retry for a failed one. On a narrow screen the table
 * scrolls sideways inside its own focusable region.
 */
import type { SyncJob } from '../../api/syncJobs';
import { stateLabel, when } from './words';

export function JobsTable(props: {
  jobs: SyncJob[];
  retrying: boolean;
  onRetry: (id: string) => void;
  onOpen: (bookingId: string) => void;
}) {
  return (
    <div className="table-scroll" role="region" aria-label="Sync jobs" tabIndex={0}>
      <table className="sync-jobs">
        <thead>
          <tr>
            <th scope="col">Booking</th>
            <th scope="col">Customer</th>
            <th scope="col">State</th>
            <th scope="col">Why</th>
            <th scope="col">Updated</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.jobs.map((job) => (
            <tr key={job.id}>
              <td>
                <button
                  type="button"
                  className="link-button"
                  aria-haspopup="dialog"
                  onClick={() => props.onOpen(job.bookingId)}
                >
                  <span className="visually-hidden">Timeline of </span>
                  <code>{job.bookingId}</code> v{job.version}
                </button>
              </td>
              <td className="customer">{job.customerKey}</td>
              <td>
                <span className={`state state-${job.status}`}>{stateLabel(job.status)}</span>
              </td>
              <td className="why">{job.reason ?? ''}</td>
              <td>{when(job.updatedAt)}</td>
              <td>
                {job.status === 'failed' ? (
                  <button
                    type="button"
                    disabled={props.retrying}
                    onClick={() => props.onRetry(job.id)}
                  >
                    Retry<span className="visually-hidden"> {job.bookingId}</span>
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
