// A local stand-in for GitHub, for the end-to-end tests.
//
// One HTTPS server (default 127.0.0.1:443, reachable as github.com / api.github.com inside the
// namespace made by scripts/in-netns.mjs) that routes on the Host header:
//   api.github.com          REST at /, GraphQL at POST /graphql
//   github.com              git smart HTTP at /OWNER/REPO.git/... (".git" optional)
//   localhost, 127.0.0.1    GitHub Enterprise Server layout: REST under /api/v3, GraphQL at
//                           POST /api/graphql, git at /OWNER/REPO.git/...
// Git is served by the real `git http-backend` CGI over bare repositories in <dir>/repos, so
// clone/fetch/push (protocol v0 and v2) behave exactly as git does. Only registered tokens are
// accepted. The tests drive and inspect it in-process through the methods of `Emulator`.
//
// REST (below the API root): GET /, GET /user, GET /repos/:o/:r, POST /repos/:o/:r/forks,
// GET /repos/:o/:r/branches/:b,
// GET /repos/:o/:r/git/ref/:ref, POST /repos/:o/:r/git/refs, PATCH|DELETE /repos/:o/:r/git/refs/:ref,
// POST /repos/:o/:r/git/blobs, POST /repos/:o/:r/git/trees, POST /repos/:o/:r/git/commits
// (:ref is heads/BRANCH or tags/TAG; BRANCH may contain '/', sent as is or %2F-encoded),
// GET /repos/:o/:r/compare/BASE...HEAD, GET|POST /repos/:o/:r/pulls, GET|PATCH /repos/:o/:r/pulls/:n,
// GET|POST|DELETE /repos/:o/:r/pulls/:n/requested_reviewers, GET /repos/:o/:r/pulls/:n/reviews,
// GET|PATCH /repos/:o/:r/issues/:n,
// POST|DELETE /repos/:o/:r/issues/:n/assignees, POST /repos/:o/:r/issues/:n/labels,
// POST /repos/:o/:r/issues/:n/comments, GET /repos/:o/:r/milestones[/:n].
// GraphQL: query { viewer }; mutations enablePullRequestAutoMerge / disablePullRequestAutoMerge,
// createCommitOnBranch (its commits are recorded as signed by GitHub in `verifiedCommits`, as
// GitHub signs them, for any token; REST POST /git/commits only for a bot token without author or
// committer); its payload's ref and commit lead to the repository, refs and commits).
// Like GitHub, open pull requests follow their branches (head.sha), and deleting the head branch
// of an open pull request (over REST or git) closes it. Reviews may be requested only from
// collaborators and teams with access (createRepo's `collaborators`, `teams`; others: GitHub's
// 422), and only collaborators are assigned (others are left out silently). Every REST answer is
// recorded in the request log (`response`) so that tests can check it against GitHub's API
// description (test-support/openapi-check.ts), and the pull_request webhook events GitHub would
// send are counted in `events` (e.g. 'edited' for every write of a title, body or base).
//
// Forks: forkRepo() and POST /forks make a repository of its own whose objects are shared with
// its parent (each lists the other in objects/info/alternates, as GitHub keeps one store per fork
// network); GET /repos shows `fork`, `parent` and `source`; pull requests take a head from a fork
// (`owner:branch`, `head_repo`) and follow its branch. setRepoAccess() limits what a token may do
// in one repository: 'none' hides it (404), 'read' refuses git pushes (403 before any ref update)
// and writes (REST 403), as a fine-grained token's repository permissions do.
//
// Faults: failNext() answers the next matching request(s) with a given status, or drops the
// connection (`reset`, before serving or, with `after`, once the request has been served, e.g. a
// push applied); rateLimit() answers with GitHub's primary or secondary rate-limit responses.
// Every injected fault is marked in the request log (`injected`, `fault`). GitHub's secondary
// limits on content creation (80 content-generating requests a minute, 500 an hour, per user)
// and concurrency (100 in flight) are enforced on every request, with GitHub's 403 (`limitedBy`
// in the log); setSecondaryLimits() sets smaller numbers for a test.
// Push rules: setPushRules() makes receive-pack refuse pushes as GitHub does (protected branches,
// push protection, workflow files without the permission, a custom pre-receive hook), and files
// over 100 MB are always refused; the rules and GitHub's messages are in push-rules.ts.
//
// Git LFS (batch API, object store, verify, locks) lives in lfs-store.ts; requests for it are
// logged with kind 'lfs', and tests reach the store as `emulator.lfs`.
//
// The parts, each a class extending the one before it (state first, the admin API last):
//   types.ts            the shapes: tokens, repositories, the request log, faults, options
//   common.ts           constants and ids shared by the parts
//   state.ts            what the emulator knows, and the git plumbing that reads the repositories
//   http.ts             request/response helpers: auth, JSON answers, GitHub's error shapes
//   rest-json.ts        GitHub's JSON for users, repositories, labels, milestones, teams, refs
//   rest-json-pulls.ts  GitHub's JSON for issues, pull requests and commits
//   rest-pulls.ts       REST: listing, creating and updating pull requests
//   rest-issues.ts      REST: review requests, issue fields (labels, assignees, milestone, comments)
//   rest-git-objects.ts REST: blobs, trees and commits (signed only for bots without author/committer)
//   rest-git.ts         REST: refs and compare
//   rest-forks.ts       new repositories and forks, POST /forks
//   rest.ts             REST: the routes
//   graphql-query.ts    GraphQL documents (parsed by the `graphql` package) and projections
//   graphql-lib.ts      the `graphql` package, loaded on the first GraphQL request
//   loose-objects.ts    blobs, first commits, branch tips and object types written or read in process
//   graphql-objects.ts  GraphQL: users, pull requests, repositories, refs and commits as objects
//   graphql.ts          GraphQL: the request and its root fields (auto-merge, createCommitOnBranch)
//   git-http.ts         git smart HTTP through `git http-backend`, push rules
//   faults.ts           injected faults and rate limits
//   server.ts           the HTTPS server and the routing of every request
//   repo-admin.ts       test helpers: git hooks, direct git access, the request log queries
//   emulator.ts         the admin API (tokens, repositories, reviews), startEmulator, emulatorEnv

export { Emulator, emulatorEnv, startEmulator } from './emulator.js';
export type * from './types.js';
