/**
 * The help `ghl-bridge` prints: `--help` (every command, flag and variable) and
 * `help <command>` (one command's usage line, what it does, its flags and environment), both
 * rendered from the command table (`cliCommands.ts`).
 */
import { createRequire } from 'node:module';
import { COMMANDS, type CommandName } from './cliCommands.js';
import { FLAGS, flagUsage, type EnvName, type FlagName, type FlagSpec } from './cliOptions.js';
import { ENVIRONMENT } from './config.js';

/** The version of this package; `../package.json` is the same file from `src/` and from `dist/`. */
export const VERSION = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version;

/** Two columns, the right one aligned past the longest left cell. */
function table(rows: Array<[string, string]>, indent = '  '): string[] {
  const width = Math.max(...rows.map(([left]) => left.length)) + 2;
  return rows.map(([left, right]) => `${indent}${left.padEnd(width)}${right}`);
}

/**
 * `ghl-bridge --help`: every command, every flag, every environment variable.
 *
 * @example out(usage()); // 'ghl-bridge 0.1.0: sync bookings to HighLevel, …'
 */
export function usage(): string {
  const commands = Object.entries(COMMANDS).map(
    ([name, spec]) => [name, spec.summary] as [string, string],
  );
  const flags = (Object.keys(FLAGS) as FlagName[]).map((name) => {
    const flag: FlagSpec = FLAGS[name];
    const short = flag.short ? `-${flag.short}, ` : '';
    return [`${short}${flagUsage(name)}`, flag.help] as [string, string];
  });
  return [
    `ghl-bridge ${VERSION}: sync bookings to HighLevel, book from voice agents.`,
    '',
    'Usage: ghl-bridge <command> [options]',
    '       ghl-bridge help <command>      (or ghl-bridge <command> --help)',
    '',
    'Commands:',
    ...table(commands),
    '',
    'Options (each command takes the ones its help lists):',
    ...table(flags),
    '',
    'Environment (a flag wins over its variable):',
    ...environmentLines(Object.keys(ENVIRONMENT) as EnvName[]),
  ].join('\n');
}

/**
 * `ghl-bridge help <command>`: its usage line, what it does, its flags and environment.
 *
 * @example commandUsage('doctor') // 'Usage: ghl-bridge doctor --workspace ID [--demo] …'
 */
export function commandUsage(name: CommandName): string {
  const spec = COMMANDS[name];
  const required = new Set(spec.required ?? []);
  const synopsis = [
    ...(spec.arguments ?? []),
    ...spec.flags.map((flag) => (required.has(flag) ? flagUsage(flag) : `[${flagUsage(flag)}]`)),
  ].join(' ');
  const flags = spec.flags.map((flag) => [flagUsage(flag), FLAGS[flag].help] as [string, string]);
  return [
    `Usage: ghl-bridge ${name} ${synopsis}`.trimEnd(),
    '',
    `${spec.summary[0]!.toUpperCase()}${spec.summary.slice(1)}.`,
    ...spec.details,
    '',
    'Options:',
    ...table([...flags, ['-h, --help', FLAGS.help.help]]),
    '',
    ...(spec.env.length > 0
      ? ['Environment:', ...environmentLines(spec.env)]
      : ['Reads no environment.']),
  ].join('\n');
}

function environmentLines(names: EnvName[]): string[] {
  return names.flatMap((name) => [`  ${name}`, `      ${ENVIRONMENT[name]}`]);
}
