/**
 * Required query parameters, checked the way HighLevel's validation pipe checks them: every
 * problem at once, 422 with class-validator messages
 * (docs/highlevel-behaviour.md#error-bodies).
 */
import { unprocessable } from '../errors.js';

const NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The named parameters: `strings` must be present, `numbers` present and numeric (epoch ms).
 *
 * @example
 * const { locationId, startTime } = requiredQuery(query, { strings: ['locationId'], numbers: ['startTime'] });
 */
export function requiredQuery<S extends string, N extends string>(
  query: URLSearchParams,
  names: { strings?: readonly S[]; numbers?: readonly N[] },
): Record<S, string> & Record<N, number> {
  const errors: string[] = [];
  const values: Record<string, string | number> = {};
  for (const name of names.strings ?? []) {
    const value = query.get(name);
    if (!value) errors.push(`${name} should not be empty`);
    else values[name] = value;
  }
  for (const name of names.numbers ?? []) {
    const value = query.get(name);
    if (value === null || !NUMBER.test(value.trim())) {
      errors.push(`${name} must be a number conforming to the specified constraints`);
    } else values[name] = Number(value);
  }
  if (errors.length > 0) throw unprocessable(errors);
  return values as Record<S, string> & Record<N, number>;
}
