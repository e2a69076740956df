import { describe, expect, it } from 'vitest';
import { addFollowers, removeFollowers } from './followers.js';

describe('followers', () => {
  it('appends only the users not already following, once each', () => {
    expect(addFollowers(['u1'], ['u1', 'u2', 'u2', 'u3'])).toEqual({
      followers: ['u1', 'u2', 'u3'],
      followersAdded: ['u2', 'u3'],
    });
  });

  it('removes the named users and reports only those who were following', () => {
    expect(removeFollowers(['u1', 'u2', 'u3'], ['u3', 'u9', 'u1'])).toEqual({
      followers: ['u2'],
      followersRemoved: ['u1', 'u3'],
    });
  });
});
