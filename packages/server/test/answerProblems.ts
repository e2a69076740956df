/**
 * What a caller would notice is wrong with an answer of the bridge's HTTP API: a 5xx (the
 * emulator plays a healthy HighLevel, so none is excused), an error that is not JSON or not
 * `{ "error": { "code", "message", "details"? } }`, a success body that is not JSON.
 */
import type { Answer } from './sendFuzzRequest.js';

const JSON_TYPE = /^application\/json\s*(;|$)/i;
/** Statuses whose answer has no body. */
const NO_BODY = new Set([204, 304]);

/**
 * Every problem with `answer`, in words; empty when a caller has nothing to complain about.
 * `isErrorBody` checks the document's `Error` schema.
 *
 * @example answerProblems({ status: 500, contentType: 'text/plain', text: 'oops' }, isError)
 * // ['answered 500', 'an error as text/plain, not application/json', …]
 */
export function answerProblems(answer: Answer, isErrorBody: (body: unknown) => boolean): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`answered ${answer.status}`);
  if (NO_BODY.has(answer.status)) {
    if (answer.text !== '') problems.push(`a ${answer.status} with a body`);
    return problems;
  }
  const isError = answer.status >= 400;
  const what = isError ? 'an error' : `a ${answer.status}`;
  if (!JSON_TYPE.test(answer.contentType ?? '')) {
    problems.push(`${what} as ${answer.contentType ?? 'no content type'}, not application/json`);
  }
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    problems.push(`${what} whose body is not JSON`);
    return problems;
  }
  if (isError && !isErrorBody(body)) {
    problems.push(`${what} not shaped { "error": { "code", "message", "details"? } }`);
  }
  return problems;
}
