/**
 * The `ghl-bridge` command: `start`, `worker`, `migrate`, `doctor`. Flags and environment go
 * through one schema (`loadConfig`); a bad value stops the command with its name.
 */
import { createEmulator, emulatorFetch } from '@ghl-bridge/emulator';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from './config.js';
import { backfillCommand } from './commands/backfill.js';
import { doctorCommand } from './commands/doctor.js';
import { migrateCommand } from './commands/migrate.js';
import { startCommand } from './commands/start.js';
import { workerCommand } from './commands/worker.js';
import { DataDirLockedError } from './db/lockFile.js';

export const USAGE = `Usage: ghl-bridge <command> [options]

Commands:
  start      the HTTP API and the job workers
  worker     job workers only (scale out: run several against one PostgreSQL)
  migrate    apply database migrations and install the queue, then exit
  doctor     check a workspace's GoHighLevel connection against HighLevel
  backfill   load historical bookings from NDJSON or CSV (resumable; --dry-run shows the plan)

Options:
  --port N             HTTP port (PORT)                                  default 3000
  --host H             interface to bind (HOST)                          default 127.0.0.1
  --data-dir DIR       embedded database and key files (GHL_BRIDGE_DATA_DIR)  default ./.ghl-bridge
  --database-url URL   PostgreSQL instead of the embedded database (DATABASE_URL)
  --log-level L        fatal|error|warn|info|debug|trace|silent (LOG_LEVEL)   default info
  --demo               start/doctor: HighLevel played by a local emulator, with a demo workspace
  --no-worker          start: serve HTTP only
  --workspace ID       doctor, backfill: the workspace
  --file F             backfill: booking events, .ndjson (one per line) or .csv (dotted headers)
  --dry-run            backfill: print the plan and the HighLevel calls it costs, write nothing

Environment: GHL_BRIDGE_ADMIN_TOKEN, GHL_BRIDGE_SECRET_KEY (32 bytes, base64),
GHL_BRIDGE_PREVIOUS_SECRET_KEYS, DATABASE_URL, GHL_API_BASE_URL, PORT, HOST, LOG_LEVEL.`;

export interface CliIo {
  out?: (line: string) => void;
  err?: (line: string) => void;
  env?: Record<string, string | undefined>;
}

/** A running command (start, worker) and how to stop it. */
export interface Running {
  stop(): Promise<void>;
}

/** Runs a command: resolves with an exit code, or a handle for the long-running ones. */
export async function main(argv: string[], io: CliIo = {}): Promise<number | Running> {
  const out = io.out ?? ((line: string) => console.log(line));
  const err = io.err ?? ((line: string) => console.error(line));
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        'database-url': { type: 'string' },
        'log-level': { type: 'string' },
        demo: { type: 'boolean', default: false },
        'no-worker': { type: 'boolean', default: false },
        workspace: { type: 'string' },
        file: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    err(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0];
  if (values.help || !command) {
    out(USAGE);
    return values.help ? 0 : 2;
  }

  let config: Config;
  try {
    config = loadConfig(io.env ?? process.env, {
      port: values.port,
      host: values.host,
      dataDir: values['data-dir'],
      databaseUrl: values['database-url'],
      logLevel: values['log-level'],
    });
  } catch (error) {
    if (error instanceof ConfigError) {
      err(error.message);
      return 2;
    }
    throw error;
  }

  // The demo is for reading the banner: request logs stay quiet unless asked for.
  const env = io.env ?? process.env;
  if (values.demo && !values['log-level'] && !env.LOG_LEVEL) {
    config = Object.freeze({ ...config, logLevel: 'warn' as const });
  }

  try {
    switch (command) {
      case 'start':
        return await startCommand({ config, demo: values.demo, worker: !values['no-worker'], out });
      case 'worker':
        return await workerCommand({ config, out });
      case 'migrate':
        return await migrateCommand({ config, out });
      case 'doctor': {
        if (!values.workspace) {
          err('doctor needs --workspace ID');
          return 2;
        }
        if (values.demo) {
          const fetch = emulatorFetch(createEmulator({ seed: 'demo' }));
          const demoConfig = Object.freeze({
            ...config,
            highLevelBaseUrl: 'http://emulator.invalid',
          });
          return await doctorCommand({
            config: demoConfig,
            workspaceId: values.workspace,
            fetch,
            highLevelName: 'the HighLevel emulator (demo)',
            out,
          });
        }
        return await doctorCommand({ config, workspaceId: values.workspace, out });
      }
      case 'backfill':
        if (!values.workspace || !values.file) {
          err('backfill needs --workspace ID and --file bookings.ndjson (or .csv)');
          return 2;
        }
        return await backfillCommand({
          config,
          workspaceId: values.workspace,
          file: values.file,
          dryRun: values['dry-run'],
          out,
          progress: err,
        });
      default:
        err(`Unknown command "${command}".\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof ConfigError || error instanceof DataDirLockedError) {
      err(error.message);
      return 2;
    }
    throw error;
  }
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
