/**
 * Retry all failed: every failed job matching the search, on every page, queued again; then how
 * many were.
 */
import { useRetryAllFailed } from '../../api/syncJobs';
import { ErrorMessage } from '../../components/ErrorMessage';
import { count } from './words';

export function RetryAllFailed(props: { ws: string; search: string; failed: number }) {
  const retryAll = useRetryAllFailed(props.ws);
  const searching = props.search !== '';
  return (
    <div className="retry-all">
      {props.failed > 0 || retryAll.isPending ? (
        <button
          type="button"
          disabled={retryAll.isPending}
          onClick={() => retryAll.mutate(searching ? props.search : undefined)}
        >
          {retryAll.isPending
            ? 'Retrying…'
            : searching
              ? 'Retry all failed matching the search'
              : `Retry all ${props.failed.toLocaleString()} failed`}
        </button>
      ) : null}
      <p role="status" className="hint">
        {retryAll.data !== undefined ? `Queued ${count(retryAll.data, 'failed job')} again.` : ''}
      </p>
      <ErrorMessage error={retryAll.error} />
    </div>
  );
}
