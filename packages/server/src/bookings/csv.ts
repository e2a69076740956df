/**
 * Booking events from CSV, for `ghl-bridge backfill --file bookings.csv`: an RFC 4180 reader
 * (quoted fields, `""` inside quotes, line breaks inside quotes, CRLF or LF) and the mapping of
 * dotted headers (`customer.email`, `price.amount`) to the nested event of design §3.4.
 */

/**
 * The records of a CSV text, each a list of fields, with the line each record starts on.
 *
 * @example parseCsv('a,b\n"x, y",2\n') // [{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['x, y', '2'] }]
 */
export function parseCsv(text: string): Array<{ line: number; fields: string[] }> {
  const records: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRecord = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: start, fields });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0) endRecord();
  return records;
}

/**
 * One booking event object per data row: headers name the event's paths (`id`, `version`,
 * `service.name`, `customer.phone`, `metadata.source` …); an empty cell is left out; `version`
 * becomes a number. Validation is `bookingEventSchema`'s job.
 *
 * @example csvBookingRecords('id,version,customer.email\nbk_1,2,ada@example.com')[0]!.record
 * // { id: 'bk_1', version: 2, customer: { email: 'ada@example.com' } }
 */
export function csvBookingRecords(text: string): Array<{ line: number; record: unknown }> {
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  if (!header) return [];
  const paths = header.fields.map((name) => name.trim().split('.'));
  return rows.map(({ line, fields }) => {
    const record: Record<string, unknown> = {};
    paths.forEach((path, column) => {
      const raw = fields[column]?.trim() ?? '';
      if (raw === '') return;
      let target = record;
      for (const part of path.slice(0, -1)) {
        target = (target[part] ??= {}) as Record<string, unknown>;
      }
      const key = path.at(-1)!;
      target[key] = path.length === 1 && key === 'version' && /^\d+$/.test(raw) ? Number(raw) : raw;
    });
    return { line, record };
  });
}
