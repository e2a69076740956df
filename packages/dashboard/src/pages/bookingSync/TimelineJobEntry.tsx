/**
 * One sync job in a booking's timeline: whose contact it updates, its state and attempts, why it
 * failed and what to do, and each step its journal recorded with the HighLevel calls it makes.
 */
import type { SyncStep, TimelineJob } from '../../api/bookings';
import { count, FAILURE_KINDS, stateLabel, STEP_STATUS, when } from './words';

export function TimelineJobEntry(props: {
  job: TimelineJob;
  retrying: boolean;
  onRetry: () => void;
}) {
  const { job } = props;
  const failed = job.status === 'failed';
  return (
    <li className={`timeline-job state-${job.status}`}>
      <h4>
        Version {job.version} → <code>{job.customerKey}</code>:{' '}
        <span className={`state state-${job.status}`}>{stateLabel(job.status)}</span>
      </h4>
      <p className="hint">
        {job.formerCustomer
          ? 'The booking moved to another customer: this job takes it off this one’s stats and tags. '
          : ''}
        {count(job.attempts, 'attempt')}; created {when(job.createdAt)}, updated{' '}
        {when(job.updatedAt)}
        {job.backfillRun ? (
          <>
            ; from backfill <code>{job.backfillRun}</code>
          </>
        ) : null}
        .
      </p>
      {job.reason ? (
        <div className={failed ? 'error' : 'warning'}>
          {failed && job.failureKind ? (
            <p>
              <strong>{FAILURE_KINDS[job.failureKind].title}</strong>
            </p>
          ) : null}
          <p>{job.reason}</p>
          {failed && job.failureKind && FAILURE_KINDS[job.failureKind].next ? (
            <p>{FAILURE_KINDS[job.failureKind].next}</p>
          ) : null}
          {failed ? (
            <button type="button" disabled={props.retrying} onClick={props.onRetry}>
              Retry<span className="visually-hidden"> version {job.version}</span>
            </button>
          ) : null}
        </div>
      ) : null}
      {job.steps.length > 0 ? (
        <ol className="timeline-steps" aria-label={`Steps of version ${job.version}`}>
          {job.steps.map((step) => (
            <Step key={step.key} step={step} />
          ))}
        </ol>
      ) : (
        <p className="empty">
          {failed
            ? 'It stopped before any step was recorded as done.'
            : job.status === 'done'
              ? 'No step was recorded.'
              : 'No step has run yet.'}
        </p>
      )}
    </li>
  );
}

function Step({ step }: { step: SyncStep }) {
  return (
    <li className={`timeline-step step-${step.status}`}>
      <p>
        <strong>{step.action}</strong> — {STEP_STATUS[step.status]}, {when(step.updatedAt)}
        {step.highLevelContactId ? (
          <>
            {' '}
            (contact <code>{step.highLevelContactId}</code>)
          </>
        ) : null}
      </p>
      <ul className="calls" aria-label="HighLevel calls">
        {step.calls.map((call) => (
          <li key={`${call.method} ${call.path}`}>
            <code>
              {call.method} {call.path}
            </code>
            {call.when ? <span className="hint"> {call.when}</span> : null}
          </li>
        ))}
      </ul>
    </li>
  );
}
