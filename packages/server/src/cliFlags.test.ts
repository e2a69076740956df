import { describe, expect, it } from 'vitest';
import { commandLineProblem, parseCommandLine } from './cliFlags.js';
import { commandOf, type CommandName } from './cliCommands.js';

/** The command line as `main` reads it: loosely parsed, then checked. */
function problem(line: string): string | undefined {
  const { tokens, positionals } = parseCommandLine(line.split(' '));
  const { command, args } = commandOf(positionals) as { command: CommandName; args: string[] };
  return commandLineProblem(command, tokens, args);
}

describe('commandLineProblem', () => {
  it.each([
    ['doctor --workspace ws_1', undefined],
    ['doctor --workspace=ws_1 -h', undefined],
    ['start --prot 3001', 'ghl-bridge start does not take --prot; did you mean --port?'],
    ['start --no-wroker', 'ghl-bridge start does not take --no-wroker; did you mean --no-worker?'],
    ['start --bogus', 'ghl-bridge start does not take --bogus.'],
    ['worker --hlep', 'ghl-bridge worker does not take --hlep; did you mean --help?'],
    // A flag another command takes is no typo: no guess.
    ['migrate --demo', 'ghl-bridge migrate does not take --demo.'],
    ['migrate -x', 'ghl-bridge migrate does not take -x.'],
    ['doctor --workspace', 'ghl-bridge doctor: --workspace needs a value, as in --workspace ID.'],
    ['doctor --workspace=', 'ghl-bridge doctor: --workspace needs a value, as in --workspace ID.'],
    [
      'backfill --workspace --file a.csv',
      'ghl-bridge backfill: --workspace needs a value, as in --workspace ID; "--file" after it is an option (write --workspace=--file if it is the value).',
    ],
    ['backfill --workspace=-x --file a.csv', undefined],
    [
      'rekey --dry-run=no',
      'ghl-bridge rekey: --dry-run is a switch and takes no value; leave out "=no".',
    ],
    ['doctor', 'ghl-bridge doctor needs --workspace ID.'],
    ['actions run', 'ghl-bridge actions run needs <name> and --workspace ID.'],
    ['migrate now', 'ghl-bridge migrate takes no arguments besides its options; got "now".'],
  ])('%s', (line, expected) => {
    expect(problem(line)).toBe(expected);
  });
});
