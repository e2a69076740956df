import { ControlError } from './controlError.js';

const wrong = (name: string, expected: string) =>
  new ControlError(422, 'invalid_field', `${name} must be ${expected}`);

/** `body[name]` when it is a string or absent (null counts as absent). */
export function optionalString(body: Record<string, unknown>, name: string): string | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw wrong(name, 'a string');
  return value;
}

/** `body[name]` when it is an array of strings or absent. */
export function optionalStrings(body: Record<string, unknown>, name: string): string[] | undefined {
  const value = body[name];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw wrong(name, 'an array of strings');
  }
  return value;
}
