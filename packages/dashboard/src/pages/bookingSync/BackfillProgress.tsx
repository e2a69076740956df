/**
 * The progress of `ghl-bridge backfill` runs: for the latest, a bar and how many of its jobs are
 * done, failed, waiting for a connection and still to go; the earlier ones below it in a line
 * each. Without any run, how to start one.
 */
import { toGo, useBackfills, type BackfillRun } from '../../api/bookings';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count, when } from './words';

export function BackfillProgress({ ws }: { ws: string }) {
  const backfills = useBackfills(ws);
  const [latest, ...earlier] = backfills.data?.backfills ?? [];
  return (
    <section className="card backfills" aria-labelledby="backfills-title">
      <h3 id="backfills-title">Backfills</h3>
      <ErrorMessage error={backfills.error} />
      {backfills.isPending ? <p aria-busy="true">Loading backfills…</p> : null}
      {backfills.data && !latest ? (
        <p className="empty">
          No backfill has run in this workspace. To sync past bookings, run{' '}
          <code>ghl-bridge backfill --workspace {ws} --file bookings.ndjson --dry-run</code> to see
          what it would do, then again without <code>--dry-run</code>; its progress shows here.
        </p>
      ) : null}
      {latest ? <LatestRun run={latest} /> : null}
      {earlier.length > 0 ? (
        <ul className="earlier-runs" aria-label="Earlier backfills">
          {earlier.map((run) => (
            <li key={run.id}>
              <code>{run.id}</code> started {when(run.startedAt)}: {summary(run)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function LatestRun({ run }: { run: BackfillRun }) {
  const ended = run.total - toGo(run);
  return (
    <div className="latest-run">
      <label htmlFor={`progress-${run.id}`}>
        Latest: <code>{run.id}</code>, started {when(run.startedAt)}
      </label>
      <progress id={`progress-${run.id}`} value={ended} max={Math.max(run.total, 1)} />
      <p>{summary(run)}</p>
    </div>
  );
}

function summary(run: BackfillRun): string {
  const left = toGo(run);
  const parts = [
    `${run.counts.done.toLocaleString()} of ${count(run.total, 'job')} done`,
    `${run.counts.failed.toLocaleString()} failed`,
    ...(run.counts.waiting_for_connection > 0
      ? [`${run.counts.waiting_for_connection.toLocaleString()} waiting for a connection`]
      : []),
    ...(run.counts.paused > 0 ? [`${run.counts.paused.toLocaleString()} paused`] : []),
    left > 0 ? `${left.toLocaleString()} to go` : `finished ${when(run.updatedAt)}`,
  ];
  return parts.join(', ') + '.';
}
