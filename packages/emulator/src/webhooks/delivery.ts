/**
 * Sends webhooks the way HighLevel does: a POST of the JSON body with both signature headers,
 * re-sent unchanged only after a 429 (see `core/retry.ts`), and recorded in a log the control
 * API can show. Delivery problems are the receiver's to see in that log; they never reach the
 * caller.
 */
import type { Clock } from '@ghl-bridge/client';
import type { DeliveryFate } from './core/deliveryFaults.js';
import { decideAfterAttempt, type AttemptOutcome } from './core/retry.js';
import { signWebhook, type WebhookKeys } from './keys.js';

export interface WebhookDeliveryOptions {
  fetch: typeof globalThis.fetch;
  /** Times attempts and retry waits; a manual clock makes the 10-minute waits instant in tests. */
  clock: Clock;
  keys: WebhookKeys;
  /** Uniform in [0, 1), for retry jitter. Default `Math.random`. */
  random?: () => number;
  /**
   * How long one attempt waits for an answer before it counts as a failed connection (not
   * retried). Default 10 s; HighLevel does not document its own timeout.
   */
  timeoutMs?: number;
  /** Log entries kept, oldest dropped first. Default 1000. */
  logLimit?: number;
}

/** One event sent to one URL. */
export interface DeliveryLogEntry {
  url: string;
  type: string;
  webhookId: string;
  /** POSTs made so far: 1 + retries (0 for a dropped delivery). */
  attempts: number;
  /** `dropped`: never sent, by the webhook fault settings (`setWebhookFaults`). */
  state: 'pending' | 'delivered' | 'failed' | 'dropped';
  /** How long the fault settings held it back before its first attempt. */
  delayedMs: number;
  /** The last answer's HTTP status; null before it or when the connection failed. */
  status: number | null;
  /** Why the delivery failed, in words. */
  error: string | null;
  /** ISO times, from the emulator's clock. */
  firstAttemptAt: string;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
}

export interface WebhookDelivery {
  /**
   * Sends `event` (unless its `fate` drops it, or after the wait it sets) and resolves with its
   * log entry once delivered, given up or dropped. Never rejects.
   */
  deliver(
    url: string,
    event: { type: string; webhookId: string },
    fate?: DeliveryFate,
  ): Promise<DeliveryLogEntry>;
  /** The deliveries so far, oldest first (copies). */
  log(): DeliveryLogEntry[];
  clearLog(): void;
  /** Resolves when no delivery is pending, retries included. */
  idle(): Promise<void>;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A webhook sender with its own delivery log.
 *
 * @example
 * const delivery = createWebhookDelivery({ fetch, clock: systemClock, keys: createWebhookKeys() });
 * void delivery.deliver(app.webhookUrl, contactEvent('ContactCreate', contact, stampDelivery(clock)));
 */
export function createWebhookDelivery(options: WebhookDeliveryOptions): WebhookDelivery {
  const { fetch, clock, keys, random = Math.random, timeoutMs = 10_000 } = options;
  const logLimit = options.logLimit ?? 1000;
  let entries: DeliveryLogEntry[] = [];
  const pending = new Set<Promise<unknown>>();

  async function attempt(url: string, body: string, headers: Record<string, string>) {
    const timeout = new AbortController();
    const answered = new AbortController();
    void clock.sleep(timeoutMs, answered.signal).then(
      () => timeout.abort(new Error(`no answer within ${timeoutMs} ms`)),
      () => undefined,
    );
    try {
      const response = await fetch(url, { method: 'POST', headers, body, signal: timeout.signal });
      await response.body?.cancel().catch(() => undefined);
      return { status: response.status } satisfies AttemptOutcome;
    } catch (error) {
      const reason: unknown = timeout.signal.aborted ? timeout.signal.reason : error;
      return { error: reason instanceof Error ? reason.message : String(reason) };
    } finally {
      answered.abort();
    }
  }

  async function run(entry: DeliveryLogEntry, event: object): Promise<void> {
    // Sign once: HighLevel re-sends the same payload, so every attempt carries the same bytes.
    const body = JSON.stringify(event);
    const headers = { 'content-type': 'application/json', ...signWebhook(body, keys) };
    for (;;) {
      entry.attempts += 1;
      entry.lastAttemptAt = iso(clock.now());
      entry.nextAttemptAt = null;
      const outcome: AttemptOutcome = await attempt(entry.url, body, headers);
      entry.status = 'status' in outcome ? outcome.status : null;
      const decision = decideAfterAttempt(outcome, entry.attempts - 1, random);
      if (decision.next === 'delivered') {
        entry.state = 'delivered';
        return;
      }
      if (decision.next === 'failed') {
        entry.state = 'failed';
        entry.error = decision.reason;
        return;
      }
      entry.nextAttemptAt = iso(clock.now() + decision.delayMs);
      await clock.sleep(decision.delayMs);
    }
  }

  return {
    async deliver(url, event, fate = { dropped: false, delayMs: 0 }) {
      const delayedMs = fate.dropped ? 0 : fate.delayMs;
      const entry: DeliveryLogEntry = {
        url,
        type: String(event.type),
        webhookId: String(event.webhookId),
        attempts: 0,
        state: fate.dropped ? 'dropped' : 'pending',
        delayedMs,
        status: null,
        error: fate.dropped ? 'dropped by the webhook fault settings; never sent' : null,
        firstAttemptAt: iso(clock.now() + delayedMs),
        lastAttemptAt: null,
        nextAttemptAt: delayedMs > 0 ? iso(clock.now() + delayedMs) : null,
      };
      entries.push(entry);
      if (entries.length > logLimit) entries = entries.slice(-logLimit);
      if (fate.dropped) return { ...entry };
      const held = delayedMs > 0 ? clock.sleep(delayedMs) : Promise.resolve();
      const done: Promise<void> = held
        .then(() => run(entry, event))
        .catch((error: unknown) => {
          entry.state = 'failed';
          entry.error = `could not send: ${error instanceof Error ? error.message : String(error)}`;
        })
        .finally(() => pending.delete(done));
      pending.add(done);
      await done;
      return { ...entry };
    },
    log: () => entries.map((entry) => ({ ...entry })),
    clearLog() {
      entries = entries.filter((entry) => entry.state === 'pending');
    },
    async idle() {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}
