/**
 * An Idempotency-Key taken for one request, or what the request does instead: replay the answer
 * stored under it, wait (briefly) for the request running under it, or refuse a key reused for
 * another request. The rules are `decideOnKey`'s; the row is `actionRunStore`'s.
 */
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { claimKey, findRun, takeOverKey, type RunKey } from './actionRunStore.js';
import { decideOnKey } from './core/idempotency.js';
import type { StoredAnswer } from './core/storedAnswer.js';

export type KeyHold =
  | { kind: 'claimed'; claim: string }
  | { kind: 'replay'; answer: StoredAnswer }
  | { kind: 'reused' }
  | { kind: 'in_progress' };

export interface HoldOptions {
  /** Epoch ms. */
  now: () => number;
  /** How long to wait for a request running under the key before answering `in_progress`. */
  waitMs: number;
  /** How long the key holds its answer; default a day (`KEY_LIFETIME_MS`). */
  lifetimeMs?: number;
}

/** How often a waiting request looks at the key's row again. */
const POLL_MS = 100;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes `at` for a request of `action` whose input has `fingerprint`.
 *
 * @example const hold = await holdKey(db, { workspaceId, key }, 'create-contact', fingerprint, { now: Date.now, waitMs: 5000 });
 */
export async function holdKey(
  db: Kysely<DB>,
  at: RunKey,
  action: string,
  fingerprint: string,
  options: HoldOptions,
): Promise<KeyHold> {
  const deadline = options.now() + options.waitMs;
  for (;;) {
    const request = { action, fingerprint, now: new Date(options.now()) };
    const claim = await claimKey(db, at, request);
    if (claim) return { kind: 'claimed', claim };
    const run = await findRun(db, at);
    // Released between the two statements: the key is free again.
    if (!run) continue;
    const decision = decideOnKey(run, fingerprint, request.now.getTime(), options.lifetimeMs);
    if (decision === 'reused') return { kind: 'reused' };
    if (decision === 'replay' && run.answer) return { kind: 'replay', answer: run.answer };
    // Past its lifetime, abandoned, or holding an answer this version cannot read.
    if (decision !== 'wait') {
      const taken = await takeOverKey(db, at, run.claim, request);
      if (taken) return { kind: 'claimed', claim: taken };
      continue;
    }
    if (options.now() >= deadline) return { kind: 'in_progress' };
    await pause(POLL_MS);
  }
}
