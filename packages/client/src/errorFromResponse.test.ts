import { describe, expect, it } from 'vitest';
import { errorFromResponse } from './errorFromResponse.js';
import type { RateLimitError, ValidationError } from './errors.js';
import { DuplicateContactError } from './errors.js';

const request = {
  method: 'POST',
  url: 'https://services.leadconnectorhq.com/contacts/',
  headers: {},
  pathTemplate: '/contacts/',
};
const make = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  errorFromResponse(status, body, new Headers(headers), request);

describe('errorFromResponse', () => {
  // Bodies as HighLevel sends them (docs/highlevel-behaviour.md#errors).
  it.each([
    [401, { statusCode: 401, message: 'Invalid JWT' }, 'invalid_token', 'AuthenticationError'],
    [
      401,
      { statusCode: 401, message: 'version header was not found' },
      'version_header_missing',
      'VersionHeaderError',
    ],
    [
      401,
      { statusCode: 401, message: 'The token is not authorized for this scope.' },
      'scope_not_authorized',
      'ScopeError',
    ],
    [
      401,
      { statusCode: 401, message: 'This AuthClass is not yet supported by the IAM Service' },
      'auth_configuration',
      'AuthConfigurationError',
    ],
    [
      403,
      { statusCode: 403, message: 'The token does not have access to this location.' },
      'location_access_denied',
      'LocationAccessError',
    ],
    [
      400,
      { statusCode: 400, message: 'Contact not found for id:abc', error: 'Bad Request' },
      'not_found',
      'NotFoundError',
    ],
    [404, { statusCode: 404, message: 'Cannot GET /nope' }, 'not_found', 'NotFoundError'],
    [
      400,
      {
        statusCode: 400,
        message: 'The slot you have selected is no longer available.',
        traceId: 't1',
      },
      'slot_unavailable',
      'SlotUnavailableError',
    ],
    [
      400,
      {
        statusCode: 400,
        message: 'This location does not allow duplicated contacts.',
        meta: { contactId: 'c1', matchingField: 'email' },
      },
      'duplicate_contact',
      'DuplicateContactError',
    ],
    [
      422,
      {
        statusCode: 422,
        message: ['property gender should not exist'],
        error: 'Unprocessable Entity',
      },
      'validation',
      'ValidationError',
    ],
    [400, { statusCode: 400, message: 'Bad Request' }, 'bad_request', 'ValidationError'],
    [429, { statusCode: 429, message: 'Too Many Requests' }, 'rate_limited', 'RateLimitError'],
    [502, '<html>Bad gateway</html>', 'server_error', 'ServerError'],
    [409, { message: 'Conflict' }, 'http_error', 'HighLevelError'],
  ])('%i %j -> %s', (status, body, code, name) => {
    const error = make(status, body);
    expect(error.code).toBe(code);
    expect(error.name).toBe(name);
    expect(error.status).toBe(status);
    expect(error.message).toContain('POST /contacts/');
  });

  it('keeps the existing contact id of a duplicate', () => {
    const error = make(400, {
      message: 'This location does not allow duplicated contacts.',
      meta: { contactId: 'c1', matchingField: 'phone' },
    });
    expect(error).toBeInstanceOf(DuplicateContactError);
    expect((error as DuplicateContactError).existingContactId).toBe('c1');
    expect((error as DuplicateContactError).matchingField).toBe('phone');
  });

  it('keeps every 422 message and the traceId', () => {
    const error = make(422, {
      message: ['a should not exist', 'b must be a string'],
      traceId: 'tr-9',
    });
    expect((error as ValidationError).messages).toEqual([
      'a should not exist',
      'b must be a string',
    ]);
    expect(error.traceId).toBe('tr-9');
  });

  it('reads Retry-After on a 429', () => {
    const error = make(429, { message: 'Too Many Requests' }, { 'retry-after': '7' });
    expect((error as RateLimitError).retryAfterMs).toBe(7000);
  });
});
