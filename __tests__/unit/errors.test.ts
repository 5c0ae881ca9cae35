import { CommandError, describeError, InputError } from '../../src/errors.js';

test('errors read well', () => {
  expect(describeError(new InputError('repo', 'is bad', 'Fix it.'))).toBe("Input 'repo': is bad\nFix it.");
  expect(describeError(new Error('boom'))).toBe('Unexpected error: boom');
  expect(new CommandError('git push', 1, 'a\nb\n').message).toBe("'git push' failed with exit code 1:\na\nb");
});
