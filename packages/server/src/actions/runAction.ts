/**
 * Runs a catalogue action for a workspace: the one code path of `POST …/actions/:name` and
 * `ghl-bridge actions run`. Picks the entry, checks the input against its schema (the connected
 * Location's id filled in where the caller left it out), holds the Idempotency-Key of a write,
 * calls HighLevel through the workspace's client (its rate limit, retries and token refresh) and
 * writes the run down in the log: action, workspace, HighLevel's status and the time it took,
 * never the input or the answer, which may hold personal data or a password.
 */
import type { ClientEvent } from '@ghl-bridge/client';
import type { Kysely } from 'kysely';
import { CATALOGUE } from '../catalogue/core/catalogue.js';
import type { CatalogueEntry } from '../catalogue/core/entry.js';
import type { DB } from '../db/schema.js';
import type { HighLevelClients } from '../highlevel/clients.js';
import { findConnection, type ConnectionRow } from '../highlevel/connectionStore.js';
import type { Logger } from '../logger.js';
import { finishRun, releaseKey, type RunKey } from './actionRunStore.js';
import { chooseAction } from './core/actionChoice.js';
import { placeInput, withLocation } from './core/actionInput.js';
import { requestFingerprint } from './core/idempotency.js';
import { inputProblems, type FieldProblem } from './core/inputCheck.js';
import type { StoredAnswer } from './core/storedAnswer.js';
import { answerOf } from './highLevelAnswer.js';
import { holdKey } from './keyHolder.js';

export interface ActionDeps {
  db: Kysely<DB>;
  highLevel: HighLevelClients;
  /** Where each run is written down (the request's logger in the HTTP API). */
  log: Logger;
  /** Epoch ms; default the system clock. */
  now?: () => number;
  /** How long a retry waits for the first request with its key to finish; default 5 s. */
  waitForRunMs?: number;
  /** Told of each HighLevel request and answer (the MCP audit trail lists them). */
  onEvent?: (event: ClientEvent) => void;
}

export interface ActionRequest {
  workspaceId: string;
  name: string;
  input: Readonly<Record<string, unknown>>;
  /** Writes only: the same key and input within 24 hours get the first answer. */
  idempotencyKey?: string;
  /** How long the key holds its answer, when shorter than 24 hours. */
  keyLifetimeMs?: number;
  /** Run a trigger too, as its one read (MCP's read tools); refused otherwise. */
  triggers?: boolean;
  /** The caller went away: stop waiting for HighLevel. */
  signal?: AbortSignal;
}

/** Why an action was not sent to HighLevel. */
export type ActionRefusal =
  | { code: 'unknown_action'; closeNames: string[] }
  | { code: 'trigger' }
  | { code: 'unsupported'; why: string }
  | { code: 'agency_only' }
  | { code: 'not_connected' }
  | { code: 'validation_failed'; fields: FieldProblem[] }
  | { code: 'idempotency_key_reused' }
  | { code: 'in_progress' };

export type ActionOutcome =
  | { kind: 'refused'; name: string; refusal: ActionRefusal }
  | { kind: 'answered'; name: string; answer: StoredAnswer; replayed: boolean }
  /** HighLevel was not reached or refused the connection: nothing is kept, a retry runs again. */
  | { kind: 'failed'; name: string; error: unknown; entry: CatalogueEntry; locationId: string };

const WAIT_FOR_RUN_MS = 5000;

/**
 * @example
 * const outcome = await runAction({ db, highLevel, log }, { workspaceId, name: 'create-contact', input: { email } });
 */
export async function runAction(deps: ActionDeps, request: ActionRequest): Promise<ActionOutcome> {
  const started = performance.now();
  const { outcome, locationId, highLevelStatus } = await decideAndRun(deps, request);
  deps.log.info(
    {
      action: request.name,
      workspaceId: request.workspaceId,
      locationId: locationId ?? null,
      outcome: outcome.kind === 'answered' && outcome.replayed ? 'replayed' : outcome.kind,
      ...(outcome.kind === 'refused' ? { refusal: outcome.refusal.code } : {}),
      ...(outcome.kind === 'answered' ? { answer: outcome.answer.kind } : {}),
      highLevelStatus: highLevelStatus ?? null,
      durationMs: Math.round(performance.now() - started),
    },
    'action run',
  );
  return outcome;
}

