/**
 * Booking events from CSV, for `ghl-bridge backfill --file bookings.csv`: read as a stream by
 * csv-parse (RFC 4180: quoted fields, `""` inside quotes, line breaks inside quotes, CRLF or LF,
 * a byte-order mark), with the dotted headers (`customer.email`, `price.amount`) mapped to the
 * nested booking event.
 */
import { parse, type Options } from 'csv-parse';
import { Readable } from 'node:stream';

/** One data row as a booking event object, or why the row could not be read; `line` is where it starts. */
export type CsvBookingRecord =
  { line: number; record: unknown } | { line: number; problem: string };

/**
 * One booking event object per data row: headers name the event's paths (`id`, `version`,
 * `service.name`, `customer.phone`, `metadata.source` …); an empty cell is left out; `version`
 * becomes a number. Validation is `bookingEventSchema`'s job. A row with more cells than the
 * header names is a problem of that row; malformed CSV (a quote never closed) ends the file with
 * a problem naming its line.
 *
 * @example
 * for await (const row of csvBookingRecords(createReadStream('bookings.csv'))) console.log(row);
 * // { line: 2, record: { id: 'bk_1', version: 2, customer: { email: 'ada@example.com' } } }
 */
export async function* csvBookingRecords(
  input: Readable | Iterable<string | Buffer> | AsyncIterable<string | Buffer>,
): AsyncGenerator<CsvBookingRecord> {
  // csv-parse calls these in file order, before a record reaches the stream: each row learns the
  // line it starts on, and a malformed row leaves a problem behind, to be told in its place.
  let endedOn = 0;
  let blankLines = 0;
  let rowsSeen = 0;
  const problems: Array<{ beforeRow: number; line: number; problem: string }> = [];
  const options: Options<{ line: number; cells: string[] }, string[]> = {
    bom: true,
    // Files edited by hand mix line endings; a spreadsheet drops trailing empty cells.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    skip_empty_lines: true,
    // A bad row is reported and the rest still read, so one run lists every problem it can.
    skip_records_with_error: true,
    on_record: (cells, info) => {
      const line = endedOn + 1 + (info.empty_lines - blankLines);
      endedOn = info.lines;
      blankLines = info.empty_lines;
      rowsSeen += 1;
      return { line, cells };
    },
    on_skip: (error) => {
      const line = typeof error?.lines === 'number' ? error.lines : endedOn + 1;
      endedOn = line;
      problems.push({ beforeRow: rowsSeen, line, problem: `not valid CSV: ${error?.message}` });
      return undefined;
    },
  };
  // csv-parse's typings take `on_record`'s result type only alongside `columns`.
  const parser = parse(options as unknown as Options);
  const source = input instanceof Readable ? input : Readable.from(input);
  source.on('error', (error) => parser.destroy(error));
  source.pipe(parser);

  let paths: string[][] | undefined;
  let row = 0;
  const problemsBefore = function* (limit: number) {
    while (problems.length > 0 && problems[0]!.beforeRow <= limit) {
      const { line, problem } = problems.shift()!;
      yield { line, problem };
    }
  };
  for await (const { line, cells } of parser as AsyncIterable<{ line: number; cells: string[] }>) {
    yield* problemsBefore(row);
    row += 1;
    if (!paths) {
      paths = cells.map((name) => name.trim().split('.'));
      continue;
    }
    if (cells.length > paths.length) {
      yield {
        line,
        problem: `${cells.length} cells, but the header row names ${paths.length} columns (a comma outside quotes?)`,
      };
      continue;
    }
    yield { line, record: bookingRecord(paths, cells) };
  }
  yield* problemsBefore(Infinity);
}

function bookingRecord(paths: string[][], cells: string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  paths.forEach((path, column) => {
    const raw = cells[column]?.trim() ?? '';
    if (raw === '') return;
    let target = record;
    for (const part of path.slice(0, -1)) {
      target = (target[part] ??= {}) as Record<string, unknown>;
    }
    const key = path.at(-1)!;
    target[key] = path.length === 1 && key === 'version' && /^\d+$/.test(raw) ? Number(raw) : raw;
  });
  return record;
}
