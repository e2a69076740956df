/**
 * Structured JSON logs (pino). Secrets never reach a log line: known secret fields are redacted
 * wherever they appear, and request logging records method, path, status and timing only — never
 * headers or bodies.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/** Field names whose values are always replaced by `[redacted]`, at any of the first depths. */
const SECRET_FIELDS = [
  'apiKey',
  'api_key',
  'token',
  'accessToken',
  'refreshToken',
  'secret',
  'secretKey',
  'password',
  'authorization',
  'Authorization',
  'adminToken',
  'api_key_ciphertext',
  'ciphertext',
];

function redactPaths(): string[] {
  const paths: string[] = [];
  for (const field of SECRET_FIELDS) {
    paths.push(field, `*.${field}`, `*.*.${field}`, `*.*.*.${field}`);
  }
  return paths;
}

/**
 * The process logger.
 *
 * @example
 * const log = createLogger({ level: 'info' });
 * log.info({ requestId }, 'workspace created');
 */
export function createLogger(
  options: { level?: string; destination?: DestinationStream } = {},
): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'ghl-bridge', pid: process.pid },
      redact: { paths: redactPaths(), censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: false }),
  );
}
