/**
 * A booking's timeline in a dialog: the stored version and what of it could not be synced, then
 * every sync job of it, oldest first, with its steps, their HighLevel calls and, for a failed
 * job, why in words and Retry. Escape or Close returns to the job list.
 */
import { useBookingTimeline, type BookingTimeline as Timeline } from '../../api/bookings';
import { useRetrySyncJob } from '../../api/syncJobs';
import { Dialog } from '../../components/Dialog';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TimelineJobEntry } from './TimelineJobEntry';
import { BOOKING_SYNC } from './words';

export function BookingTimeline(props: {
  ws: string;
  bookingId: string | null;
  onClose: () => void;
}) {
  const timeline = useBookingTimeline(props.ws, props.bookingId);
  const retry = useRetrySyncJob(props.ws);
  const data = timeline.data?.booking.bookingId === props.bookingId ? timeline.data : undefined;
  return (
    <Dialog
      title={`Booking ${props.bookingId ?? ''}`}
      open={props.bookingId !== null}
      onClose={props.onClose}
    >
      <div className="booking-timeline">
        {/* First, so opening the dialog focuses it without scrolling past the timeline. */}
        <button type="button" className="dialog-close" onClick={props.onClose}>
          Close
        </button>
        <ErrorMessage error={timeline.error ?? retry.error} />
        {timeline.isPending ? <p aria-busy="true">Loading the timeline…</p> : null}
        {data ? <Summary timeline={data} /> : null}
        {data ? (
          <>
            <h3>Sync jobs, oldest first</h3>
            {data.olderJobsLeftOut ? (
              <p className="hint">Only the latest 100 jobs of this booking are shown.</p>
            ) : null}
            {data.jobs.length === 0 ? (
              <p className="empty">This booking has no sync job.</p>
            ) : (
              <ol className="timeline-jobs">
                {data.jobs.map((job) => (
                  <TimelineJobEntry
                    key={job.id}
                    job={job}
                    retrying={retry.isPending}
                    onRetry={() => retry.mutate(job.id)}
                  />
                ))}
              </ol>
            )}
          </>
        ) : null}
      </div>
    </Dialog>
  );
}

function Summary({ timeline }: { timeline: Timeline }) {
  const { booking } = timeline;
  return (
    <>
      <dl>
        <dt>Customer</dt>
        <dd>
          <code>{booking.customerKey}</code>
        </dd>
        <dt>Version</dt>
        <dd>
          {booking.version} ({booking.status})
        </dd>
        <dt>Sync</dt>
        <dd>{BOOKING_SYNC[booking.sync] ?? booking.sync}</dd>
        <dt>HighLevel contact</dt>
        <dd>{booking.highLevelContactId ? <code>{booking.highLevelContactId}</code> : '—'}</dd>
      </dl>
      {booking.problems.length > 0 ? (
        <div className="warning">
          <h3>Not synced from this version</h3>
          <ul>
            {booking.problems.map((problem) => (
              <li key={`${problem.field}:${problem.code}`}>
                <code>{problem.field}</code> “{problem.value}”: {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </>
  );
}
