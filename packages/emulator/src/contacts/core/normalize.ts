/**
 * How HighLevel stores what a contact body says, where it differs from what was sent: tags and
 * dates of birth. Phone numbers have their own rules in `phone.ts`.
 */

/**
 * Tags as HighLevel keeps them: trimmed, lower-cased, without duplicates or empty names.
 *
 * @example
 * normalizeTags([' VIP', 'vip', '']); // ['vip']
 */
export function normalizeTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''))];
}

/**
 * A date of birth as stored: midnight UTC of the date, whichever accepted layout it came in
 * (`CreateContactDto.dateOfBirth`: YYYY-MM-DD, MM/DD/YYYY, … with `-`, `/`, `.` or `_`). Null
 * clears it; text in no accepted layout is kept as sent; undefined leaves it unchanged.
 *
 * @example
 * normalizeDateOfBirth('7/4/1990'); // '1990-07-04T00:00:00.000Z'
 */
export function normalizeDateOfBirth(raw: unknown): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || raw === '') return null;
  const s = raw as string;
  const ymd = /^(\d{4})[-/._](\d{1,2})[-/._](\d{1,2})/.exec(s);
  const mdy = /^(\d{1,2})[-/._](\d{1,2})[-/._](\d{4})/.exec(s);
  const [y, m, d] = ymd ? [ymd[1], ymd[2], ymd[3]] : mdy ? [mdy[3], mdy[1], mdy[2]] : [];
  if (!y || !m || !d) return s;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}T00:00:00.000Z`;
}
