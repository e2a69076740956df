/**
 * The `ghl-bridge` command: `start`, `worker`, `migrate`, `doctor`, `backfill`, `rekey`,
 * `actions list` and `actions run`. Flags and environment go through one schema (`loadConfig`);
 * a bad value stops the command with its name.
 * What each command takes is the table of `cliCommands.ts`. A command's code is loaded only when
 * it runs, so `--help`, `--version` and a refused flag answer at once. The emulator is a test
 * double: it is loaded only for `--demo`, never by a production command.
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { ProgressSink } from './commands/progress.js';
import { PortInUseError } from './commands/startPortInUse.js';
import { commandOf, commandsUnder, groupOf, type CommandName } from './cliCommands.js';
import type { FlagName } from './cliOptions.js';
import { commandUsage, usage, VERSION } from './cliUsage.js';
import { commandLineProblem, globalOptionProblem, parseCommandLine } from './cliFlags.js';
import { DataDirLockedError } from './db/lockFile.js';

export interface CliIo {
  /** Command results (stdout). */
  out?: (line: string) => void;
  /** Errors, the start banner and hints for people (stderr). */
  err?: (line: string) => void;
  /** Progress bars (stderr). */
  progress?: ProgressSink;
  env?: Record<string, string | undefined>;
  /** Ctrl+C for `backfill`: it stops between two events; default SIGINT/SIGTERM of this process. */
  interrupt?: AbortSignal;
}

/** A running command (start, worker) and how to stop it. */
export interface Running {
  stop(): Promise<void>;
}

/** Runs a command: resolves with an exit code, or a handle for the long-running ones. */
export async function main(argv: string[], io: CliIo = {}): Promise<number | Running> {
  const out = io.out ?? ((line: string) => console.log(line));
  const err = io.err ?? ((line: string) => console.error(line));
  const { positionals, tokens, values } = parseCommandLine(argv);
  const string = (name: FlagName) => values[name] as string | undefined;
  const flag = (name: FlagName) => values[name] === true;

  const named = commandOf(positionals);
  if (!named) {
    const problem = globalOptionProblem(tokens);
    if (problem) return (err(`${problem}\n\nSee ghl-bridge --help.`), 2);
  }
  if (flag('version')) {
    out(VERSION);
    return 0;
  }
  if (positionals[0] === 'help') {
    const topic = positionals.slice(1);
    if (topic.length === 0) return (out(usage()), 0);
    const asked = commandOf(topic);
    if (asked && asked.args.length === 0) return (out(commandUsage(asked.command)), 0);
    const group = commandsUnder(topic.join(' '));
    if (group.length > 0) return (out(group.map(commandUsage).join('\n\n')), 0);
    return (err(`Unknown command "${topic.join(' ')}".\n\n${usage()}`), 2);
  }
  if (positionals[0] === undefined) {
    if (flag('help')) return (out(usage()), 0);
    err(usage());
    return 2;
  }
  if (!named) {
    const group = groupOf(positionals);
    if (group) {
      const usages = group.commands.map(commandUsage).join('\n\n');
      if (flag('help')) return (out(usages), 0);
      err(`ghl-bridge ${group.name} needs ${group.next.join(' or ')}.\n\n${usages}`);
      return 2;
    }
    err(`Unknown command "${positionals[0]}".\n\n${usage()}`);
    return 2;
  }
  const { command, args } = named;
  if (flag('help')) return (out(commandUsage(command)), 0);
  const problem = commandLineProblem(command, tokens, args);
  if (problem) {
    err(`${problem}\n\n${commandUsage(command)}`);
    return 2;
  }

  const env = io.env ?? process.env;
  let config: Config;
  try {
    config = loadConfig(env, {
      port: string('port'),
      host: string('host'),
      dataDir: string('data-dir'),
      databaseUrl: string('database-url'),
      logLevel: string('log-level'),
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message);
      return 2;
    }
    throw error;
  }

  // The demo is for reading the banner: request logs stay quiet unless asked for.
  if (flag('demo') && !string('log-level') && !env.LOG_LEVEL) {
    config = Object.freeze({ ...config, logLevel: 'warn' as const });
  }

  try {
    return await runCommand(command, config, {
      out,
      err,
      string,
      flag,
      args,
      progress: io.progress ?? {
        isTTY: Boolean(process.stderr.isTTY),
        write: (text) => process.stderr.write(text),
      },
      interrupt: io.interrupt,
    });
  } catch (error) {
    // The user's setup, not a bug: said in words, exit 2.
    if (
      error instanceof ConfigError ||
      error instanceof DataDirLockedError ||
      error instanceof PortInUseError
    ) {
      err(error.message);
      return 2;
    }
    throw error;
  }
}

interface CommandIo {
  out: (line: string) => void;
  err: (line: string) => void;
  string: (name: FlagName) => string | undefined;
  flag: (name: FlagName) => boolean;
  /** The command's arguments: the action's name of `actions run`. */
  args: string[];
  progress: ProgressSink;
  interrupt: AbortSignal | undefined;
}

