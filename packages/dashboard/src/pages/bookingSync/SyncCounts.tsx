/**
 * How many of the workspace's jobs are in each state: the workspace's totals, whatever the search
 * and filter below (the caption says so). A count is a shortcut to show only that state.
 */
import type { SyncJobCounts, SyncJobStatus } from '../../api/syncJobs';
import { STATES } from './words';

export function SyncCounts(props: {
  counts: SyncJobCounts | undefined;
  selected: SyncJobStatus | undefined;
  onSelect: (status: SyncJobStatus | undefined) => void;
}) {
  const { counts } = props;
  if (!counts) return null;
  return (
    <div className="sync-counts">
      <p className="hint" id="sync-counts-caption">
        Every job in this workspace, whatever the search; choose a state to show only its jobs.
      </p>
      <ul className="counts" aria-label="Jobs by state" aria-describedby="sync-counts-caption">
        {STATES.map((s) => (
          <li key={s.value} className={counts[s.value] > 0 ? `count-${s.value}` : undefined}>
            <button
              type="button"
              className="count-button"
              aria-pressed={props.selected === s.value}
              onClick={() => props.onSelect(props.selected === s.value ? undefined : s.value)}
            >
              <strong>{counts[s.value].toLocaleString()}</strong> {s.label.toLowerCase()}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
