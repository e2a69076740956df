import { describe, expect, it } from 'vitest';
import { storedAnswerFromJson, type HighLevelRefusal, type StoredAnswer } from './storedAnswer.js';

const refusal: HighLevelRefusal = {
  reason: 'invalid',
  status: 422,
  message: 'HighLevel rejected the request body',
  messages: ['dueDate must be a date'],
  traceId: 't1',
};

describe('a stored answer read back', () => {
  it.each<[string, StoredAnswer]>([
    ['a result', { kind: 'result', status: 201, result: { contact: { id: 'c1' } } }],
    ['a result without a body', { kind: 'result', status: 200, result: null }],
    ['a refusal', { kind: 'refused', refusal: { ...refusal } }],
    [
      'a duplicate contact',
      {
        kind: 'refused',
        refusal: {
          reason: 'duplicate_contact',
          status: 400,
          message: 'm',
          messages: [],
          existingContactId: 'c9',
        },
      },
    ],
    [
      'a lost answer',
      { kind: 'unknown', message: 'POST /contacts/ may or may not have been applied' },
    ],
  ])('%s, as it was stored', (_, answer) => {
    expect(storedAnswerFromJson(JSON.parse(JSON.stringify(answer)))).toEqual(answer);
  });

  it.each([
    ['nothing', null],
    ['another kind', { kind: 'later' }],
    ['an unknown reason', { kind: 'refused', refusal: { ...refusal, reason: 'bored' } }],
    ['a refusal without words', { kind: 'refused', refusal: { reason: 'invalid' } }],
  ])('%s: none', (_, value) => {
    expect(storedAnswerFromJson(value)).toBeUndefined();
  });
});
