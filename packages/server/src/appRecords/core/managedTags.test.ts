import { describe, expect, it } from 'vitest';
import { appliedDuringAdd, managedTagDiff } from './managedTags.js';

describe('managedTagDiff', () => {
  it("adds the app's tags and removes a managed tag it dropped, never staff's own", () => {
    const diff = managedTagDiff(['gold'], ['silver'], ['silver', 'staff-pick']);
    expect(diff).toEqual({ add: ['gold'], remove: ['silver'], nextApplied: ['gold'] });
  });

  it('never claims or removes a tag staff had set before the app sent it', () => {
    const diff = managedTagDiff(['vip'], [], ['vip']);
    expect(diff).toEqual({ add: [], remove: [], nextApplied: [] });
    expect(managedTagDiff([], diff!.nextApplied, ['vip'])).toEqual({
      add: [],
      remove: [],
      nextApplied: [],
    });
  });

  it('removes every managed tag when the app sends none, and only those', () => {
    expect(managedTagDiff([], ['gold', 'silver'], ['gold', 'silver', 'staff-pick'])).toEqual({
      add: [],
      remove: ['gold', 'silver'],
      nextApplied: [],
    });
  });

  it('leaves the tags alone when the version sent no tags', () => {
    expect(managedTagDiff(undefined, ['gold'], ['gold'])).toBeUndefined();
  });

  it('reads tags as HighLevel stores them: trimmed and lower-case', () => {
    expect(managedTagDiff([' Gold '], [], ['gold'])).toEqual({
      add: [],
      remove: [],
      nextApplied: [],
    });
  });
});

describe('appliedDuringAdd', () => {
  it('counts the tags being added and those still to be removed as ours', () => {
    expect(appliedDuringAdd({ add: ['gold'], remove: ['silver'], nextApplied: ['gold'] })).toEqual([
      'gold',
      'silver',
    ]);
  });
});
