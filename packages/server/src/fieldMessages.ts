/**
 * Words for a missing field. zod's own, "Invalid input: expected object, received undefined",
 * tells a booking app's developer what the code saw rather than what to send; every 422 (API
 * bodies, booking events, backfill lines, tool arguments) says `required` instead. zod keeps one
 * setting per process, so loading this module once sets it everywhere (`config.ts` loads it,
 * and every entry point loads `config.ts`).
 */
import { z } from 'zod';

/**
 * The message for an issue zod raised, or undefined to keep zod's own.
 *
 * @example missingFieldMessage({ code: 'invalid_type', input: undefined }) // 'required'
 */
export function missingFieldMessage(issue: { code?: string; input?: unknown }): string | undefined {
  return issue.code === 'invalid_type' && issue.input === undefined ? 'required' : undefined;
}

z.config({ customError: missingFieldMessage });
