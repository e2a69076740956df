/**
 * The shape of one conformance entry — how to set up an operation's preconditions, a valid
 * request, and its main error cases — and the error cases most operations share, each derived
 * from the valid request by changing one thing.
 */
import type { Auth, Context, Exchange } from './context.js';

export interface ErrorCase<F> {
  /** What is wrong with the request. */
  name: string;
  /** The failing request, built from the valid one and the prepared records. */
  request: (valid: Exchange, ctx: Context, fx: F) => Exchange;
  status: number;
  /**
   * HighLevel's `message`: the string itself, or one item of class-validator's array; a
   * function when it names a prepared record.
   */
  message: string | ((fx: F) => string);
}

export interface OperationEntry<F> {
  auth?: Auth;
  /** Makes fresh records the requests name; runs before every request of the entry. */
  prepare?: (ctx: Context) => F | Promise<F>;
  request: (ctx: Context, fx: F) => Exchange;
  errors: ErrorCase<F>[];
}

/** An entry with its records hidden: each request prepares its own. */
export interface ConformanceCase {
  auth: Auth;
  valid: (ctx: Context) => Promise<Exchange>;
  errors: {
    name: string;
    status: number;
    /** Prepares records; the failing request and the `message` it must get. */
    attempt: (ctx: Context) => Promise<{ exchange: Exchange; message: string }>;
  }[];
}

/**
 * Declares the conformance entry of one operation.
 *
 * @example
 * 'GET /contacts/{contactId}': operationCase({
 *   prepare: newContact,
 *   request: (_ctx, { contactId }) => ({ params: { contactId } }),
 *   errors: [unknownId('contactId', 'Contact')],
 * }),
 */
export function operationCase<F = undefined>(entry: OperationEntry<F>): ConformanceCase {
  const prepare = async (ctx: Context) => (await entry.prepare?.(ctx)) as F;
  return {
    auth: entry.auth ?? 'location',
    valid: async (ctx) => entry.request(ctx, await prepare(ctx)),
    errors: entry.errors.map(({ name, status, request, message }) => ({
      name,
      status,
      attempt: async (ctx: Context) => {
        const fx = await prepare(ctx);
        return {
          exchange: request(entry.request(ctx, fx), ctx, fx),
          message: typeof message === 'function' ? message(fx) : message,
        };
      },
    })),
  };
}

/** An id that names nothing in the emulator. */
export const UNKNOWN_ID = 'NoSuchRecord00000001';

const STRAY = 'favouriteColour';

type Fields = Record<string, unknown>;

/** The valid request with its body (JSON or form) changed by `edit`. */
function editBody(valid: Exchange, edit: (fields: Fields) => Fields): Exchange {
  if (valid.form) return { ...valid, form: edit(valid.form) as Record<string, string> };
  return { ...valid, body: edit({ ...(valid.body as Fields | undefined) }) };
}

const omit = <V>(fields: Record<string, V>, name: string): Record<string, V> =>
  Object.fromEntries(Object.entries(fields).filter(([key]) => key !== name));

/** A body property the operation's DTO lacks: NestJS's whitelist answers 422. */
export const unknownProperty: ErrorCase<unknown> = {
  name: `a body property not in the DTO (${STRAY})`,
  request: (valid) => editBody(valid, (fields) => ({ ...fields, [STRAY]: 'teal' })),
  status: 422,
  message: `property ${STRAY} should not exist`,
};

/** The valid body without a required field: 422, by default `<field> should not be empty`. */
export const withoutField = (
  field: string,
  message = `${field} should not be empty`,
): ErrorCase<unknown> => ({
  name: `without the required ${field}`,
  request: (valid) => editBody(valid, (fields) => omit(fields, field)),
  status: 422,
  message,
});

/** The valid query without `name`: by default class-validator's 422. */
export const withoutQuery = (
  name: string,
  message = `${name} should not be empty`,
  status = 422,
): ErrorCase<unknown> => ({
  name: `without the ${name} query parameter`,
  request: (valid) => ({ ...valid, query: omit({ ...valid.query }, name) }),
  status,
  message,
});

/** The valid query with `name` set to `value`. */
export const withQuery = (
  name: string,
  value: string,
  status: number,
  message: string,
): ErrorCase<unknown> => ({
  name: `with ${name}=${value}`,
  request: (valid) => ({ ...valid, query: { ...valid.query, [name]: value } }),
  status,
  message,
});

/** The valid body with `values` (fixed, or from the context and records) merged in. */
export function withBody<F = unknown>(
  name: string,
  values: Fields | ((ctx: Context, fx: F) => Fields),
  status: number,
  message: ErrorCase<F>['message'],
): ErrorCase<F> {
  return {
    name,
    request: (valid, ctx, fx) =>
      editBody(valid, (fields) => ({
        ...fields,
        ...(typeof values === 'function' ? values(ctx, fx) : values),
      })),
    status,
    message,
  };
}

/** A path parameter naming nothing: HighLevel's 400 `<Thing> not found for id:<id>`. */
export const unknownId = (param: string, thing: string): ErrorCase<unknown> => ({
  name: `an unknown ${param}`,
  request: (valid) => ({ ...valid, params: { ...valid.params, [param]: UNKNOWN_ID } }),
  status: 400,
  message: `${thing} not found for id:${UNKNOWN_ID}`,
});

/** A body field naming nothing: the same 400 as an unknown path parameter. */
export const unknownBodyId = (field: string, thing: string): ErrorCase<unknown> => ({
  name: `an unknown ${field} in the body`,
  request: (valid) => editBody(valid, (fields) => ({ ...fields, [field]: UNKNOWN_ID })),
  status: 400,
  message: `${thing} not found for id:${UNKNOWN_ID}`,
});

/** The request naming another Location, wherever it names one: 403. */
export const otherLocation: ErrorCase<unknown> = {
  name: 'naming another Location',
  request: (valid, ctx) => {
    const swap = <T extends object | undefined>(fields: T): T =>
      fields && 'locationId' in fields ? { ...fields, locationId: ctx.otherLocationId } : fields;
    return {
      ...valid,
      params: swap(valid.params),
      query: swap(valid.query),
      body: swap(valid.body as Fields | undefined),
      form: swap(valid.form),
    };
  },
  status: 403,
  message: 'The token does not have access to this location.',
};

/** A Location token on an operation only agency tokens may call. */
export const locationTokenOnAgencyOperation: ErrorCase<unknown> = {
  name: 'a Location token on an agency-only operation',
  request: (valid, ctx) => ({ ...valid, token: ctx.token }),
  status: 401,
  message: 'This AuthClass is not yet supported by the IAM Service',
};
