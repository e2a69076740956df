import { describe, expect, it } from 'vitest';
import type { FieldWrites } from './fieldWrites.js';
import { highLevelEdits } from './highLevelEdits.js';

const at = (time: string) => new Date(`2026-03-01T${time}:00Z`);
const app = (value: string, time: string) => ({
  value,
  at: at(time).toISOString(),
  by: 'app' as const,
});

describe('a change made in HighLevel, field by field', () => {
  it('tells the fields whose values moved, and records them as HighLevel’s', () => {
    const writes: FieldWrites = { firstName: app('Ada', '10:00'), city: app('London', '10:00') };
    const edits = highLevelEdits(
      { firstName: 'Ada', city: 'Paris', tags: ['vip'] },
      at('11:00'),
      writes,
    );
    expect(edits.changed).toEqual({ city: 'Paris' });
    expect(edits.outdated).toEqual([]);
    expect(edits.writes.city).toEqual({
      value: 'Paris',
      at: at('11:00').toISOString(),
      by: 'highlevel',
    });
    expect(edits.writes.firstName).toEqual(writes.firstName);
  });

  it('leaves out a change HighLevel made before the app’s later write of that field', () => {
    const writes: FieldWrites = { firstName: app('Ada', '12:00') };
    const edits = highLevelEdits({ firstName: 'Augusta' }, at('11:00'), writes);
    expect(edits.changed).toEqual({});
    expect(edits.outdated).toEqual(['firstName']);
    expect(edits.writes).toEqual(writes);
  });

  it('reads an email in any case and a birth date as a day, and a cleared field as empty', () => {
    const writes: FieldWrites = {
      email: app('ada@example.com', '10:00'),
      dateOfBirth: app('1815-12-10', '10:00'),
      city: app('London', '10:00'),
    };
    const edits = highLevelEdits(
      { email: 'Ada@Example.com', dateOfBirth: '1815-12-10T00:00:00.000Z', city: null },
      at('11:00'),
      writes,
    );
    expect(edits.changed).toEqual({ city: '' });
  });

  it('tells a field the app never sent when HighLevel has a value for it', () => {
    expect(highLevelEdits({ companyName: 'Analytical Engines' }, at('11:00'), {}).changed).toEqual({
      companyName: 'Analytical Engines',
    });
    expect(highLevelEdits({ companyName: '' }, at('11:00'), {}).changed).toEqual({});
  });
});
