import type { Clock } from './clock.js';
import type {
  Method,
  OptionalArgs,
  PathFor,
  RawRequestOptions,
  RequestOptions,
  ResponseOf,
} from './types.js';

/**
 * What a resource (`hl.contacts`, `hl.calendars`, …) calls HighLevel through: the client's typed
 * and untyped requests and its clock. `HighLevel` implements it; resources depend on this
 * interface rather than on the class, so the client and its resources never import each other.
 *
 * @example
 * class Users extends Resource {
 *   get(userId: string) { return this.client.request('GET', '/users/{userId}', { path: { userId } }); }
 * }
 */
export interface OperationCaller {
  request<M extends Method, P extends PathFor<M>>(
    method: M,
    path: P,
    ...args: OptionalArgs<RequestOptions<M, P>>
  ): Promise<ResponseOf<M, P>>;
  raw<T = unknown>(method: string, path: string, options?: RawRequestOptions): Promise<T>;
  readonly clock: Clock;
}
