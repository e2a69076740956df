/** `ghl-bridge worker`: job workers only, no HTTP. Run several against one PostgreSQL to scale out. */
import { hostname } from 'node:os';
import type { Config } from '../config.js';
import { createRuntime } from '../runtime.js';

export async function workerCommand(options: {
  config: Config;
  out: (line: string) => void;
}): Promise<{ stop(): Promise<void> }> {
  const name = `${hostname()}:${process.pid}`;
  const runtime = await createRuntime({
    config: options.config,
    http: false,
    worker: true,
    workerName: name,
  });
  options.out(`ghl-bridge worker ${name} is processing jobs from ${runtime.database.description}`);
  return { stop: () => runtime.stop() };
}
