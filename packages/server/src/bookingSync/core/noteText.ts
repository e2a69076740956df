/**
 * What a booking app sent as free text — the booking's `notes`, its `metadata`, a phone that could
 * not be read — made into lines of a HighLevel note: bounded, one line each, and unable to pass
 * for the note's marker or for markup.
 */
import type { LedgerBooking } from './ledger.js';

/** Bounds on what the note shows of the booking app's text (characters, entries). */
export const NOTE_TEXT_LIMITS = {
  notes: 1000,
  metadataEntries: 15,
  metadataKey: 40,
  metadataValue: 120,
  problemValue: 60,
} as const;

/** C0/C1 controls and the bidirectional overrides that can make a line read differently. */
const INVISIBLE = /[\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * `text` as one line of at most `max` characters. Line breaks become ` / `; control characters go.
 * `<` and `>` become `‹` `›`: HighLevel shows notes in a rich-text view, where markup from a
 * booking app has no business. An opening bracket before `ghl-bridge` becomes `(`, so no text
 * can carry the marker a retried job searches for (`[ghl-bridge booking <id> v<n>]`) and make it
 * skip the note of a version it never wrote.
 *
 * @example noteText('Side door\r\n<b>ring</b> twice', 100) // 'Side door / ‹b›ring‹/b› twice'
 */
export function noteText(text: string, max: number): string {
  const line = text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((part) => part.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim())
    .filter((part) => part !== '')
    .join(' / ')
    .replaceAll('<', '‹')
    .replaceAll('>', '›')
    .replace(/\[(?=\s*ghl-bridge)/gi, '(');
  const characters = Array.from(line);
  return characters.length <= max ? line : `${characters.slice(0, max - 1).join('')}…`;
}

/**
 * The note lines for what the booking app told us beyond the booking itself: its notes, its
 * metadata (by key, at most `metadataEntries` of them), and what of it could not be synced.
 *
 * @example bookingTextLines(booking) // ['Notes: Prefers a firm pressure', 'Details:', '- source: website']
 */
export function bookingTextLines(booking: LedgerBooking): string[] {
  const lines: string[] = [];
  const notes = booking.notes ? noteText(booking.notes, NOTE_TEXT_LIMITS.notes) : '';
  if (notes) lines.push(`Notes: ${notes}`);

  const entries = Object.entries(booking.metadata ?? {})
    .map(([key, value]) => [
      noteText(key, NOTE_TEXT_LIMITS.metadataKey),
      noteText(value, NOTE_TEXT_LIMITS.metadataValue),
    ])
    .filter(([key, value]) => key !== '' && value !== '')
    // Sorted: the stored payload does not keep the order the booking app sent the keys in.
    .sort(([a], [b]) => (a! < b! ? -1 : a! > b! ? 1 : 0));
  if (entries.length > 0) {
    lines.push('Details:');
    const shown = entries.slice(0, NOTE_TEXT_LIMITS.metadataEntries);
    for (const [key, value] of shown) lines.push(`- ${key}: ${value}`);
    if (entries.length > shown.length) lines.push(`- … and ${entries.length - shown.length} more`);
  }

  for (const problem of booking.problems ?? []) {
    const value = noteText(problem.value, NOTE_TEXT_LIMITS.problemValue);
    if (problem.code === 'unreadable_phone') {
      lines.push(`Phone not saved on the contact: "${value}" could not be read as a phone number.`);
    }
  }
  return lines;
}
