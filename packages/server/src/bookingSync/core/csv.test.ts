import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { bookingEventSchema } from './bookingEvent.js';
import { csvBookingRecords, type CsvBookingRecord } from './csv.js';

/** Every row of `chunks`, fed as a stream cut at the given places. */
async function rows(...chunks: string[]): Promise<CsvBookingRecord[]> {
  const all: CsvBookingRecord[] = [];
  for await (const row of csvBookingRecords(Readable.from(chunks))) all.push(row);
  return all;
}

describe('csvBookingRecords', () => {
  it('turns dotted headers into a booking event the schema accepts', async () => {
    const text =
      '\uFEFFid,version,status,startsAt,endsAt,timezone,service.name,price.amount,price.currency,payment.status,customer.email,customer.phone\n' +
      'bk_1,2,confirmed,2026-12-01T15:00:00-05:00,2026-12-01T16:00:00-05:00,America/New_York,"Massage, deep",120.00,USD,paid,Ada@Example.com,\n';
    const [row] = await rows(text);
    expect(row!.line).toBe(2);
    const event = bookingEventSchema().parse((row as { record: unknown }).record);
    expect(event).toMatchObject({
      id: 'bk_1',
      version: 2,
      service: { name: 'Massage, deep' },
      price: { amount: '120.00', currency: 'USD' },
      customer: { email: 'ada@example.com' },
    });
    expect(event.customer.phone).toBeUndefined();
  });

  it('reads quoted cells, doubled quotes, line breaks in quotes, mixed line ends and blank lines, each row with the line it starts on', async () => {
    // Cut mid-row and mid-quote: a stream arrives in pieces.
    expect(
      await rows('id,notes,version\r\n"a, 1","say ""hi""","2', '"\n"b","two\nlines",3\n\n', 'c,,4'),
    ).toEqual([
      { line: 2, record: { id: 'a, 1', notes: 'say "hi"', version: 2 } },
      { line: 3, record: { id: 'b', notes: 'two\nlines', version: 3 } },
      { line: 6, record: { id: 'c', version: 4 } },
    ]);
  });

  it('names a row with more cells than the header, and a quote never closed', async () => {
    expect(await rows('id,version\na,1\nb,1,extra\nc,"1\n')).toEqual([
      { line: 2, record: { id: 'a', version: 1 } },
      {
        line: 3,
        problem: '3 cells, but the header row names 2 columns (a comma outside quotes?)',
      },
      {
        line: 4,
        problem: expect.stringMatching(/^not valid CSV: Quote Not Closed/) as string,
      },
    ]);
  });
});
