/**
 * A module hook for tests: importing `@ghl-bridge/emulator` (the test double) fails, so a process
 * run with `--import ./forbidEmulator.mjs` proves which commands never load it.
 */
import { registerHooks } from 'node:module';

export const FORBIDDEN = '@ghl-bridge/emulator';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === FORBIDDEN || specifier.startsWith(`${FORBIDDEN}/`)) {
      throw new Error(`${FORBIDDEN} was imported by ${context.parentURL ?? 'the entry point'}`);
    }
    return nextResolve(specifier, context);
  },
});