async function runCommand(
  command: CommandName,
  config: Config,
  io: CommandIo,
): Promise<number | Running> {
  const { out, err, string, flag } = io;
  switch (command) {
    case 'start': {
      const { startCommand } = await import('./commands/start.js');
      // The banner is for people (stderr); stdout carries the JSON logs only.
      return startCommand({ config, demo: flag('demo'), worker: !flag('no-worker'), out: err });
    }
    case 'worker': {
      const { workerCommand } = await import('./commands/worker.js');
      return workerCommand({ config, out: err });
    }
    case 'migrate': {
      const { migrateCommand } = await import('./commands/migrate.js');
      return migrateCommand({ config, out });
    }
    case 'doctor': {
      const { doctorCommand } = await import('./commands/doctor.js');
      const workspaceId = string('workspace')!;
      if (flag('demo')) {
        const { demoDoctorFetch } = await import('./commands/demo.js');
        return doctorCommand({
          config: Object.freeze({ ...config, highLevelBaseUrl: 'http://emulator.invalid' }),
          workspaceId,
          fetch: demoDoctorFetch(),
          highLevelName: 'the HighLevel emulator (demo)',
          out,
        });
      }
      return doctorCommand({ config, workspaceId, out });
    }
    case 'rekey': {
      const { rekeyCommand } = await import('./commands/rekey.js');
      return rekeyCommand({ config, dryRun: flag('dry-run'), out });
    }
    case 'actions list': {
      const { catalogueListCommand } = await import('./commands/catalogueList.js');
      return catalogueListCommand({
        kind: 'action',
        category: string('category'),
        json: flag('json'),
        out,
        err,
      });
    }
    case 'actions run': {
      const { actionsRunCommand } = await import('./commands/actionsRun.js');
      return actionsRunCommand({
        config,
        workspaceId: string('workspace')!,
        name: io.args[0]!,
        input: string('input'),
        idempotencyKey: string('idempotency-key'),
        out,
        err,
      });
    }
    case 'triggers list': {
      const { triggersListCommand } = await import('./commands/triggers.js');
      return triggersListCommand({
        config,
        workspaceId: string('workspace'),
        category: string('category'),
        json: flag('json'),
        out,
        err,
      });
    }
    case 'triggers add': {
      const { triggersAddCommand } = await import('./commands/triggers.js');
      return triggersAddCommand({
        config,
        workspaceId: string('workspace')!,
        name: io.args[0]!,
        input: string('input'),
        every: string('every'),
        endpointId: string('endpoint'),
        url: string('url'),
        out,
        err,
      });
    }
    case 'triggers remove': {
      const { triggersRemoveCommand } = await import('./commands/triggers.js');
      return triggersRemoveCommand({
        config,
        workspaceId: string('workspace')!,
        id: io.args[0]!,
        out,
        err,
      });
    }
    case 'mcp clients list': {
      const { mcpClientsListCommand } = await import('./commands/mcpClients.js');
      return mcpClientsListCommand({
        config,
        workspaceId: string('workspace')!,
        json: flag('json'),
        out,
        err,
      });
    }
    case 'mcp clients add': {
      const { mcpClientsAddCommand } = await import('./commands/mcpClients.js');
      return mcpClientsAddCommand({
        config,
        workspaceId: string('workspace')!,
        name: io.args[0]!,
        readWrite: flag('read-write'),
        allowDestructive: flag('allow-destructive'),
        tools: string('tools'),
        json: flag('json'),
        out,
        err,
      });
    }
    case 'mcp clients revoke': {
      const { mcpClientsRevokeCommand } = await import('./commands/mcpClients.js');
      return mcpClientsRevokeCommand({
        config,
        workspaceId: string('workspace')!,
        id: io.args[0]!,
        out,
        err,
      });
    }
    case 'mcp tools': {
      const { mcpToolsCommand } = await import('./commands/mcpClients.js');
      return mcpToolsCommand({ json: flag('json'), out });
    }
    case 'backfill': {
      const { backfillCommand } = await import('./commands/backfill.js');
      const interrupt = io.interrupt ? undefined : processInterrupt();
      try {
        return await backfillCommand({
          config,
          workspaceId: string('workspace')!,
          file: string('file')!,
          dryRun: flag('dry-run'),
          out,
          progress: io.progress,
          signal: io.interrupt ?? interrupt!.signal,
        });
      } finally {
        interrupt?.dispose();
      }
    }
  }
}

/** SIGINT/SIGTERM as an AbortSignal while a command runs; a second signal exits at once. */
function processInterrupt(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    console.error('Stopping… (again to quit at once)');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

/** Runs `main` for a process: long-running commands stop cleanly on SIGINT/SIGTERM. */
export async function run(argv: string[]): Promise<void> {
  const result = await main(argv);
  if (typeof result === 'number') {
    process.exitCode = result;
    return;
  }
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`${signal}: stopping…`);
    result.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

function invokedDirectly(): boolean {
  try {
    return (
      process.argv[1] !== undefined &&
      import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href
    );
  } catch {
    return false;
  }
}
if (invokedDirectly()) {
  run(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
