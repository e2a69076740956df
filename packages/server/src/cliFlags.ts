/**
 * What is wrong with the options and arguments on a `ghl-bridge` command line, in words that name
 * the option and the command. Pure: the tokens of `parseArgs` in, a sentence (or nothing) out.
 * `parseArgs` runs loose (`strict: false`) so that an unknown or misspelled option reaches this
 * check, which knows the command and can say what it takes instead of Node's generic refusal.
 */
import { parseArgs } from 'node:util';
import { closeNames } from './catalogue/core/closeNames.js';
import { COMMANDS, type CommandName } from './cliCommands.js';
import { FLAGS, flagUsage, type FlagName } from './cliOptions.js';

/** A token of `parseArgs({ tokens: true })`, as far as this check reads it. */
export interface CommandLineToken {
  kind: string;
  name?: string;
  rawName?: string;
  value?: string;
  inlineValue?: boolean;
}

const PARSE_OPTIONS = Object.fromEntries(
  Object.entries(FLAGS).map(([name, flag]) => [
    name,
    { type: flag.type, ...('short' in flag ? { short: flag.short } : {}) },
  ]),
) as Record<FlagName, { type: 'string' | 'boolean'; short?: string }>;

/**
 * The words and options of a command line, parsed loosely: an unknown option or a missing value
 * is kept as a token, for `commandLineProblem` to tell in words that name the command.
 *
 * @example const { positionals, values, tokens } = parseCommandLine(['doctor', '--workspace', 'ws_1']);
 */
export function parseCommandLine(argv: string[]) {
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: PARSE_OPTIONS,
  });
  return {
    positionals: parsed.positionals,
    tokens: parsed.tokens as CommandLineToken[],
    values: parsed.values as Partial<Record<FlagName, string | boolean>>,
  };
}

/** Flags every command takes besides its own. */
const EVERYWHERE: FlagName[] = ['help', 'version'];

const isFlag = (name: string): name is FlagName => Object.hasOwn(FLAGS, name);

/**
 * The flag a name no command takes was probably meant to be: a close name (`closeNames`) that
 * starts with the same letter, as a typo's usually does (`--prot` is `--port`; `--bogus` is not
 * `--tools`, three letters away too).
 */
function typoOf(name: string, flags: string[]): string | undefined {
  if (isFlag(name)) return undefined;
  const first = name[0]?.toLowerCase();
  return closeNames(name, flags).find((flag) => flag[0] === first);
}

/**
 * The first option `subject` (`ghl-bridge doctor`, or `ghl-bridge` before a command) cannot take
 * as given: one it does not know (with the closest it does know), a value missing or given to a
 * switch. `allowed` are the subject's flags.
 *
 * @example
 * optionProblem('ghl-bridge backfill', ['workspace', 'file', 'dry-run'], tokens);
 * // 'ghl-bridge backfill does not take --dryrun; did you mean --dry-run?'
 */
function optionProblem(
  subject: string,
  allowed: readonly FlagName[],
  tokens: readonly CommandLineToken[],
): string | undefined {
  const taken = new Set<string>([...allowed, ...EVERYWHERE]);
  for (const token of tokens) {
    if (token.kind !== 'option' || !token.name) continue;
    const raw = token.rawName ?? `--${token.name}`;
    if (!taken.has(token.name)) {
      const meant = raw.startsWith('--') ? typoOf(token.name, [...taken]) : undefined;
      return `${subject} does not take ${raw}${meant ? `; did you mean --${meant}?` : '.'}`;
    }
    const flag = FLAGS[token.name as FlagName];
    if (flag.type === 'boolean' && token.value !== undefined) {
      return `${subject}: ${raw} is a switch and takes no value; leave out "=${token.value}".`;
    }
    if (flag.type === 'string') {
      const example = flagUsage(token.name as FlagName);
      if (token.value === undefined || token.value === '') {
        return `${subject}: ${raw} needs a value, as in ${example}.`;
      }
      // `--workspace --file x`: the next option was taken as the value; say so instead.
      if (!token.inlineValue && token.value.startsWith('-')) {
        return `${subject}: ${raw} needs a value, as in ${example}; "${token.value}" after it is an option (write ${raw}=${token.value} if it is the value).`;
      }
    }
  }
  return undefined;
}

/**
 * What is wrong with a command's line: an option it does not take or cannot take as given, an
 * argument missing or not expected, a required flag left out.
 *
 * @example commandLineProblem('doctor', [], []); // 'ghl-bridge doctor needs --workspace ID.'
 */
export function commandLineProblem(
  command: CommandName,
  tokens: readonly CommandLineToken[],
  args: readonly string[],
): string | undefined {
  const spec = COMMANDS[command];
  const subject = `ghl-bridge ${command}`;
  const option = optionProblem(subject, spec.flags, tokens);
  if (option) return option;
  const expected = spec.arguments ?? [];
  if (args.length > expected.length) {
    const extra = args[expected.length]!;
    return expected.length === 0
      ? `${subject} takes no arguments besides its options; got "${extra}".`
      : `${subject} takes ${expected.join(' ')} and its options; got "${extra}" too.`;
  }
  const given = new Set(tokens.flatMap((token) => (token.kind === 'option' ? [token.name] : [])));
  const missing = [
    ...expected.slice(args.length),
    ...(spec.required ?? []).filter((name) => !given.has(name)).map(flagUsage),
  ];
  return missing.length > 0 ? `${subject} needs ${missing.join(' and ')}.` : undefined;
}

/**
 * A problem with the options of a line that names no command (`ghl-bridge --bogus`), checked
 * against every flag there is.
 *
 * @example globalOptionProblem([{ kind: 'option', name: 'bogus', rawName: '--bogus' }]);
 */
export function globalOptionProblem(tokens: readonly CommandLineToken[]): string | undefined {
  return optionProblem('ghl-bridge', Object.keys(FLAGS) as FlagName[], tokens);
}
