import { describe, expect, it } from 'vitest';
import {
  clientBody,
  EMPTY_DRAFT,
  problemsOf,
  withoutProblemsOf,
  type ClientDraft,
  type Problems,
} from './clientForm';
import { accessInWords, callOutcome } from './words';

const draft = (patch: Partial<ClientDraft>): ClientDraft => ({ ...EMPTY_DRAFT, ...patch });

describe('clientBody', () => {
  it.each([
    [
      'every tool a read-only client may use',
      draft({ name: ' Reports ' }),
      { name: 'Reports', access: 'read-only', allowDestructive: false },
    ],
    [
      'an allowlist, in the order chosen',
      draft({ name: 'Desk', chooseTools: true, tools: ['find_appointments', 'get-contact'] }),
      {
        name: 'Desk',
        access: 'read-only',
        allowDestructive: false,
        tools: ['find_appointments', 'get-contact'],
      },
    ],
    [
      'destructive tools dropped while read-only (the box is disabled, not unticked)',
      draft({ name: 'Desk', allowDestructive: true }),
      { name: 'Desk', access: 'read-only', allowDestructive: false },
    ],
    [
      'destructive tools for a read-write client',
      draft({ name: 'Desk', access: 'read-write', allowDestructive: true }),
      { name: 'Desk', access: 'read-write', allowDestructive: true },
    ],
    [
      'the allowlist left out while every tool is chosen, even with ticks kept',
      draft({ name: 'Desk', tools: ['get-contact'] }),
      { name: 'Desk', access: 'read-only', allowDestructive: false },
    ],
  ])('%s', (_, given, body) => {
    expect(clientBody(given)).toEqual(body);
  });
});

const refusal = {
  fields: [
    { path: 'name', message: 'expected a name' },
    { path: 'tools.1', message: 'create-contact writes to HighLevel' },
    { path: 'tools.2', message: 'delete-contact deletes' },
  ],
};

describe('problemsOf', () => {
  it('gives each tools.<i> problem to the tool sent at i, the others to their field', () => {
    const problems = problemsOf(refusal, ['get-contact', 'create-contact', 'delete-contact']);
    expect(problems.fields).toEqual(new Map([['name', 'expected a name']]));
    expect(problems.tools).toEqual(
      new Map([
        ['create-contact', 'create-contact writes to HighLevel'],
        ['delete-contact', 'delete-contact deletes'],
      ]),
    );
  });

  it('keeps a problem about the list itself, or a position nothing was sent at, on the field', () => {
    const problems = problemsOf(
      {
        fields: [
          { path: 'tools', message: 'at least one' },
          { path: 'tools.5', message: '?' },
        ],
      },
      [],
    );
    expect(problems.fields).toEqual(new Map([['tools', 'at least one; ?']]));
  });

  it('finds nothing in an answer without fields', () => {
    expect(problemsOf(undefined, ['a'])).toEqual({ fields: new Map(), tools: new Map() });
  });
});

describe('withoutProblemsOf', () => {
  const problems: Problems = {
    fields: new Map([
      ['name', 'n'],
      ['allowDestructive', 'd'],
    ]),
    tools: new Map([
      ['create-contact', 'c'],
      ['delete-contact', 'x'],
    ]),
  };

  it("drops a field's problem when it is edited, and only that one", () => {
    const left = withoutProblemsOf(problems, { name: 'Desk' });
    expect([...left.fields.keys()]).toEqual(['allowDestructive']);
    expect(left.tools.size).toBe(2);
  });

  it("drops a tool's problem when it is unticked", () => {
    const left = withoutProblemsOf(problems, { tools: ['delete-contact'] });
    expect([...left.tools.keys()]).toEqual(['delete-contact']);
  });

  it('drops every tool problem when the access changes: that may be their fix', () => {
    const left = withoutProblemsOf(problems, { access: 'read-write' });
    expect(left.tools.size).toBe(0);
    expect([...left.fields.keys()]).toEqual(['name']);
  });
});

describe('words', () => {
  it.each([
    [{ access: 'read-only', allowDestructive: false }, 'Read only'],
    [{ access: 'read-write', allowDestructive: false }, 'Read and write, nothing destructive'],
    [{ access: 'read-write', allowDestructive: true }, 'Read and write, destructive allowed'],
  ] as const)('%o is %s', (client, words) => {
    expect(accessInWords(client)).toBe(words);
  });

  it.each([
    [{ outcome: 'ok', code: null }, 'Answered'],
    [{ outcome: 'ok', code: 'ok' }, 'Answered'],
    [{ outcome: 'ok', code: 'booked' }, 'Answered: booked'],
    [{ outcome: 'refused', code: 'read_only' }, 'Refused: the client is read-only'],
    [{ outcome: 'error', code: 'highlevel_unavailable' }, 'Failed: highlevel unavailable'],
  ] as const)('%o is %s', (call, words) => {
    expect(callOutcome(call)).toBe(words);
  });
});
