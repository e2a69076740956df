import { describe, expect, it } from 'vitest';
import { bookingTextLines, NOTE_TEXT_LIMITS, noteText } from './noteText.js';
import { booking } from './testing.js';

describe('noteText', () => {
  it.each([
    ['plain', 'Prefers a firm pressure', 'Prefers a firm pressure'],
    ['line breaks', 'Side door\r\nRing twice\n\n\nThanks', 'Side door / Ring twice / Thanks'],
    ['runs of spaces and tabs', 'a \t  b', 'a b'],
    ['control characters', 'a\u0000b\u0007c\u009bd', 'a b c d'],
    ['bidirectional overrides', 'pay \u202Eetad\u202C now', 'pay etad now'],
    ['markup', '<img src=x onerror=alert(1)>hi', '‹img src=x onerror=alert(1)›hi'],
    ['a marker', 'x [ghl-bridge booking bk_1 v2] y', 'x (ghl-bridge booking bk_1 v2] y'],
    ['a marker in capitals', '[ GHL-Bridge booking bk_1 v2]', '( GHL-Bridge booking bk_1 v2]'],
    ['other brackets', '[room 2]', '[room 2]'],
    ['only blanks', ' \n \t ', ''],
  ])('makes %s safe', (_case, text, expected) => {
    expect(noteText(text, 100)).toBe(expected);
  });

  it('cuts at the limit with an ellipsis, never inside a character', () => {
    expect(noteText('abcdef', 4)).toBe('abc…');
    expect(noteText('😀😀😀😀', 3)).toBe('😀😀…');
    expect(noteText('abcd', 4)).toBe('abcd');
  });
});

describe('bookingTextLines', () => {
  it('says nothing for a booking without notes, metadata or problems', () => {
    expect(bookingTextLines(booking())).toEqual([]);
  });

  it('bounds long notes and many metadata entries', () => {
    const metadata = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`key${String(i).padStart(2, '0')}`, 'v'.repeat(500)]),
    );
    const lines = bookingTextLines(booking({ notes: 'n'.repeat(4000), metadata }));
    expect(lines[0]).toHaveLength('Notes: '.length + NOTE_TEXT_LIMITS.notes);
    expect(lines[1]).toBe('Details:');
    const entries = lines.slice(2, -1);
    expect(entries).toHaveLength(NOTE_TEXT_LIMITS.metadataEntries);
    expect(entries[0]).toBe(`- key00: ${'v'.repeat(NOTE_TEXT_LIMITS.metadataValue - 1)}…`);
    expect(lines.at(-1)).toBe('- … and 5 more');
    expect(lines.join('\n').length).toBeLessThan(3500);
  });

  it('leaves out metadata entries that are blank once made safe', () => {
    expect(bookingTextLines(booking({ metadata: { empty: ' ', ' ': 'x', ok: 'yes' } }))).toEqual([
      'Details:',
      '- ok: yes',
    ]);
  });
});
