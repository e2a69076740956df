import { describe, expect, it } from 'vitest';
import { findOperation } from '../src/operations.js';
import { assertConformant } from './conformance.js';

describe('assertConformant', () => {
  const getContact = findOperation('GET', '/contacts/{contactId}');

  it('accepts a body that fits the spec', () => {
    expect(() =>
      assertConformant(getContact, 200, {
        contact: { id: 'x', tags: ['a'], customFields: [{ id: 'f', value: 3 }] },
      }),
    ).not.toThrow();
  });

  it('rejects a body that does not', () => {
    expect(() => assertConformant(getContact, 200, { contact: { tags: 'a' } })).toThrow(
      /contact\/tags must be array/,
    );
  });

  it('rejects a status the spec does not declare', () => {
    expect(() => assertConformant(getContact, 201, {})).toThrow(/does not declare/);
  });

  it('uses the documented substitute where the spec has no schema', () => {
    const search = findOperation('POST', '/contacts/search');
    expect(() => assertConformant(search, 200, { contacts: [] })).toThrow(/total/);
    expect(() => assertConformant(search, 200, { contacts: [], total: 0 })).not.toThrow();
  });
});
