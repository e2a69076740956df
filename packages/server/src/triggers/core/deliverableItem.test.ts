import { describe, expect, it } from 'vitest';
import { deliverableItem } from './deliverableItem.js';

describe('deliverableItem', () => {
  it('tells a file by its digest and size, not its bytes', () => {
    const wav = 'RIFF\u0000\u0000\u0000\u0000WAVEfmt ';
    expect(deliverableItem(wav)).toEqual({
      file: { sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as string, length: wav.length },
    });
  });

  it('keeps text, replacing what PostgreSQL cannot store', () => {
    expect(deliverableItem('Agent: hello')).toBe('Agent: hello');
    expect(
      deliverableItem({ body: 'a\ud800b', tags: ['ok', 'x\udc00'], n: 1, none: null }),
    ).toEqual({
      body: 'a\ufffdb',
      tags: ['ok', 'x\ufffd'],
      n: 1,
      none: null,
    });
    expect(deliverableItem({ note: 'ok \ud83d\ude00' })).toEqual({ note: 'ok \ud83d\ude00' });
  });
});
