import type { Clock } from '../clock.js';
import {
  HighLevelError,
  NetworkError,
  OutcomeUnknownError,
  RateLimitError,
  TimeoutError,
} from '../errors.js';
import type { EventSink } from '../events.js';
import type { Layer } from '../pipeline.js';
import { decideRetry, type AttemptFailure, type RetryOptions } from '../retry/policy.js';

function failureOf(error: HighLevelError): AttemptFailure | undefined {
  if (error instanceof NetworkError) return { kind: 'network', beforeSend: error.beforeSend };
  if (error instanceof TimeoutError) return { kind: 'timeout' };
  if (error.status === undefined) return undefined;
  const daily = error.headers?.get('x-ratelimit-daily-remaining');
  return {
    kind: 'status',
    status: error.status,
    retryAfterMs: error instanceof RateLimitError ? error.retryAfterMs : undefined,
    dailyRemaining: daily == null || daily === '' ? undefined : Number(daily),
  };
}

/** Sends an attempt again when `decideRetry` says so; turns an unknown create outcome into its error. */
export function retryLayer(deps: {
  options: RetryOptions;
  clock: Clock;
  random: () => number;
  emit: EventSink;
}): Layer {
  return (next) => async (request) => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await next({ ...request, attempt });
      } catch (error) {
        if (!(error instanceof HighLevelError)) throw error;
        const failure = failureOf(error);
        if (!failure) throw error;
        const decision = decideRetry(
          { failure, attempt, idempotent: request.idempotent, random: deps.random() },
          deps.options,
        );
        if (!decision.retry) {
          if (decision.reason !== 'outcome_unknown') throw error;
          throw new OutcomeUnknownError(
            'outcome_unknown',
            `${request.method} ${request.pathTemplate} may or may not have been applied (${error.message}). ` +
              'It was not sent again, to avoid a duplicate: look the record up before retrying.',
            {
              cause: error,
              status: error.status,
              traceId: error.traceId,
              request: error.request,
              headers: error.headers,
            },
          );
        }
        deps.emit({
          type: 'retry',
          method: request.method,
          path: request.pathTemplate,
          attempt,
          delayMs: decision.delayMs,
          reason: error.code,
        });
        await deps.clock.sleep(decision.delayMs, request.signal);
      }
    }
  };
}
