import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { missingFieldMessage } from './fieldMessages.js';

describe('missing fields', () => {
  it('are "required"; a value of the wrong type keeps what was expected', () => {
    const schema = z.object({ service: z.object({ name: z.string() }), version: z.number() });
    const result = schema.safeParse({ version: 'two' });
    expect(result.error?.issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: ['service'], message: 'required' },
      { path: ['version'], message: 'Invalid input: expected number, received string' },
    ]);
    expect(missingFieldMessage({ code: 'too_small', input: undefined })).toBeUndefined();
  });
});
