/**
 * A benchmark's knobs from the environment.
 */

/**
 * The positive number in `process.env[name]`, or `fallback` when it is unset or empty.
 *
 * @example const seconds = envNumber('BENCH_INGEST_SECONDS', 15);
 */
export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number, got "${raw}"`);
  }
  return value;
}

/**
 * The whole number of 1 or more in `process.env[name]`, or `fallback` when it is unset or empty.
 *
 * @example const locations = envCount('BENCH_SCALE_LOCATIONS', 50);
 */
export function envCount(name: string, fallback: number): number {
  const value = envNumber(name, fallback);
  if (!Number.isInteger(value)) {
    throw new Error(`${name} must be a whole number of 1 or more, got "${process.env[name]}"`);
  }
  return value;
}
