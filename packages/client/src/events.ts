/** What the client tells `onEvent` about (logs and metrics are built on it). */
export type ClientEvent =
  | {
      type: 'response';
      method: string;
      path: string;
      status: number;
      durationMs: number;
      attempt: number;
      traceId?: string;
      resourceId?: string;
      rateLimitRemaining?: number;
    }
  | {
      type: 'error';
      method: string;
      path: string;
      code: string;
      status?: number;
      durationMs: number;
      attempt: number;
      traceId?: string;
      resourceId?: string;
    }
  | {
      type: 'retry';
      method: string;
      path: string;
      attempt: number;
      delayMs: number;
      reason: string;
    }
  | { type: 'rate_limit_wait'; resourceId: string; waitedMs: number; priority: string }
  | { type: 'token_refresh'; outcome: 'refreshed' | 'failed' | 'reused'; resourceId?: string };

export type EventSink = (event: ClientEvent) => void;
