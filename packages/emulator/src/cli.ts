/**
 * `ghl-emulator [--port 4010] [--host 127.0.0.1] [--seed demo] [--state FILE]`: serves the
 * emulator on a port. With `--state`, the store is loaded from FILE at start (when it exists) and
 * written back on SIGINT/SIGTERM.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createEmulator, DEMO, startServer, type Emulator, type RunningServer } from './index.js';
import type { EmulatorState } from './state.js';

/** This package's version; `../package.json` is the same file from `src/` and from `dist/`. */
export const VERSION = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version;

const USAGE = `ghl-emulator ${VERSION}: a local HighLevel (GoHighLevel) API v2 for tests.

Usage: ghl-emulator [--port 4010] [--host 127.0.0.1] [--seed demo] [--state FILE]

  --port N        port to listen on (0 picks a free one)       default 4010
  --host H        interface to bind                            default 127.0.0.1
  --seed demo     create the demo Location, its token and a Mon-Fri 09:00-17:00 calendar
  --state FILE    load the store from FILE at start, save it there on SIGINT/SIGTERM
  -h, --help      this help
  -v, --version   the version

Point a HighLevel client's base URL at the printed address. The control API (create
Locations and tokens, inject faults, move the clock, read the request log) is listed by
GET /_emulator. No environment variables are read.`;

export interface CliHandle {
  emulator: Emulator;
  server: RunningServer;
  /** Saves the state file (with --state) and closes the server. */
  stop(): Promise<void>;
}

export interface CliIo {
  out?: (line: string) => void;
  /** Install SIGINT/SIGTERM handlers that save and exit; default true. */
  handleSignals?: boolean;
}

/** Parses `argv` and starts the server; throws with the usage text on bad arguments. */
export async function main(argv: string[], io: CliIo = {}): Promise<CliHandle> {
  const out = io.out ?? ((line: string) => console.log(line));
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string', default: '4010' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      state: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    },
    strict: true,
  });
  if (values.help || values.version) {
    out(values.version ? VERSION : USAGE);
    process.exit(0);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a port number (0-65535), got "${values.port}"\n\n${USAGE}`);
  }
  if (values.seed !== undefined && values.seed !== 'demo') {
    throw new Error(`--seed accepts only "demo", got "${values.seed}"\n\n${USAGE}`);
  }

  const emulator = createEmulator({ seed: values.seed === 'demo' ? 'demo' : 'none' });
  const stateFile = values.state;
  if (stateFile && existsSync(stateFile)) {
    emulator.control.load(JSON.parse(readFileSync(stateFile, 'utf8')) as EmulatorState);
    out(`Loaded state from ${stateFile}`);
  }
  const server = await startServer(emulator, { port, host: values.host });
  out(`HighLevel emulator listening on ${server.url}`);
  out(`Control API: ${server.url}/_emulator`);
  if (emulator.state.tokens[DEMO.token]) {
    out(`Demo Location: ${DEMO.locationId}`);
    out(`Demo token:    ${DEMO.token}`);
  }

  const save = () => {
    if (!stateFile) return;
    writeFileSync(stateFile, JSON.stringify(emulator.control.snapshot(), null, 2));
    out(`Saved state to ${stateFile}`);
  };
  const stop = async () => {
    save();
    await server.close();
  };
  if (io.handleSignals ?? true) {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.once(signal, () => {
        stop().then(
          () => process.exit(0),
          (err: unknown) => {
            console.error(err);
            process.exit(1);
          },
        );
      });
    }
  }
  return { emulator, server, stop };
}

const entry = process.argv[1];
if (entry && import.meta.url === pathToFileURL(realpathSync(entry)).href) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(2);
  });
}
