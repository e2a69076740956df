/**
 * Runs a package's command (`ghl-bridge`, `ghl-emulator`) as a real child process from its
 * sources, through tsx as an import hook in the same process, so the child's pid is the process
 * doing the work (its CPU time and memory are read from /proc).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** The sources of the commands, relative to this file. */
export const COMMANDS = {
  bridge: fileURLToPath(new URL('../packages/server/src/cli.ts', import.meta.url)),
  emulator: fileURLToPath(new URL('../packages/emulator/src/cli.ts', import.meta.url)),
};

export interface Child {
  name: string;
  pid: number;
  child: ChildProcess;
  output(): string;
  /** Resolves with the first match of `pattern` in the output; rejects if the child exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

export function spawnCommand(
  name: string,
  script: string,
  args: string[],
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Child {
  const child = spawn(
    process.execPath,
    ['--conditions=@ghl-bridge/source', ...nodeArgs, '--import', TSX_LOADER, script, ...args],
    { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let text = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    // Keep the start (banners) and the end (errors); a chatty child must not grow this forever.
    text = (text + chunk.toString()).slice(-200_000);
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    pid: child.pid!,
    child,
    output: () => text,
    waitFor(pattern, timeoutMs = 60_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const match = pattern.exec(text);
          if (match) done(() => resolve(match));
        };
        const timer = setTimeout(
          () =>
            done(() => reject(new Error(`${name}: no ${pattern} in ${timeoutMs} ms:\n${text}`))),
          timeoutMs,
        );
        const onExit = () => done(() => reject(new Error(`${name} exited early:\n${text}`)));
        const done = (settle: () => void) => {
          clearTimeout(timer);
          listeners.delete(check);
          child.off('exit', onExit);
          settle();
        };
        listeners.add(check);
        child.once('exit', onExit);
        check();
      });
    },
    async stop(graceMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
