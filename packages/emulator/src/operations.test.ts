import { describe, expect, it } from 'vitest';
import { findOperation, operationTable, requiredScopes } from './operations.js';

describe('operationTable', () => {
  const table = operationTable(
    [
      ['GET', '/contacts/{contactId}'],
      ['GET', '/contacts/search/duplicate'],
      ['POST', '/contacts/'],
    ].map(([method, path]) => ({ method: method!, path: path!, target: path })),
  );

  it('prefers static segments and decodes parameters', () => {
    expect(table.match('GET', '/contacts/search/duplicate')?.target).toBe(
      '/contacts/search/duplicate',
    );
    expect(table.match('GET', '/contacts/a%20b')?.params).toEqual({ contactId: 'a b' });
  });

  it('treats the trailing slash as optional and the method as exact', () => {
    expect(table.match('POST', '/contacts')?.op.operationId).toBe('create-contact');
    expect(table.match('DELETE', '/contacts/x')).toBeNull();
  });

  it('refuses a route the spec does not have', () => {
    expect(() => operationTable([{ method: 'GET', path: '/nope', target: 1 }])).toThrow(
      /No HighLevel operation/,
    );
  });
});

describe('requiredScopes', () => {
  it('comes from the spec, with the collection scope where the spec lists none', () => {
    expect(requiredScopes(findOperation('POST', '/contacts/'))).toEqual(['contacts.write']);
    expect(requiredScopes(findOperation('PUT', '/locations/{locationId}/tags/{tagId}'))).toEqual([
      'locations/tags.write',
    ]);
    expect(
      requiredScopes(findOperation('GET', '/locations/{locationId}/customFields/{id}')),
    ).toEqual(['locations/customFields.readonly']);
  });
});
