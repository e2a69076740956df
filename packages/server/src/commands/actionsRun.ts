/**
 * `ghl-bridge actions run <name> --workspace ID [--input JSON|@file] [--idempotency-key K]`: runs
 * one action the way `POST /v1/workspaces/:ws/actions/:name` does (the same `runAction`, the same
 * answers), with the workspace's stored connection, and prints the API's answer: `{action,
 * result}` on stdout, or the refusal in words on stderr.
 */
import { readFile } from 'node:fs/promises';
import { runAction } from '../actions/runAction.js';
import type { Config } from '../config.js';
import { actionAnswer } from '../http/actionAnswers.js';
import { createLogger } from '../logger.js';
import { commandClients } from './commandClients.js';
import { inWorkspace } from './inWorkspace.js';

export interface ActionsRunOptions {
  config: Config;
  workspaceId: string;
  name: string;
  /** `--input`: JSON, or `@path` of a file holding it; default `{}`. */
  input?: string;
  idempotencyKey?: string;
  /** HighLevel's fetch; default the global one. */
  fetch?: typeof fetch;
  out: (line: string) => void;
  err: (line: string) => void;
}

/**
 * The input `--input` gives: an object, or the words saying what is wrong with it.
 *
 * @example await readInput('@contact.json') // { ok: true, input: { email: … } }
 */
export async function readInput(
  text: string | undefined,
): Promise<{ ok: true; input: Record<string, unknown> } | { ok: false; problem: string }> {
  if (text === undefined) return { ok: true, input: {} };
  let json = text;
  if (text.startsWith('@')) {
    try {
      json = await readFile(text.slice(1), 'utf8');
    } catch (error) {
      return {
        ok: false,
        problem: `--input: cannot read ${text.slice(1)}: ${(error as Error).message}`,
      };
    }
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, problem: '--input: not valid JSON (check quotes, commas and brackets).' };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      ok: false,
      problem: '--input: expected a JSON object, like {"email": "ada@example.com"}.',
    };
  }
  return { ok: true, input: value as Record<string, unknown> };
}

/** Returns the exit code: 0 with HighLevel's answer, 1 when refused, 2 for an unreadable input. */
export async function actionsRunCommand(options: ActionsRunOptions): Promise<number> {
  const { config, out, err } = options;
  const read = await readInput(options.input);
  if (!read.ok) return (err(read.problem), 2);
  return inWorkspace(options, async ({ database, workspace, secrets }) => {
    const highLevel = commandClients(config, database, secrets, options.fetch);
    // The run's log line goes to stderr: stdout carries the answer.
    const log = createLogger({ level: config.logLevel, destination: process.stderr });
    const { idempotencyKey } = options;
    const outcome = await runAction(
      { db: database.db, highLevel, log },
      { workspaceId: workspace.id, name: options.name, input: read.input, idempotencyKey },
    );
    out(
      JSON.stringify(actionAnswer(outcome, { workspaceId: workspace.id, idempotencyKey }), null, 2),
    );
    return 0;
  });
}
