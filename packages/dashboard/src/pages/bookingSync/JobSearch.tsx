/**
 * The search box (any part of an email, phone, name or booking id; sent once typing pauses) and
 * the state filter.
 */
import { useEffect, useState } from 'react';
import type { SyncJobStatus } from '../../api/syncJobs';
import { STATES } from './words';

/** `value`, once it has stayed the same for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function JobSearch(props: {
  search: string;
  onSearch: (search: string) => void;
  status: SyncJobStatus | undefined;
  onStatus: (status: SyncJobStatus | undefined) => void;
}) {
  return (
    <div className="job-search" role="search">
      <div>
        <label htmlFor="job-search">Search</label>
        <input
          id="job-search"
          type="search"
          value={props.search}
          placeholder="ada@example.com, (415) 555-0132, Ada, bk_1042"
          aria-describedby="job-search-hint"
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => props.onSearch(event.target.value)}
        />
        <p id="job-search-hint" className="hint">
          Any part of the customer’s email, phone or name, or of the booking id.
        </p>
      </div>
      <div>
        <label htmlFor="state-filter">Show</label>
        <select
          id="state-filter"
          value={props.status ?? ''}
          onChange={(event) => props.onStatus((event.target.value || undefined) as SyncJobStatus)}
        >
          <option value="">All jobs</option>
          {STATES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
