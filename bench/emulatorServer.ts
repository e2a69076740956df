/**
 * The emulator as a child process of a benchmark, on a real port: `ghl-emulator` with the rate
 * limits a run needs (the command has no flag for them). Argument: the limits as JSON, e.g.
 * `{"burst":1e12,"intervalMs":1000,"daily":1e12}`; prints `listening on <url>` when ready.
 * Started by `startEmulatorProcess` (emulatorProcess.ts), not by hand.
 */
import { createEmulator, startServer, type RateLimits } from '@ghl-bridge/emulator';

const limits = JSON.parse(process.argv[2] ?? '{}') as Partial<RateLimits>;
const server = await startServer(createEmulator({ limits }), { port: 0, host: '127.0.0.1' });
console.log(`listening on ${server.url}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void server.close().finally(() => process.exit(0)));
}
