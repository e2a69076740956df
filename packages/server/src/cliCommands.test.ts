import { describe, expect, it } from 'vitest';
import { COMMANDS, commandOf, commandsUnder, groupOf } from './cliCommands.js';
import { FLAGS } from './cliOptions.js';

describe('the command table', () => {
  it.each([
    [['start'], { command: 'start', args: [] }],
    [['actions', 'run', 'create-contact'], { command: 'actions run', args: ['create-contact'] }],
    [['mcp', 'clients', 'add', 'bot', 'x'], { command: 'mcp clients add', args: ['bot', 'x'] }],
    [['mcp', 'tools'], { command: 'mcp tools', args: [] }],
    [['mcp'], undefined],
    [['serve'], undefined],
    [[], undefined],
  ])('commandOf(%j)', (words, expected) => {
    expect(commandOf(words)).toEqual(expected);
  });

  it.each([
    [['mcp'], { name: 'mcp', next: ['clients', 'tools'] }],
    [['mcp', 'clients', 'walk'], { name: 'mcp clients', next: ['list', 'add', 'revoke'] }],
    [['actions', 'walk'], { name: 'actions', next: ['list', 'run'] }],
    [['serve'], undefined],
  ])('groupOf(%j)', (words, expected) => {
    const group = groupOf(words);
    expect(group && { name: group.name, next: group.next }).toEqual(expected);
    if (group) expect(group.commands).toEqual(commandsUnder(group.name));
  });

  it('lists the commands in the order --help shows them, the service first', () => {
    expect(Object.keys(COMMANDS).slice(0, 6)).toEqual([
      'start',
      'worker',
      'migrate',
      'doctor',
      'backfill',
      'rekey',
    ]);
    expect(commandsUnder('triggers')).toEqual(['triggers list', 'triggers add', 'triggers remove']);
  });

  it('requires only flags a command takes, and every flag is taken somewhere', () => {
    for (const [name, spec] of Object.entries(COMMANDS)) {
      expect(spec.flags, name).toEqual(expect.arrayContaining(spec.required ?? []));
    }
    const taken = new Set(['help', 'version', ...Object.values(COMMANDS).flatMap((c) => c.flags)]);
    expect(Object.keys(FLAGS).filter((flag) => !taken.has(flag))).toEqual([]);
  });
});
