import { describe, expect, it } from 'vitest';
import { afterAppWrite, fieldsToWrite, type FieldWrites } from './fieldWrites.js';

const at = (iso: string) => new Date(iso);

describe('fieldsToWrite: last writer by timestamp, per field', () => {
  const staffMovedToParis: FieldWrites = {
    city: { value: 'Paris', at: '2026-03-01T11:00:00.000Z', by: 'highlevel' },
  };

  it("keeps a field staff changed in HighLevel after the app's change, and writes the rest", () => {
    expect(
      fieldsToWrite(
        { firstName: 'Ada', city: 'London' },
        at('2026-03-01T10:00:00Z'),
        staffMovedToParis,
      ),
    ).toEqual({ write: { firstName: 'Ada' }, keptFromHighLevel: ['city'] });
  });

  it("writes a field the app changed after HighLevel's change", () => {
    expect(
      fieldsToWrite({ city: 'London' }, at('2026-03-01T12:00:00Z'), staffMovedToParis),
    ).toEqual({ write: { city: 'London' }, keptFromHighLevel: [] });
  });

  it('writes over the same instant: HighLevel must have changed it later to win', () => {
    expect(
      fieldsToWrite({ city: 'London' }, at('2026-03-01T11:00:00Z'), staffMovedToParis).write,
    ).toEqual({ city: 'London' });
  });

  it("lets a newer version of the app's own win whatever its time: the version decides", () => {
    const appWrote: FieldWrites = {
      city: { value: 'Paris', at: '2026-03-01T11:00:00.000Z', by: 'app' },
    };
    expect(fieldsToWrite({ city: 'London' }, at('2026-03-01T09:00:00Z'), appWrote).write).toEqual({
      city: 'London',
    });
  });

  it('writes only the fields sent', () => {
    expect(fieldsToWrite({}, at('2026-03-01T09:00:00Z'), {})).toEqual({
      write: {},
      keptFromHighLevel: [],
    });
  });
});

describe('afterAppWrite', () => {
  it("records each written field as the app's, at the app's time, keeping the others", () => {
    const before: FieldWrites = {
      city: { value: 'Paris', at: '2026-03-01T11:00:00.000Z', by: 'highlevel' },
    };
    expect(afterAppWrite(before, { firstName: 'Ada' }, at('2026-03-01T12:00:00Z'))).toEqual({
      city: { value: 'Paris', at: '2026-03-01T11:00:00.000Z', by: 'highlevel' },
      firstName: { value: 'Ada', at: '2026-03-01T12:00:00.000Z', by: 'app' },
    });
  });
});
