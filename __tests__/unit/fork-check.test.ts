import { forkRelation } from '../../src/fork-check.js';

describe('forkRelation', () => {
  const target = { fullName: 'Octo-Org/app', parent: undefined };

  test('a fork of the target, whatever the case of the names', () => {
    expect(forkRelation({ fullName: 'bot/app', parent: 'octo-org/App' }, target)).toBe('fork');
  });

  test('a fork of the same parent is a sibling', () => {
    const forkedTarget = { fullName: 'team/app', parent: 'upstream/app' };
    expect(forkRelation({ fullName: 'bot/app', parent: 'Upstream/app' }, forkedTarget)).toBe('sibling');
  });

  test('no fork, a fork of something else, or two repositories without parents are unrelated', () => {
    expect(forkRelation({ fullName: 'bot/app', parent: undefined }, target)).toBe('unrelated');
    expect(forkRelation({ fullName: 'bot/app', parent: 'else/app' }, target)).toBe('unrelated');
    expect(
      forkRelation({ fullName: 'bot/app', parent: 'else/app' }, { ...target, parent: 'other/app' })
    ).toBe('unrelated');
    // The target's own parent is not a fork's relation to it.
    expect(forkRelation({ fullName: 'bot/app', parent: undefined }, { ...target, parent: 'bot/app' })).toBe(
      'unrelated'
    );
  });
});
