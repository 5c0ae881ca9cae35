/**
 * What a refused API call tells the workflow author. The wiring (a refused pull request creation
 * reaches explainApiFailure and fails the step with its text) is proven end to end by
 * __tests__/e2e/converge.test.ts ('creating the pull request: pull-requests: write').
 */
import { ApiError, explainApiFailure, PERMISSIONS } from '../../src/api-errors.js';

/** A failure as Octokit throws it: GitHub's message in the body, the documentation URL appended. */
function refused(status: number, message: string, doc = 'pulls/pulls#create-a-pull-request') {
  const documentation_url = `https://docs.github.com/rest/${doc}`;
  return {
    status,
    message: `${message} - ${documentation_url}`,
    response: { headers: {}, data: { message, documentation_url } }
  };
}

// Moved from __tests__/e2e/publishing.test.ts: GitHub's answer when the repository (or its
// organization) does not let the workflow token open pull requests.
test('a repository where Actions may not create pull requests gets the setting named', () => {
  const error = explainApiFailure(
    refused(403, 'GitHub Actions is not permitted to create or approve pull requests.'),
    'creating the pull request',
    PERMISSIONS.writePullRequests
  );
  expect(error).toBeInstanceOf(ApiError);
  expect((error as ApiError).status).toBe(403);
  expect(error.message).toMatch(
    /^GitHub refused creating the pull request: GitHub Actions is not permitted to create or approve pull requests in this repository\.\n.*'Allow GitHub Actions to create and approve pull requests'/s
  );
});

test('any other 403 names the permission the call needs and the classic scope', () => {
  const error = explainApiFailure(
    refused(403, 'Resource not accessible by integration'),
    'creating the pull request',
    PERMISSIONS.writePullRequests
  );
  expect(error.message).toMatch(
    /^GitHub refused creating the pull request \(403\): Resource not accessible by integration\n.*needs 'pull-requests: write'.*'permissions:'.*classic personal access token needs the scope 'repo' \('public_repo' is enough for a public repository\)/s
  );
});
