import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

describe('createLogger', () => {
  it('writes JSON lines and redacts secret fields at any depth', () => {
    const lines: string[] = [];
    const log = createLogger({
      level: 'info',
      destination: { write: (l: string) => void lines.push(l) },
    });
    log.child({ requestId: 'r-1' }).info(
      {
        apiKey: 'pit-SECRET-1',
        workspace: { token: 'SECRET-2', name: 'Spa' },
        err: { request: { headers: { authorization: 'Bearer SECRET-3' } } },
        secretKey: 'SECRET-4',
      },
      'hello',
    );
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(line).toMatchObject({
      level: 'info',
      msg: 'hello',
      requestId: 'r-1',
      service: 'ghl-bridge',
      apiKey: '[redacted]',
      workspace: { token: '[redacted]', name: 'Spa' },
      secretKey: '[redacted]',
    });
    expect(lines[0]).not.toMatch(/SECRET/);
  });
});
