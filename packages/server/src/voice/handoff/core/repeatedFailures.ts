/**
 * When failed tool answers hand a caller to a person: at the `handoff.afterFailures`-th failed
 * answer (`status: 'error'`) in one call, and at every one after it, so a model that keeps trying
 * keeps hearing "a person will help" instead of the same failure again.
 */

/**
 * The failed answers among a call's recorded answers (its audit trail).
 *
 * @example failedAnswers([{ status: 'ok' }, { status: 'error' }]); // 1
 */
export function failedAnswers(answers: readonly { status: string }[]): number {
  return answers.filter((answer) => answer.status === 'error').length;
}

/**
 * True when a call's failures, counting the one just answered, reach the limit.
 *
 * @example handOffAfterFailures(2, 2); // true
 */
export function handOffAfterFailures(failures: number, afterFailures: number): boolean {
  return failures >= afterFailures;
}

/**
 * The detail the team reads for a handoff after failures: how many, and the last one.
 *
 * @example repeatedFailuresDetail(2, 'book_appointment', 'unavailable'); // '2 failed answers in the call; the last: book_appointment (unavailable)'
 */
export function repeatedFailuresDetail(failures: number, tool: string, code: string): string {
  return `${failures} failed answers in the call; the last: ${tool || 'a tool call'} (${code})`;
}
