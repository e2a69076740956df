import { describe, expect, it } from 'vitest';
import { bookingEventSchema } from '../sync/bookingEvent.js';
import { csvBookingRecords, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields, doubled quotes, line breaks in quotes, CRLF and a missing last newline', () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\n\n1,,3')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
      { line: 5, fields: ['1', '', '3'] },
    ]);
  });
});

describe('csvBookingRecords', () => {
  it('turns dotted headers into a booking event the schema accepts', () => {
    const text =
      '\uFEFFid,version,status,startsAt,endsAt,timezone,service.name,price.amount,price.currency,payment.status,customer.email,customer.phone\n' +
      'bk_1,2,confirmed,2026-12-01T15:00:00-05:00,2026-12-01T16:00:00-05:00,America/New_York,"Massage, deep",120.00,USD,paid,Ada@Example.com,\n';
    const [row] = csvBookingRecords(text);
    expect(row!.line).toBe(2);
    const event = bookingEventSchema().parse(row!.record);
    expect(event).toMatchObject({
      id: 'bk_1',
      version: 2,
      service: { name: 'Massage, deep' },
      price: { amount: '120.00', currency: 'USD' },
      customer: { email: 'ada@example.com' },
    });
    expect(event.customer.phone).toBeUndefined();
  });
});
