/**
 * One problem with one field of a request body; `field` is a path such as
 * `openHours[0].hours[1].closeHour`.
 */
export interface FieldError {
  field: string;
  message: string;
}

export type Body = Record<string, unknown>;

export function isRecord(value: unknown): value is Body {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A body value as text: the string itself, undefined for anything else. */
export const asText = (value: unknown) => (typeof value === 'string' ? value : undefined);

export interface NumberRule {
  positive?: boolean;
  min?: number;
  max?: number;
  integer?: boolean;
}

/**
 * Reads typed fields out of an untrusted object, collecting one error per bad field instead of
 * stopping at the first. Messages follow the class-validator wording HighLevel answers 422 with
 * ("slotDuration must be a number"; docs/highlevel-behaviour.md#error-bodies).
 */
export interface FieldReader {
  readonly errors: FieldError[];
  /** The path of `name` under this reader, for errors raised by the caller. */
  path(name: string): string;
  fail(name: string, message: string): undefined;
  string(name: string, required?: boolean): string | undefined;
  boolean(name: string): boolean | undefined;
  number(name: string, rule?: NumberRule, required?: boolean): number | undefined;
  oneOf<T extends string | number>(
    name: string,
    values: readonly T[],
    required?: boolean,
  ): T | undefined;
  /** An array of objects, each read by `item` with its own reader; bad ones are reported. */
  objects<T>(name: string, item: (reader: FieldReader) => T | undefined): T[] | undefined;
  /** An array of numbers, each checked against `rule`. */
  numbers(name: string, rule?: NumberRule): number[] | undefined;
}

function numberProblem(value: unknown, rule: NumberRule): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
  if (rule.integer && !Number.isInteger(value)) return 'must be an integer number';
  if (rule.positive && value <= 0) return 'must be a positive number';
  if (rule.min !== undefined && value < rule.min) return `must not be less than ${rule.min}`;
  if (rule.max !== undefined && value > rule.max) return `must not be greater than ${rule.max}`;
  return undefined;
}

export function fieldReader(body: Body, prefix = '', errors: FieldError[] = []): FieldReader {
  const path = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const fail = (name: string, message: string): undefined => {
    errors.push({ field: path(name), message: `${path(name)} ${message}` });
    return undefined;
  };
  const present = (name: string, required: boolean): boolean => {
    const value = body[name];
    if (value !== undefined && value !== null) return true;
    if (required) fail(name, 'should not be empty');
    return false;
  };

  const list = (name: string): unknown[] | undefined => {
    if (!present(name, false)) return undefined;
    const value = body[name];
    return Array.isArray(value) ? value : fail(name, 'must be an array');
  };

  const reader: FieldReader = {
    errors,
    path,
    fail,
    string(name, required = false) {
      if (!present(name, required)) return undefined;
      const value = body[name];
      if (typeof value !== 'string') return fail(name, 'must be a string');
      if (required && value.trim() === '') return fail(name, 'should not be empty');
      return value;
    },
    boolean(name) {
      if (!present(name, false)) return undefined;
      const value = body[name];
      return typeof value === 'boolean' ? value : fail(name, 'must be a boolean value');
    },
    number(name, rule = {}, required = false) {
      if (!present(name, required)) return undefined;
      const value = body[name];
      const problem = numberProblem(value, rule);
      return problem === undefined ? (value as number) : fail(name, problem);
    },
    oneOf(name, values, required = false) {
      if (!present(name, required)) return undefined;
      const value = body[name];
      const match = values.find((allowed) => allowed === value);
      if (match !== undefined) return match;
      return fail(name, `must be one of the following values: ${values.join(', ')}`);
    },
    objects(name, item) {
      const elements = list(name);
      if (elements === undefined) return undefined;
      const out = [];
      for (const [index, element] of elements.entries()) {
        const at = `${path(name)}[${index}]`;
        if (!isRecord(element)) {
          errors.push({ field: at, message: `${at} must be an object` });
          continue;
        }
        const parsed = item(fieldReader(element, at, errors));
        if (parsed !== undefined) out.push(parsed);
      }
      return out;
    },
    numbers(name, rule = {}) {
      const elements = list(name);
      if (elements === undefined) return undefined;
      const out: number[] = [];
      for (const [index, element] of elements.entries()) {
        const problem = numberProblem(element, rule);
        if (problem === undefined) out.push(element as number);
        else fail(`${name}[${index}]`, problem);
      }
      return out;
    },
  };
  return reader;
}
