/**
 * Fault rules: make chosen requests slow, fail, or fail after their write was applied, so that
 * retry, timeout and reconciliation code can be tested against a real server.
 */

export interface FaultMatch {
  /** HTTP method, any case. */
  method?: string;
  /**
   * The spec path template (`/contacts/{contactId}`), an exact request path (`/contacts/abc`),
   * or a regular expression: a `RegExp` in-process, or a string starting with `^` over JSON.
   */
  path?: string | RegExp;
  locationId?: string;
}

export interface FaultRule {
  match?: FaultMatch;
  /** Delay before the request is handled, on the emulator clock. */
  latencyMs?: number;
  /** Answer with this status instead of handling the request (or after it, with commitThenFail). */
  status?: number;
  /** JSON body for `status`; defaults to a NestJS-style body for the status. */
  body?: unknown;
  /** Chance (0..1) that a matching request is hit; default 1. */
  probability?: number;
  /** How many requests the rule hits before it is used up; default unlimited. */
  count?: number;
  /**
   * Apply the request (the write happens), then answer `status` (default 500) — `'status'` — or
   * drop the connection without an answer — `'drop'`.
   */
  commitThenFail?: 'status' | 'drop';
  /** Send the response body slowly: headers at once, the rest after this many ms. */
  slowBodyMs?: number;
}

export interface ActiveFault {
  rule: FaultRule;
  hits: number;
}

export interface FaultTarget {
  method: string;
  path: string;
  template: string | null;
  locationId: string | null;
}

const trim = (p: string) => (p.length > 1 ? p.replace(/\/+$/, '') : p);

export function faultMatches(match: FaultMatch | undefined, target: FaultTarget): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== target.method.toUpperCase()) return false;
  if (match.locationId && match.locationId !== target.locationId) return false;
  const { path } = match;
  if (path === undefined) return true;
  if (path instanceof RegExp) return path.test(target.path);
  if (path.startsWith('^')) return new RegExp(path).test(target.path);
  const wanted = trim(path);
  return (
    wanted === trim(target.path) || (target.template !== null && wanted === trim(target.template))
  );
}

/**
 * The first rule that hits `target`, counting the hit; null when none does. A rule whose
 * probability roll fails does not use up its `count`.
 */
export function pickFault(
  faults: ActiveFault[],
  target: FaultTarget,
  random: () => number,
): FaultRule | null {
  for (const fault of faults) {
    const { rule } = fault;
    if (rule.count !== undefined && fault.hits >= rule.count) continue;
    if (!faultMatches(rule.match, target)) continue;
    if (random() >= (rule.probability ?? 1)) continue;
    fault.hits += 1;
    return rule;
  }
  return null;
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The body a fault answers with when the rule gives none. */
export function defaultFaultBody(status: number): Record<string, unknown> {
  return { statusCode: status, message: STATUS_TEXT[status] ?? 'Injected fault' };
}
