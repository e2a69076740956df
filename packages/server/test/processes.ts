/**
 * Runs `ghl-bridge` as a real child process (from source, through tsx), collecting its output,
 * for tests of several processes, signals and crashes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { waitFor } from './waitFor.js';

const CLI = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
/** tsx as an import hook in the same process (its CLI would put a wrapper between us and the server, hiding it from SIGKILL). */
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface CliProcess {
  child: ChildProcess;
  /** stdout and stderr as they came. */
  output(): string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the first output match of `pattern`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited: Promise<number | null>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

export function spawnCli(
  args: string[],
  env: Record<string, string>,
  cwd?: string,
  options: { nodeArgs?: string[] } = {},
): CliProcess {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@ghl-bridge/source',
      ...(options.nodeArgs ?? []),
      '--import',
      TSX_LOADER,
      CLI,
      ...args,
    ],
    {
      // Only what the test gives: a DATABASE_URL or key of the surrounding shell must not leak in.
      env: {
        ...process.env,
        DATABASE_URL: '',
        GHL_BRIDGE_ADMIN_TOKEN: '',
        GHL_BRIDGE_SECRET_KEY: '',
        GHL_API_BASE_URL: '',
        LOG_LEVEL: 'warn',
        ...env,
      },
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    text += chunk.toString();
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    child,
    output: () => text,
    stdout: () => stdout,
    stderr: () => stderr,
    async waitForOutput(pattern, timeoutMs = 30_000) {
      return waitFor(
        () => {
          if (child.exitCode !== null) throw new Error(`ghl-bridge exited early:\n${text}`);
          return pattern.exec(text) ?? undefined;
        },
        { timeoutMs, what: `${pattern} in the output of ghl-bridge ${args.join(' ')}` },
      ).catch((error: unknown) => {
        throw new Error(`${(error as Error).message}\n--- output ---\n${text}`, { cause: error });
      });
    },
    exited,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
