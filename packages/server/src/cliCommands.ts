/**
 * What `ghl-bridge` accepts, in one table: its commands (`cliServiceCommands.ts`,
 * `cliCatalogueCommands.ts`), the flags each takes and the environment each reads
 * (`cliOptions.ts`). `--help`, `help <command>` and the per-command flag check all read it; the
 * lookups here find the command the words of a command line name.
 */
import { CATALOGUE_COMMANDS } from './cliCatalogueCommands.js';
import type { CommandSpec } from './cliOptions.js';
import { SERVICE_COMMANDS } from './cliServiceCommands.js';

/** A command's name, as typed: `start`, `actions run`, `mcp clients add`. */
export type CommandName = keyof typeof SERVICE_COMMANDS | keyof typeof CATALOGUE_COMMANDS;

/**
 * Every command, the service's first, in the order `--help` lists them.
 *
 * @example COMMANDS.doctor.required // ['workspace']
 */
export const COMMANDS: Readonly<Record<CommandName, CommandSpec>> = {
  ...SERVICE_COMMANDS,
  ...CATALOGUE_COMMANDS,
};

/** Whether `name` is a command's full name (`actions run`, not `actions`). */
export const isCommand = (name: string): name is CommandName => Object.hasOwn(COMMANDS, name);

/** The most words a command's name has: three (`mcp clients add`). */
const NAME_WORDS = Math.max(...Object.keys(COMMANDS).map((name) => name.split(' ').length));

/**
 * The command the words on the command line name, and its arguments: `actions run create-contact`
 * is `actions run` with `create-contact`; undefined when they name none.
 *
 * @example commandOf(['actions', 'run', 'create-contact']) // { command: 'actions run', args: ['create-contact'] }
 */
export function commandOf(words: string[]): { command: CommandName; args: string[] } | undefined {
  for (let count = Math.min(words.length, NAME_WORDS); count > 0; count--) {
    const name = words.slice(0, count).join(' ');
    if (isCommand(name)) return { command: name, args: words.slice(count) };
  }
  return undefined;
}

/**
 * The commands under leading words (`actions`: `actions list`, `actions run`; `mcp clients`:
 * its list, add and revoke); none for a command of its own or unknown words.
 *
 * @example commandsUnder('actions') // ['actions list', 'actions run']
 */
export function commandsUnder(words: string): CommandName[] {
  return (Object.keys(COMMANDS) as CommandName[]).filter((name) => name.startsWith(`${words} `));
}

/**
 * What words that stop short of a command (`mcp`, `mcp clients`, `actions walk`) are the start
 * of: the longest leading words with commands under them, those commands, and the words that may
 * come next.
 *
 * @example groupOf(['mcp']) // { name: 'mcp', commands: ['mcp clients list', …, 'mcp tools'], next: ['clients', 'tools'] }
 */
export function groupOf(
  words: string[],
): { name: string; commands: CommandName[]; next: string[] } | undefined {
  for (let count = Math.min(words.length, NAME_WORDS - 1); count > 0; count--) {
    const name = words.slice(0, count).join(' ');
    const commands = commandsUnder(name);
    const next = [...new Set(commands.map((command) => command.split(' ')[count]!))];
    if (commands.length > 0) return { name, commands, next };
  }
  return undefined;
}
