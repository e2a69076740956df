/* eslint-disable @typescript-eslint/no-unsafe-assignment --
   response bodies are read as loose JSON; the harness checks successes against the spec. */
/**
 * Ids come from request paths: ones named after `Object.prototype` members (`__proto__`,
 * `constructor`, `toString`) are unknown ids like any other, never the members themselves.
 */
import { describe, expect, it } from 'vitest';
import { setup } from '../test/harness.js';

const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const ORDINARY_UNKNOWN_ID = 'zzzzzzzzzzzzzzzzzzzz';

const routes: { method: string; path: (id: string) => string; body?: unknown }[] = [
  { method: 'GET', path: (id) => `/contacts/${id}` },
  { method: 'PUT', path: (id) => `/contacts/${id}`, body: { firstName: 'Ada' } },
  { method: 'DELETE', path: (id) => `/contacts/${id}` },
  { method: 'GET', path: (id) => `/contacts/${id}/notes` },
  { method: 'GET', path: (id) => `/locations/${id}` },
  { method: 'GET', path: (id) => `/calendars/${id}` },
  { method: 'GET', path: (id) => `/calendars/events/appointments/${id}` },
  { method: 'PUT', path: (id) => `/calendars/events/appointments/${id}`, body: { title: 'x' } },
  { method: 'DELETE', path: (id) => `/calendars/events/${id}`, body: {} },
  { method: 'GET', path: (id) => `/opportunities/${id}` },
  { method: 'GET', path: (id) => `/conversations/${id}` },
  { method: 'GET', path: (id) => `/users/${id}` },
];

describe('prototype-key ids', () => {
  describe.each(routes)('$method $path', ({ method, path, body }) => {
    it.each(PROTOTYPE_KEYS)('answers %s as it answers an unknown id', async (key) => {
      const { api } = setup();
      const unknown = await api(method, path(ORDINARY_UNKNOWN_ID), { body });
      const got = await api(method, path(key), { body });
      const expected = JSON.parse(
        JSON.stringify(unknown.body).replaceAll(ORDINARY_UNKNOWN_ID, key),
      );
      expect({ status: got.status, body: got.body }).toEqual({
        status: unknown.status,
        body: expected,
      });
    });
  });
});
