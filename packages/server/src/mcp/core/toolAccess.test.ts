import { describe, expect, it } from 'vitest';
import { entryAccess, refusalFor, refusalMessage, type ClientPermissions } from './toolAccess.js';

const client = (over: Partial<ClientPermissions> = {}): ClientPermissions => ({
  access: 'read-only',
  allowDestructive: false,
  tools: null,
  ...over,
});

describe('refusalFor', () => {
  it.each([
    [client(), 'read', undefined],
    [client(), 'write', 'read_only'],
    [client(), 'destructive', 'read_only'],
    [client({ access: 'read-write' }), 'write', undefined],
    [client({ access: 'read-write' }), 'destructive', 'destructive_not_allowed'],
    [client({ access: 'read-write', allowDestructive: true }), 'destructive', undefined],
    [client({ tools: ['get-contact'] }), 'read', 'not_in_allowlist'],
  ] as const)('%j may use a %s tool: %s', (who, access, refusal) => {
    expect(refusalFor(who, 'find-contact', access)).toBe(refusal);
  });

  it('lets an allowlist narrow, never widen, what the access allows', () => {
    const named = client({ tools: ['delete-contact'] });
    expect(refusalFor(named, 'delete-contact', 'destructive')).toBe('read_only');
    expect(refusalFor({ ...named, access: 'read-write' }, 'delete-contact', 'destructive')).toBe(
      'destructive_not_allowed',
    );
  });

  it('says what to change in each refusal', () => {
    expect(refusalMessage('x', 'not_in_allowlist')).toContain('allowlist');
    expect(refusalMessage('x', 'read_only')).toContain('read-write');
    expect(refusalMessage('x', 'destructive_not_allowed')).toContain('allowDestructive');
  });
});

describe('entryAccess', () => {
  it.each([
    [{ name: 'get-contact', kind: 'trigger', method: 'GET' }, 'read'],
    [{ name: 'search-contacts', kind: 'trigger', method: 'POST' }, 'read'],
    [{ name: 'find-contact', kind: 'action', method: 'GET' }, 'read'],
    [{ name: 'create-contact', kind: 'action', method: 'POST' }, 'write'],
    [{ name: 'update-contact', kind: 'action', method: 'PUT' }, 'write'],
    [{ name: 'delete-contact', kind: 'action', method: 'DELETE' }, 'destructive'],
    [{ name: 'remove-from-campaign', kind: 'action', method: 'DELETE' }, 'destructive'],
    [{ name: 'bulk-update-contact-tags', kind: 'action', method: 'POST' }, 'destructive'],
  ] as const)('%j %s', (entry, access) => {
    expect(entryAccess(entry)).toBe(access);
  });
});
