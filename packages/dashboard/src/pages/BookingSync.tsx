/**
 * A workspace's booking sync: how many jobs are in each state, the progress of backfills, the
 * jobs newest first (searched by customer or booking, filtered by state, older ones a page at a
 * time), why a failed one failed in words, Retry for one or all of them, and a booking's timeline.
 */
import { useState } from 'react';
import { useRetrySyncJob, useSyncJobs, type SyncJobStatus } from '../api/syncJobs';
import { ErrorMessage } from '../components/ErrorMessage';
import { BackfillProgress } from './bookingSync/BackfillProgress';
import { BookingTimeline } from './bookingSync/BookingTimeline';
import { JobSearch, useDebounced } from './bookingSync/JobSearch';
import { JobsTable } from './bookingSync/JobsTable';
import { RetryAllFailed } from './bookingSync/RetryAllFailed';
import { SyncCounts } from './bookingSync/SyncCounts';
import { stateLabel } from './bookingSync/words';

export function BookingSync({ ws }: { ws: string }) {
  const [status, setStatus] = useState<SyncJobStatus>();
  const [typed, setTyped] = useState('');
  const search = useDebounced(typed.trim(), 300);
  const [opened, setOpened] = useState<string | null>(null);
  const jobs = useSyncJobs(ws, { status, search });
  const retry = useRetrySyncJob(ws);
  const pages = jobs.data?.pages ?? [];
  const shown = pages.flatMap((page) => page.jobs);
  const counts = pages[0]?.counts;
  const total = counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : 0;
  return (
    <section aria-labelledby="booking-sync" className="booking-sync">
      <h2 id="booking-sync">Booking sync</h2>
      <SyncCounts counts={counts} selected={status} onSelect={setStatus} />
      <BackfillProgress ws={ws} />
      <div className="title-row">
        <JobSearch search={typed} onSearch={setTyped} status={status} onStatus={setStatus} />
        <RetryAllFailed ws={ws} search={search} failed={counts?.failed ?? 0} />
      </div>
      <ErrorMessage error={jobs.error ?? retry.error} />
      {jobs.isPending ? <p aria-busy="true">Loading jobs…</p> : null}
      {jobs.data && shown.length === 0 ? (
        total === 0 ? (
          <p className="empty">
            No bookings yet. Each booking your app posts to{' '}
            <code>POST /v1/workspaces/{ws}/bookings</code> makes a job per customer it touches; past
            bookings come in with <code>ghl-bridge backfill</code> (see Backfills above).
          </p>
        ) : (
          <div className="empty">
            <p>
              No jobs
              {search ? ` match “${search}”` : ''}
              {status ? ` in ${stateLabel(status).toLowerCase()}` : ''}. Search by another part of
              the email, phone or name, or show every state.
            </p>
            <button
              type="button"
              onClick={() => {
                setTyped('');
                setStatus(undefined);
              }}
            >
              Clear search and filter
            </button>
          </div>
        )
      ) : null}
      {shown.length > 0 ? (
        <JobsTable
          jobs={shown}
          retrying={retry.isPending}
          onRetry={(id) => retry.mutate(id)}
          onOpen={setOpened}
        />
      ) : null}
      {jobs.hasNextPage ? (
        <button
          type="button"
          className="more"
          disabled={jobs.isFetchingNextPage}
          onClick={() => void jobs.fetchNextPage()}
        >
          {jobs.isFetchingNextPage ? 'Loading older jobs…' : 'Older jobs'}
        </button>
      ) : null}
      <BookingTimeline ws={ws} bookingId={opened} onClose={() => setOpened(null)} />
    </section>
  );
}
