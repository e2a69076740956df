/**
 * Types that turn the generated `Paths` (from HighLevel's official OpenAPI specs) into the
 * signature of `HighLevel.request`: path parameters, query and body required exactly when the
 * spec requires them, and the success body as the result.
 */
import type { Paths } from './generated/index.js';
import type { Priority } from './rateLimit/types.js';
import type { AuthProvider } from './auth/types.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Every path template that has an operation for `M`. */
export type PathFor<M extends Method> = {
  [P in keyof Paths]: Paths[P] extends { [K in Lowercase<M>]: object } ? P : never;
}[keyof Paths];

/** The spec's operation object for `M` on `P`. */
export type OperationOf<M extends Method, P extends PathFor<M>> = Paths[P][Lowercase<M> &
  keyof Paths[P]];

type ParamsOf<O, Where extends 'path' | 'query'> = O extends { parameters: infer Ps }
  ? Ps extends { [K in Where]?: infer X }
    ? [X] extends [never]
      ? never
      : [X] extends [undefined]
        ? never
        : X
    : never
  : never;

type BodyOf<O> = O extends { requestBody?: infer RB }
  ? RB extends { content: infer C }
    ? C extends { 'application/json': infer B }
      ? B
      : C extends { 'application/x-www-form-urlencoded': infer B }
        ? B
        : C extends { 'multipart/form-data': infer _ }
          ? FormData
          : never
    : never
  : never;

type BodyRequired<O> = O extends { requestBody: object } ? true : false;

type IsAllOptional<T> = object extends T ? true : false;

/** `{ key: T }` when `T` has required members, `{ key?: T }` when all are optional, none when never. */
type Slot<Key extends string, T, ForceRequired extends boolean = false> = [T] extends [never]
  ? { [K in Key]?: never }
  : ForceRequired extends true
    ? { [K in Key]: T }
    : IsAllOptional<T> extends true
      ? { [K in Key]?: T }
      : { [K in Key]: T };

type SuccessContent<R> = R extends { content: infer C }
  ? C extends { 'application/json': infer B }
    ? B
    : unknown
  : unknown;

/** The body of the operation's success response (200 or 201), `unknown` where the spec has none. */
export type ResponseOf<M extends Method, P extends PathFor<M>> =
  OperationOf<M, P> extends {
    responses: infer R;
  }
    ? R extends { 200: infer S }
      ? SuccessContent<S>
      : R extends { 201: infer S }
        ? SuccessContent<S>
        : unknown
    : unknown;

/** Options every call accepts. */
export interface CallOptions {
  /** Aborts the call, waits included. */
  signal?: AbortSignal;
  /** `interactive` (a live caller) goes before `normal`, which goes before `bulk` (backfills). */
  priority?: Priority;
  /** Per-call timeout; defaults to the client's `timeoutMs`. */
  timeoutMs?: number;
  /** The Location the call acts on, when neither the path, query nor body names it. */
  locationId?: string;
  /** Whose token to send for this call instead of the client's; `null` sends none. */
  auth?: AuthProvider | null;
}

/** Options of `request(method, path, options)` for one operation. */
export type RequestOptions<M extends Method, P extends PathFor<M>> = CallOptions &
  Slot<'path', ParamsOf<OperationOf<M, P>, 'path'>> &
  Slot<'query', ParamsOf<OperationOf<M, P>, 'query'>> &
  Slot<'body', BodyOf<OperationOf<M, P>>, BodyRequired<OperationOf<M, P>>>;

/** Options of the untyped escape hatch, for paths the spec lacks or types wrongly. */
export interface RawRequestOptions extends CallOptions {
  path?: Record<string, string | number>;
  query?: Record<string, unknown>;
  body?: unknown;
  /** How to encode `body`; defaults to the spec's, else JSON. */
  bodyType?: 'json' | 'form' | 'multipart';
}

/** True when an object type has no required keys (so its options argument may be omitted). */
export type OptionalArgs<T> = object extends T ? [options?: T] : [options: T];
