import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENVIRONMENT, loadConfig } from './config.js';

const envExample = readFileSync(new URL('../../../deploy/env.example', import.meta.url), 'utf8');

/** `NAME=value` lines of an env file. */
function settings(text: string): Map<string, string> {
  const lines = text.split('\n').filter((line) => /^[A-Z_]+=/.test(line));
  return new Map(
    lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

describe('deploy/env.example', () => {
  // Flags or the container command set these; every other variable belongs in the file that
  // compose and systemd hand to every process, or an operator never learns it exists.
  const setByCommand = new Set(['PORT', 'HOST', 'GHL_BRIDGE_DATA_DIR']);

  it('lists every variable the server reads', () => {
    const listed = settings(envExample);
    const missing = Object.keys(ENVIRONMENT).filter(
      (name) => !setByCommand.has(name) && !listed.has(name),
    );
    expect(missing).toEqual([]);
  });

  it('is accepted as it stands once the secrets are filled in', () => {
    const env = Object.fromEntries(settings(envExample));
    const config = loadConfig({
      ...env,
      GHL_BRIDGE_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      GHL_BRIDGE_ADMIN_TOKEN: 'a'.repeat(32),
    });
    expect(config.databaseUrl).toBe(env.DATABASE_URL);
  });
});