/** An outcome, with what the log says about it. */
interface Ran {
  outcome: ActionOutcome;
  locationId?: string;
  /** HighLevel's last HTTP status; none when it was not called or did not answer. */
  highLevelStatus?: number;
}

async function decideAndRun(deps: ActionDeps, request: ActionRequest): Promise<Ran> {
  const { name } = request;
  const refused = (refusal: ActionRefusal, locationId?: string): Ran => ({
    outcome: { kind: 'refused', name, refusal },
    locationId,
  });
  const choice = chooseAction(CATALOGUE, name, { triggers: request.triggers === true });
  if (!choice.ok) {
    if (choice.refusal === 'unknown_action') {
      return refused({ code: 'unknown_action', closeNames: choice.closeNames });
    }
    if (choice.refusal === 'unsupported') return refused({ code: 'unsupported', why: choice.why });
    return refused({ code: choice.refusal });
  }
  const { entry } = choice;
  const connection = await findConnection(deps.db, request.workspaceId);
  if (!connection) return refused({ code: 'not_connected' });
  const locationId = connection.location_id;
  const input = withLocation(entry, request.input, locationId);
  const fields = inputProblems(entry, input, locationId);
  if (fields.length > 0) return refused({ code: 'validation_failed', fields }, locationId);

  const key = entry.operations[0]!.method === 'GET' ? undefined : request.idempotencyKey;
  const at: RunKey | undefined = key ? { workspaceId: request.workspaceId, key } : undefined;
  const now = deps.now ?? Date.now;
  let claim: string | undefined;
  if (at) {
    const fingerprint = requestFingerprint(name, request.input);
    const hold = await holdKey(deps.db, at, name, fingerprint, {
      now,
      waitMs: deps.waitForRunMs ?? WAIT_FOR_RUN_MS,
      ...(request.keyLifetimeMs ? { lifetimeMs: request.keyLifetimeMs } : {}),
    });
    if (hold.kind === 'reused') return refused({ code: 'idempotency_key_reused' }, locationId);
    if (hold.kind === 'in_progress') return refused({ code: 'in_progress' }, locationId);
    if (hold.kind === 'replay') {
      return {
        outcome: { kind: 'answered', name, answer: hold.answer, replayed: true },
        locationId,
      };
    }
    claim = hold.claim;
  }

  const { answer, error, highLevelStatus } = await callHighLevel(
    deps,
    entry,
    connection,
    input,
    request.signal,
  );
  if (at && claim) {
    if (answer) await finishRun(deps.db, at, claim, answer, new Date(now()));
    else await releaseKey(deps.db, at, claim);
  }
  const outcome: ActionOutcome = answer
    ? { kind: 'answered', name, answer, replayed: false }
    : { kind: 'failed', name, error, entry, locationId };
  return { outcome, locationId, highLevelStatus };
}

/** HighLevel's answer to keep, or the error when there is none; never throws. */
interface Called {
  answer: StoredAnswer | undefined;
  error?: unknown;
  highLevelStatus?: number;
}

async function callHighLevel(
  deps: ActionDeps,
  entry: CatalogueEntry,
  connection: ConnectionRow,
  input: Record<string, unknown>,
  signal: AbortSignal | undefined,
): Promise<Called> {
  const { method, path } = entry.operations[0]!;
  let highLevelStatus: number | undefined;
  const onEvent = (event: ClientEvent) => {
    if (event.type === 'response' || event.type === 'error') highLevelStatus = event.status;
    deps.onEvent?.(event);
  };
  try {
    const client = deps.highLevel.forConnection(connection, onEvent);
    const result = await client.raw(method, path, {
      ...placeInput(entry, input),
      locationId: connection.location_id,
      // Someone is waiting for the answer: ahead of syncs and backfills in the Location's budget.
      priority: 'interactive',
      ...(signal ? { signal } : {}),
    });
    return {
      answer: { kind: 'result', status: highLevelStatus, result: result ?? null },
      highLevelStatus,
    };
  } catch (error) {
    return { answer: answerOf(error), error, highLevelStatus };
  }
}
