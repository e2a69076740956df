import type { Paths } from '../generated/index.js';
import type { CallOptions } from '../types.js';
import { paginate } from './paginate.js';
import { Resource, type UserSchemas } from './resource.js';

export type User = UserSchemas['UserSchema'];

type SpecSearchQuery = Paths['/users/search']['get']['parameters']['query'];
/** `GET /users/search` parameters; `skip` and `limit` are numbers here, strings in the spec. */
export type UserSearchParams = Omit<SpecSearchQuery, 'skip' | 'limit'> & {
  skip?: number;
  /** Default 25. */
  limit?: number;
};

export interface UserSearchPage {
  users: User[];
  /** How many users match in all, when HighLevel says. */
  count: number | undefined;
}

/** HighLevel's default page size for user search. */
const DEFAULT_LIMIT = 25;

/** Users (staff) of an agency and its Locations (`apps/users.json`, Version 2021-07-28). */
export class Users extends Resource {
  /**
   * One page of users. `companyId` is required even for a Location token.
   *
   * @example const { users } = await hl.users.search({ companyId, locationId, query: 'ada' });
   */
  async search(params: UserSearchParams, options: CallOptions = {}): Promise<UserSearchPage> {
    const { skip, limit, ...rest } = params;
    const res = await this.client.request('GET', '/users/search', {
      ...options,
      query: {
        ...rest,
        skip: skip === undefined ? undefined : String(skip),
        limit: limit === undefined ? undefined : String(limit),
      },
    });
    return { users: res.users ?? [], count: res.count };
  }

  /**
   * Every user matching `params`, page after page (`skip` advanced by each page's length).
   *
   * @example for await (const user of hl.users.searchAll({ companyId, locationId })) console.log(user.email);
   */
  searchAll(
    params: Omit<UserSearchParams, 'skip'>,
    options: CallOptions = {},
  ): AsyncGenerator<User> {
    const limit = params.limit ?? DEFAULT_LIMIT;
    return paginate(
      (skip: number | undefined) => this.search({ ...params, limit, skip: skip ?? 0 }, options),
      ({ users, count }, skip = 0) => {
        const seen = skip + users.length;
        const last = users.length < limit || (count !== undefined && seen >= count);
        return { items: users, next: last ? undefined : seen };
      },
    );
  }

  /** @example const { name, email } = await hl.users.get(userId); */
  get(userId: string, options: CallOptions = {}): Promise<User> {
    return this.client.request('GET', '/users/{userId}', { ...options, path: { userId } });
  }
}
