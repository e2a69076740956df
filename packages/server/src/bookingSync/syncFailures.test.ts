import {
  AuthenticationError,
  DuplicateContactError,
  LocationAccessError,
  NetworkError,
  NotFoundError,
  OutcomeUnknownError,
  RateLimitError,
  ScopeError,
  ServerError,
  TimeoutError,
  ValidationError,
} from '@ghl-bridge/client';
import { describe, expect, it } from 'vitest';
import { CredentialKeyError } from '../crypto/credentials.js';
import { bookingFieldDefinitions } from './core/customFields.js';
import type { ContactStep } from './core/syncSteps.js';
import {
  contactWriteFailure,
  fromStoredBookings,
  PermanentSyncError,
  syncFailure,
} from './syncFailures.js';

const body = (message: string | string[], status = 400) => ({ status, body: { message } });

describe('syncFailure', () => {
  it.each<[string, unknown, 'retry' | 'credentials' | 'rejected', string]>([
    [
      'a permanent failure found by the sync',
      new PermanentSyncError('The field … is TEXT', 'rejected'),
      'rejected',
      'The field … is TEXT',
    ],
    [
      'a key the configured secret keys cannot open',
      new CredentialKeyError('key k1 is not configured'),
      'credentials',
      'cannot be decrypted with the configured secret keys (key k1 is not configured)',
    ],
    [
      'a refused key',
      new AuthenticationError('invalid_token', 'Invalid JWT', body('Invalid JWT', 401)),
      'credentials',
      'HighLevel refused the stored API key',
    ],
    [
      'a missing scope',
      new ScopeError('scope_not_authorized', 'not authorized for this scope', {}),
      'credentials',
      'lacks a permission the booking sync needs (HighLevel: "not authorized for this scope")',
    ],
    [
      'another Location',
      new LocationAccessError('location_access_denied', 'no access', {}),
      'credentials',
      'no longer has access to the connected Location',
    ],
    [
      'contact data HighLevel refuses',
      new ValidationError('validation', ['email must be an email'], 'rejected', {}),
      'rejected',
      'HighLevel rejected the contact data: email must be an email.',
    ],
    [
      'a 429 past the client’s own retries',
      new RateLimitError('Rate limited', { status: 429 }),
      'retry',
      'HighLevel call failed (rate_limited, HTTP 429): Rate limited. It is retried automatically.',
    ],
    [
      'a 5xx',
      new ServerError('server_error', 'HighLevel failed', { status: 503 }),
      'retry',
      'HighLevel call failed (server_error, HTTP 503)',
    ],
    [
      'a create whose outcome is unknown',
      new OutcomeUnknownError('outcome_unknown', 'may have been applied', {}),
      'retry',
      'HighLevel call failed (outcome_unknown): may have been applied.',
    ],
    [
      'a timeout',
      new TimeoutError('timeout', 'no answer', {}),
      'retry',
      'HighLevel call failed (timeout)',
    ],
    [
      'a lost connection',
      new NetworkError('socket hang up', { beforeSend: false }),
      'retry',
      'HighLevel call failed (network)',
    ],
    ['anything else', new Error('database restarting'), 'retry', 'database restarting'],
  ])('%s: %s', (_case, error, kind, reason) => {
    const failure = syncFailure(error);
    expect(failure.kind).toBe(kind);
    expect(failure.reason).toContain(reason);
  });
});

describe('contactWriteFailure', () => {
  const definitions = bookingFieldDefinitions();
  const update: ContactStep = {
    kind: 'update-contact',
    key: 'booking/bk_1/v1/update-contact',
    contactId: 'c_1',
    body: { email: 'ada@example.com', customFields: [{ id: 'f_total', field_value: 1 }] },
    upsertBody: {
      locationId: 'loc_1',
      email: 'ada@example.com',
      customFields: [{ id: 'f_total', field_value: 1 }],
    },
    estimatedCalls: 1,
  };
  const notFound = (message: string) =>
    new NotFoundError('not_found', `Not found (HighLevel 400: "${message}")`, body(message));

  it.each<[string, unknown, ReturnType<typeof contactWriteFailure>]>([
    [
      'a cached field HighLevel no longer has',
      notFound('Custom field not found for id:f_total'),
      'field-rejected',
    ],
    [
      'a value that does not fit a field of ours',
      new ValidationError(
        'validation',
        ['customFields value for contact.bookings_total_bookings (NUMERICAL) must be a number'],
        'rejected',
        body(
          ['customFields value for contact.bookings_total_bookings (NUMERICAL) must be a number'],
          422,
        ),
      ),
      'field-rejected',
    ],
    ['a contact deleted in HighLevel', notFound('Contact not found for id:c_1'), 'contact-gone'],
    [
      'an email another contact has',
      new DuplicateContactError('duplicate', {
        ...body('This location does not allow duplicated contacts.'),
        meta: { contactId: 'c_2' },
      }),
      'duplicate-contact',
    ],
    [
      'contact data HighLevel refuses',
      new ValidationError('validation', ['email must be an email'], 'rejected', {}),
      undefined,
    ],
    ['a 5xx', new ServerError('server_error', 'HighLevel failed', { status: 500 }), undefined],
    ['not a HighLevel error', new Error('boom'), undefined],
  ])('%s: %s', (_case, error, failure) => {
    expect(contactWriteFailure(error, update, definitions)).toBe(failure);
  });
});

describe('fromStoredBookings', () => {
  it('turns the money arithmetic’s RangeError into a permanent failure with what to do', () => {
    const make = () => {
      throw new RangeError('99999999999999.99 USD has too many digits for a JSON number');
    };
    expect(() => fromStoredBookings('ada@example.com', make)).toThrow(PermanentSyncError);
    expect(() => fromStoredBookings('ada@example.com', make)).toThrow(
      'The booking fields of customer ada@example.com cannot be computed from their stored bookings: 99999999999999.99 USD has too many digits for a JSON number.',
    );
  });

  it('passes other errors and results through', () => {
    expect(fromStoredBookings('ada@example.com', () => 3)).toBe(3);
    expect(() =>
      fromStoredBookings('ada@example.com', () => {
        throw new TypeError('x');
      }),
    ).toThrow(TypeError);
  });
});
