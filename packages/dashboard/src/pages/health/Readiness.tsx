/** The server's readiness (`GET /readyz`): database, queue and stored credentials, each in words. */
import { Fragment } from 'react';
import type { components } from '../../generated/api';
import { ErrorMessage } from '../../components/ErrorMessage';

type Readiness = components['schemas']['Readiness'];

const CHECKS: { key: keyof Readiness['checks']; label: string; fix: string }[] = [
  {
    key: 'database',
    label: 'Database',
    fix: 'The database does not answer: check it is running and reachable.',
  },
  { key: 'queue', label: 'Job queue', fix: 'The job queue is still starting.' },
  {
    key: 'credentials',
    label: 'Stored credentials',
    fix: 'Some stored keys were encrypted with a secret key this server does not have: add it to GHL_BRIDGE_PREVIOUS_SECRET_KEYS, then run ghl-bridge rekey.',
  },
];

export function Readiness({
  readiness,
  error,
}: {
  readiness: Readiness | undefined;
  error: unknown;
}) {
  return (
    <section aria-labelledby="readiness">
      <h2 id="readiness">Server</h2>
      <ErrorMessage error={error} />
      {readiness ? (
        <>
          <p>
            <span
              className={`badge ${readiness.status === 'ready' ? 'badge-connected' : 'badge-needs_attention'}`}
            >
              {readiness.status === 'ready' ? 'Ready' : 'Not ready'}
            </span>
          </p>
          <dl>
            {CHECKS.map((check) => {
              const value = readiness.checks[check.key];
              return (
                <Fragment key={check.key}>
                  <dt>{check.label}</dt>
                  <dd>{value === 'ok' ? 'OK' : `${value}: ${check.fix}`}</dd>
                </Fragment>
              );
            })}
          </dl>
        </>
      ) : null}
    </section>
  );
}
