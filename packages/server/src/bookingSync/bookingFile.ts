/**
 * A file of booking events for `ghl-bridge backfill`, read as a stream (a file of any size is
 * never held in memory): NDJSON line by line, CSV row by row (`csv.ts`), each event validated by
 * the schema of `POST …/bookings`.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { bookingEventSchema, type BookingEventOptions } from './core/bookingEvent.js';
import type { LedgerBooking } from './core/ledger.js';
import { csvBookingRecords } from './core/csv.js';

export type BookingFileFormat = 'ndjson' | 'csv';

/** A valid event, or what is wrong with one line. */
export type BookingLine =
  { line: number; event: LedgerBooking } | { line: number; problem: string };

/**
 * The format a file name promises, or undefined.
 *
 * @example bookingFileFormat('march.csv'); // 'csv'
 */
export function bookingFileFormat(file: string): BookingFileFormat | undefined {
  if (/\.csv$/i.test(file)) return 'csv';
  if (/\.(nd)?jsonl?$/i.test(file)) return 'ndjson';
  return undefined;
}

/**
 * The events of `file`, in order, each with its line number; a line that is not an event says
 * why (`customer: expected an email or a phone number`). Fails only when the file cannot be read.
 * `options.phoneCountry`: the workspace's, which phones without +country are read in, as
 * `POST …/bookings` reads them.
 *
 * @example
 * for await (const line of readBookingFile('bookings.ndjson', 'ndjson'))
 *   if ('problem' in line) console.log(`line ${line.line}: ${line.problem}`);
 */
export async function* readBookingFile(
  file: string,
  format: BookingFileFormat,
  options: BookingEventOptions = {},
): AsyncGenerator<BookingLine> {
  const schema = bookingEventSchema(options);
  const stream = createReadStream(file, { encoding: 'utf8' });
  const records = format === 'csv' ? csvBookingRecords(stream) : ndjsonRecords(stream);
  for await (const row of records) {
    if ('problem' in row) {
      yield row;
      continue;
    }
    const parsed = schema.safeParse(row.record);
    if (parsed.success) yield { line: row.line, event: parsed.data };
    else {
      const fields = parsed.error.issues.map(
        (issue) => `${issue.path.map(String).join('.') || '(event)'}: ${issue.message}`,
      );
      yield { line: row.line, problem: fields.join('; ') };
    }
  }
}

async function* ndjsonRecords(
  stream: NodeJS.ReadableStream,
): AsyncGenerator<{ line: number; record: unknown } | { line: number; problem: string }> {
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line += 1;
    if (text.trim() === '') continue;
    try {
      yield { line, record: JSON.parse(line === 1 ? text.replace(/^\uFEFF/, '') : text) };
    } catch (error) {
      yield { line, problem: `not valid JSON (${(error as Error).message})` };
    }
  }
}
