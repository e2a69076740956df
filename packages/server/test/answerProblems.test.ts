import { describe, expect, it } from 'vitest';
import { answerProblems } from './answerProblems.js';

const isErrorBody = (body: unknown) =>
  typeof (body as { error?: { code?: unknown } }).error?.code === 'string';
const json = 'application/json';

describe('answerProblems', () => {
  it.each([
    [{ status: 200, contentType: json, text: '{"status":"ok"}' }, []],
    [{ status: 204, contentType: null, text: '' }, []],
    [
      {
        status: 422,
        contentType: 'application/json; charset=UTF-8',
        text: '{"error":{"code":"x"}}',
      },
      [],
    ],
    [
      { status: 500, contentType: json, text: '{"error":{"code":"internal_error"}}' },
      ['answered 500'],
    ],
    [
      { status: 400, contentType: 'text/plain', text: 'Bad Request' },
      ['an error as text/plain, not application/json', 'an error whose body is not JSON'],
    ],
    [
      { status: 404, contentType: json, text: '{"message":"not found"}' },
      ['an error not shaped { "error": { "code", "message", "details"? } }'],
    ],
    [
      { status: 415, contentType: null, text: '' },
      ['an error as no content type, not application/json', 'an error whose body is not JSON'],
    ],
    [{ status: 204, contentType: null, text: 'x' }, ['a 204 with a body']],
    [
      { status: 200, contentType: 'text/html', text: '<p>' },
      ['a 200 as text/html, not application/json', 'a 200 whose body is not JSON'],
    ],
  ])('finds in %o: %o', (answer, problems) => {
    expect(answerProblems(answer, isErrorBody)).toEqual(problems);
  });
});
