import { describe, expect, it } from 'vitest';
import { clientProblems, type KnownTool } from './clientRules.js';

const known: KnownTool[] = [
  { name: 'check_availability', access: 'read' },
  { name: 'create-contact', access: 'write' },
  { name: 'delete-contact', access: 'destructive' },
];

describe('clientProblems', () => {
  it('accepts an allowlist the access allows', () => {
    expect(
      clientProblems(
        {
          access: 'read-write',
          allowDestructive: true,
          tools: ['create-contact', 'delete-contact'],
        },
        known,
      ),
    ).toEqual([]);
    expect(
      clientProblems({ access: 'read-only', allowDestructive: false, tools: null }, known),
    ).toEqual([]);
  });

  it('names each field that is wrong, with what to do', () => {
    const problems = clientProblems(
      {
        access: 'read-only',
        allowDestructive: true,
        tools: ['check_availabilty', 'create-contact', 'delete-contact'],
      },
      known,
    );
    expect(problems.map((p) => p.path)).toEqual([
      'allowDestructive',
      'tools.0',
      'tools.1',
      'tools.2',
    ]);
    expect(problems[1]!.message).toContain('did you mean check_availability');
    expect(problems[2]!.message).toContain('read-write');
    expect(problems[3]!.message).toContain('read-write');
  });

  it('asks a read-write client for allowDestructive before a destructive tool', () => {
    const problems = clientProblems(
      { access: 'read-write', allowDestructive: false, tools: ['delete-contact'] },
      known,
    );
    expect(problems).toEqual([
      { path: 'tools.0', message: expect.stringContaining('allowDestructive') as unknown },
    ]);
  });
});
