/**
 * What a search of the sync jobs (`GET …/sync-jobs?search=`) looks for: the text as typed, in
 * lower case, anywhere in the customer's email or name or in the booking id; and, when it reads
 * as a phone number, its digits anywhere in the stored phone. Stored phones are E.164
 * (`+14155550132`), so `(415) 555-0132` is matched by its digits; stored emails are lower case.
 */

export interface SyncJobSearch {
  /** A `LIKE` pattern: the text, its `%`, `_` and `\` escaped, anywhere. */
  text: string;
  /** A `LIKE` pattern of the phone digits anywhere; null when the text is not a phone number. */
  digits: string | null;
}

/** Fewer digits than this match too many phones to be worth looking for. */
const MIN_PHONE_DIGITS = 3;

/**
 * The patterns for `term`; undefined when it holds nothing to look for.
 *
 * @example
 * syncJobSearch(' Ada@Example.com '); // { text: '%ada@example.com%', digits: null }
 * syncJobSearch('(415) 555-0132'); // { text: '%(415) 555-0132%', digits: '%4155550132%' }
 */
export function syncJobSearch(term: string): SyncJobSearch | undefined {
  const text = term.trim().toLowerCase();
  if (text === '') return undefined;
  const digits = text.replace(/\D/g, '');
  const phoneLike = /^[\d\s().+-]+$/.test(text) && digits.length >= MIN_PHONE_DIGITS;
  return { text: `%${escapeLike(text)}%`, digits: phoneLike ? `%${digits}%` : null };
}

/** `text` matched literally by `LIKE` (whose escape character is `\` by default). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
