export const id = 502;
export const ids = [502,935];
export const modules = {

/***/ 3502:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitHubClient: () => (/* binding */ GitHubClient)
});

// EXTERNAL MODULE: ./src/workflow-commands.ts
var workflow_commands = __webpack_require__(6137);
// EXTERNAL MODULE: ./node_modules/bottleneck/lib/index.js
var lib = __webpack_require__(2203);
var lib_default = /*#__PURE__*/__webpack_require__.n(lib);
// EXTERNAL MODULE: ./src/api-errors.ts
var api_errors = __webpack_require__(5451);
// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/github-git-data.ts

/**
 * The REST Git Data calls (`github.gitData.*`): blobs, trees and commits. Each one counts toward
 * GitHub's secondary limit on content-creating requests; the client waits that limit out.
 */
class GitDataApi {
    api;
    constructor(api) {
        this.api = api;
    }
    get where() {
        return { owner: this.api.owner, repo: this.api.repo };
    }
    /** Uploads one blob; returns the sha GitHub computed. */
    async createBlob(base64, path) {
        const { data } = await this.api.call(`uploading '${path}' as a blob`, api_errors/* PERMISSIONS */.Jj.writeContents, () => this.api.octokit.request('POST /repos/{owner}/{repo}/git/blobs', {
            ...this.where,
            content: base64,
            encoding: 'base64'
        }));
        return data.sha;
    }
    /** `entries` applied onto `baseTree`; returns the new tree's sha. */
    async createTree(baseTree, entries) {
        const { data } = await this.api.call('creating a tree', api_errors/* PERMISSIONS */.Jj.writeContents, () => this.api.octokit.request('POST /repos/{owner}/{repo}/git/trees', {
            ...this.where,
            base_tree: baseTree,
            tree: entries
        }));
        return data.sha;
    }
    /** A commit without author and committer, so that GitHub may sign it. */
    async createCommit(body) {
        const { data } = await this.api.call('creating a commit', api_errors/* PERMISSIONS */.Jj.writeContents, () => this.api.octokit.request('POST /repos/{owner}/{repo}/git/commits', { ...this.where, ...body }));
        return { sha: data.sha, verified: data.verification.verified, reason: data.verification.reason };
    }
}

;// CONCATENATED MODULE: ./src/pull-request-data.ts
/** A pull request as a publish reads it, from GitHub's JSON (full, or as a list shows it). */
function toPullRequest(data) {
    return {
        number: data.number,
        nodeId: data.node_id,
        url: data.html_url,
        title: data.title,
        body: data.body ?? '',
        draft: data.draft ?? false,
        author: data.user?.login ?? '',
        labels: (data.labels ?? []).map((label) => label.name ?? '').filter((name) => name !== ''),
        reviewers: (data.requested_reviewers ?? []).map((user) => user.login),
        teamReviewers: (data.requested_teams ?? []).map((team) => team.slug),
        assignees: (data.assignees ?? []).map((user) => user.login),
        milestone: data.milestone?.number,
        autoMerge: data.auto_merge?.merge_method
    };
}

;// CONCATENATED MODULE: ./src/github-pulls.ts


/** The REST and GraphQL calls on pull requests: `github.pulls.create(...)` and so on. */
class PullRequestApi {
    api;
    owner;
    repo;
    octokit;
    constructor(api) {
        this.api = api;
        this.owner = api.owner;
        this.repo = api.repo;
        this.octokit = api.octokit;
    }
    async find(branch, base, fork) {
        return (await this.lookUp(branch, base, fork)).pullRequest;
    }
    /**
     * The open pull request from `branch` (of `fork`, when given) into `base`, with the token facts
     * its answer's headers carry.
     */
    async lookUp(branch, base, fork) {
        try {
            const { data, headers } = await this.octokit.request('GET /repos/{owner}/{repo}/pulls', {
                owner: this.owner,
                repo: this.repo,
                state: 'open',
                head: `${fork?.owner ?? this.owner}:${branch}`,
                base,
                per_page: 1
            });
            return {
                pullRequest: data[0] ? toPullRequest(data[0]) : undefined,
                scopesHeader: (0,api_errors/* header */.wx)(headers, 'x-oauth-scopes'),
                expirationHeader: (0,api_errors/* header */.wx)(headers, 'github-authentication-token-expiration')
            };
        }
        catch (error) {
            if ((0,api_errors/* isHttpFailure */.zV)(error) && error.status === 404)
                throw this.api.notFound(error);
            throw this.api.failure(error, 'looking for an open pull request', api_errors/* PERMISSIONS */.Jj.readPullRequests);
        }
    }
    async create(fields) {
        const fork = fields.fork;
        try {
            const { data } = await this.octokit.request('POST /repos/{owner}/{repo}/pulls', {
                owner: this.owner,
                repo: this.repo,
                // From a fork: `owner:branch`, and the fork by name (required when both have one owner).
                head: fork ? `${fork.owner}:${fields.branch}` : fields.branch,
                ...(fork ? { head_repo: `${fork.owner}/${fork.repo}` } : {}),
                base: fields.base,
                title: fields.title,
                body: fields.body,
                draft: fields.draft,
                maintainer_can_modify: fields.maintainerCanModify
            });
            return { pullRequest: toPullRequest(data), created: true };
        }
        catch (error) {
            // Another run created it first (or a retried request already did): use that one.
            if ((0,api_errors/* isHttpFailure */.zV)(error) &&
                error.status === 422 &&
                /already exists/i.test(JSON.stringify(error.response?.data ?? error.message))) {
                const existing = await this.find(fields.branch, fields.base, fork);
                if (existing)
                    return { pullRequest: existing, created: false };
            }
            throw this.api.failure(error, 'creating the pull request', api_errors/* PERMISSIONS */.Jj.writePullRequests);
        }
    }
    async update(number, fields) {
        const doing = fields.state === 'closed' ? `closing pull request #${number}` : `updating pull request #${number}`;
        return this.api.call(doing, api_errors/* PERMISSIONS */.Jj.writePullRequests, async () => {
            const { data } = await this.octokit.request('PATCH /repos/{owner}/{repo}/pulls/{pull_number}', {
                owner: this.owner,
                repo: this.repo,
                pull_number: number,
                ...fields
            });
            return toPullRequest(data);
        });
    }
    /** Logins of the users who have reviewed the pull request (GitHub drops them from the requested reviewers). */
    async listReviewers(number) {
        return this.api.call(`reading the reviews of pull request #${number}`, api_errors/* PERMISSIONS */.Jj.readPullRequests, async () => {
            const reviews = await this.octokit.paginate('GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews', {
                owner: this.owner,
                repo: this.repo,
                pull_number: number,
                per_page: 100
            });
            return [
                ...new Set(reviews
                    .map((review) => review.user?.login)
                    .filter((login) => typeof login === 'string'))
            ];
        });
    }
    async comment(number, body) {
        // Comments on a pull request are issue comments: issues: write, or pull-requests: write.
        await this.api.call(`commenting on pull request #${number}`, api_errors/* PERMISSIONS */.Jj.writePullRequests, () => this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/comments', {
            owner: this.owner,
            repo: this.repo,
            issue_number: number,
            body
        }));
    }
    async requestReviewers(number, reviewers, teamReviewers) {
        await this.api.call(`requesting reviews on pull request #${number}`, api_errors/* PERMISSIONS */.Jj.writePullRequests, () => this.octokit.request('POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', {
            owner: this.owner,
            repo: this.repo,
            pull_number: number,
            reviewers,
            team_reviewers: teamReviewers
        }));
    }
    /** Returns who is assigned afterwards: GitHub silently leaves out users who cannot be assigned. */
    async addAssignees(number, assignees) {
        return this.api.call(`assigning pull request #${number}`, api_errors/* PERMISSIONS */.Jj.writeIssues, async () => {
            const { data } = await this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/assignees', {
                owner: this.owner,
                repo: this.repo,
                issue_number: number,
                assignees
            });
            return (data.assignees ?? []).map((user) => user.login);
        });
    }
    async setMilestone(number, milestone) {
        await this.api.call(`setting milestone ${milestone} on pull request #${number}`, api_errors/* PERMISSIONS */.Jj.writeIssues, () => this.octokit.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
            owner: this.owner,
            repo: this.repo,
            issue_number: number,
            milestone
        }));
    }
    /** Returns undefined on success, or GitHub's reason when auto-merge cannot be turned on. */
    async enableAutoMerge(pullRequestId, method) {
        try {
            await this.octokit.graphql(`mutation EnableAutoMerge($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
          enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod }) { pullRequest { number } }
        }`, { pullRequestId, mergeMethod: method.toUpperCase() });
            return undefined;
        }
        catch (error) {
            const errors = error.errors;
            if (errors?.length)
                return errors.map((e) => e.message ?? '').join('; ');
            throw this.api.failure(error, 'enabling auto-merge', api_errors/* PERMISSIONS */.Jj.autoMerge);
        }
    }
    async addLabels(number, labels) {
        await this.api.call(`adding labels to pull request #${number}`, api_errors/* PERMISSIONS */.Jj.writeIssues, () => this.octokit.request('POST /repos/{owner}/{repo}/issues/{issue_number}/labels', {
            owner: this.owner,
            repo: this.repo,
            issue_number: number,
            labels
        }));
    }
}

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(4730);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var dist_bundle = __webpack_require__(3779);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var plugin_retry_dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./src/https-fetch.ts
var https_fetch = __webpack_require__(7935);
;// CONCATENATED MODULE: ./src/octokit.ts





/**
 * Octokit as @actions/github's getOctokit builds it (pagination, `token` auth, the runner's
 * orchestration id in the user agent), with retries and rate limits, but without the REST
 * endpoint methods: the calls name their routes (`request('GET /repos/{owner}/{repo}', ...)`,
 * typed all the same), and the methods' table of every endpoint was a third of the client's code.
 * @actions/github sends every request through the undici package, loaded from the bundle (most
 * of the action's code, a fifth of a second before the first API request), only so that a
 * proxy is honoured: without proxy variables a fetch on node:https does the same work (not
 * Node's own fetch, which is undici again: src/https-fetch.ts). With one set, the client is
 * @actions/github's, as before.
 */
const ActionOctokit = dist_src/* Octokit */.E.plugin(dist_bundle/* paginateRest */.ud, plugin_retry_dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
/** The user agent @actions/github gives when the runner names its orchestration; else undefined. */
function orchestrationUserAgent(env) {
    const id = env.ACTIONS_ORCHESTRATION_ID?.trim();
    return id ? `actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : undefined;
}
/** A function that makes the API client, loaded for the runner's network (see above). */
async function octokitMaker(token) {
    if ((0,https_fetch.proxyConfigured)(process.env)) {
        const { getOctokit } = await __webpack_require__.e(/* import() */ 64).then(__webpack_require__.bind(__webpack_require__, 6064));
        // getOctokit's type leaves out the plugins it is given; the instance has them.
        return (options) => getOctokit(token, options, plugin_retry_dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
    }
    const userAgent = orchestrationUserAgent(process.env);
    // fetch's part that Octokit uses, on node:https rather than undici (src/https-fetch.ts).
    const fetch = https_fetch.httpsFetch;
    return (options) => new ActionOctokit({
        ...options,
        request: { ...options.request, fetch },
        auth: `token ${token}`,
        ...(userAgent ? { userAgent } : {})
    });
}

// EXTERNAL MODULE: external "node:timers/promises"
var promises_ = __webpack_require__(8500);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/request-pace.ts



/**
 * GitHub's secondary rate limits on content creation, per user or installation: "no more than 80
 * content-generating requests per minute and no more than 500 content-generating requests per
 * hour" (docs.github.com, "Rate limits for the REST API", About secondary rate limits; the GraphQL
 * page says the same, the limits are shared).
 */
const GITHUB_CONTENT_LIMITS = [
    { count: 80, windowMs: 60_000 },
    { count: 500, windowMs: 3_600_000 }
];
/**
 * Whether a request creates content in GitHub's sense: a write to a REST route that GitHub's API
 * description flags as triggering notifications (its docs say "Creating content too quickly using
 * this endpoint may result in secondary rate limiting"; plugin-throttling carries that list), or
 * a GraphQL mutation (content limits "include ... the GraphQL API"; which mutations GitHub counts
 * is not published, so all of them do).
 */
function isContentGenerating(request) {
    const pathname = new URL(request.url, 'https://api.github.invalid').pathname;
    if (/\/graphql$/.test(pathname))
        return typeof request.query === 'string' && /^\s*mutation\b/.test(stripComments(request.query));
    const method = request.method.toUpperCase();
    return method !== 'GET' && method !== 'HEAD' && plugin_throttling_dist_bundle/* throttling */.A.triggersNotification(pathname);
}
function stripComments(document) {
    return document.replace(/#[^\n]*/g, '');
}
/**
 * The earliest time, at or after `now`, at which one more content-generating request keeps every
 * window within its count, given when the earlier ones finished (ascending, milliseconds). Under
 * the limits that is `now`: no fixed wait between requests.
 */
function nextStart(finished, now, limits) {
    let start = now;
    for (const { count, windowMs } of limits) {
        // With the count-th latest out of the window, at most count - 1 remain in it.
        if (count > 0 && finished.length >= count)
            start = Math.max(start, finished[finished.length - count] + windowMs);
    }
    return start;
}
/**
 * The content-generating requests of one token on one host: one at a time (GitHub asks for them
 * serially), each started only when `nextStart` allows. A request counts from when its answer
 * came back, which is never earlier than GitHub saw it, so GitHub's own count is never ahead of
 * ours. A rate-limit wait and retry (plugin-throttling, inside `request`) keeps the turn: the
 * requests behind it would be refused too.
 */
class ContentPace {
    limits;
    clock;
    finished = [];
    queue = Promise.resolve();
    constructor(limits = GITHUB_CONTENT_LIMITS, clock = {
        now: Date.now,
        sleep: promises_.setTimeout
    }) {
        this.limits = limits;
        this.clock = clock;
    }
    run(request, onWait = () => { }) {
        const turn = this.queue.then(async () => {
            const wait = nextStart(this.finished, this.clock.now(), this.limits) - this.clock.now();
            if (wait > 0) {
                onWait(wait);
                await this.clock.sleep(wait);
            }
            try {
                return await request();
            }
            finally {
                this.record(this.clock.now());
            }
        });
        this.queue = turn.catch(() => undefined);
        return turn;
    }
    record(time) {
        this.finished.push(time);
        const longest = Math.max(...this.limits.map((limit) => limit.windowMs));
        while (this.finished.length > 0 && this.finished[0] <= time - longest)
            this.finished.shift();
    }
}
/** One pace per token and API host, for the whole process: a `sessions` step's publishes share it. */
const PACES = new Map();
/**
 * Puts the content-generating requests of `octokit` (POST /pulls, comments, review requests,
 * GraphQL mutations) through the pace of its token on its host. The hook wraps plugin-throttling's,
 * so a rate-limit wait and retry keeps the turn.
 */
function paceContentRequests(octokit, apiUrl, token, log) {
    const key = `${apiUrl}\n${(0,external_node_crypto_.createHash)('sha256').update(token).digest('hex')}`;
    let pace = PACES.get(key);
    if (!pace) {
        pace = new ContentPace();
        PACES.set(key, pace);
    }
    const shared = pace;
    octokit.hook.wrap('request', async (request, options) => isContentGenerating(options)
        ? shared.run(async () => request(options), (ms) => log(`GitHub allows one token 80 content-creating requests a minute and 500 an hour: waiting ${Math.ceil(ms / 1000)} s before ${options.method} ${options.url}.`))
        : request(options));
}

// EXTERNAL MODULE: ./src/token-facts.ts
var token_facts = __webpack_require__(7772);
;// CONCATENATED MODULE: ./src/github.ts









/** How many times a request is retried after a rate limit asked it to wait. */
const RATE_LIMIT_RETRIES = 3;
/**
 * The few REST and GraphQL calls the action makes, through Octokit with the runner's API URL.
 * Server errors and dropped connections are retried (plugin-retry); rate limits are waited out
 * (plugin-throttling) unless GitHub asks for a wait longer than `max-wait`.
 */
class GitHubClient {
    owner;
    repo;
    maxWaitSeconds;
    /** For the endpoint groups (src/github-pulls.ts), which share this client's limits and errors. */
    octokit;
    /** Set when a rate limit asked for a longer wait than allowed; the failure it causes says so. */
    refusedWait;
    /** The pull request calls: opening, updating, and the extras a publish writes. */
    pulls;
    /** The REST Git Data calls (blobs, trees, commits) of signed commits with modes. */
    gitData;
    /** The client for the repository `owner/repo`; `maxWaitSeconds` is `max-wait`. */
    static async open(token, apiUrl, repository, maxWaitSeconds = 120) {
        const makeOctokit = await octokitMaker(token);
        return new GitHubClient(token, apiUrl, repository.owner, repository.repo, maxWaitSeconds, makeOctokit);
    }
    constructor(token, apiUrl, owner, repo, maxWaitSeconds, makeOctokit) {
        this.owner = owner;
        this.repo = repo;
        this.maxWaitSeconds = maxWaitSeconds;
        const onLimit = (kind) => (retryAfter, options, _octokit, retryCount) => {
            if (retryAfter > this.maxWaitSeconds) {
                this.refusedWait = { kind, seconds: retryAfter };
                return false;
            }
            if (retryCount >= RATE_LIMIT_RETRIES)
                return false;
            workflow_commands/* info */.pq(`GitHub's ${kind} rate limit: waiting ${retryAfter} s before retrying ${options.method} ${options.url}.`);
            return true;
        };
        this.octokit = makeOctokit({
            baseUrl: apiUrl,
            throttle: {
                onRateLimit: onLimit('primary'),
                onSecondaryRateLimit: onLimit('secondary'),
                // The plugin spaces writes a second apart, and requests that notify people three
                // seconds apart, by default. GitHub enforces neither (its "wait a second" is advice);
                // what it enforces on content creation is paced below, and a secondary limit, if
                // GitHub sends one anyway, is waited out.
                write: new (lib_default()).Group({ maxConcurrent: 1, minTime: 0 }),
                notifications: new (lib_default()).Group({ maxConcurrent: 1, minTime: 0 })
            },
            retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451] }
        });
        // Content-generating requests go one at a time per token, within GitHub's limits.
        paceContentRequests(this.octokit, apiUrl, token, (line) => workflow_commands/* info */.pq(line));
        this.pulls = new PullRequestApi(this);
        this.gitData = new GitDataApi(this);
    }
    /** Turns a failed call into the error to report, naming a refused rate-limit wait when there was one. */
    failure(error, doing, permission) {
        if (this.refusedWait) {
            const { kind, seconds } = this.refusedWait;
            return new src_errors/* ActionError */.lZ(`GitHub's ${kind} rate limit asked to wait ${seconds} s while ${doing}, longer than 'max-wait' (${this.maxWaitSeconds} s).`, "Run again later, raise 'max-wait', or use a token with its own rate limit (a GitHub App installation token).");
        }
        return (0,api_errors/* explainApiFailure */.Gp)(error, doing, permission);
    }
    /** One API call: a failure becomes an error that says what was being done and, on a 403, which permission it needs. */
    async call(doing, permission, request) {
        try {
            return await request();
        }
        catch (error) {
            throw this.failure(error, doing, permission);
        }
    }
    /**
     * One request that tells us the default branch and visibility, and, from the response headers,
     * the token's scopes and expiry. On 404 the scope header still explains a missing `repo` scope.
     */
    async inspectRepository() {
        try {
            const { data, headers } = await this.octokit.request('GET /repos/{owner}/{repo}', {
                owner: this.owner,
                repo: this.repo
            });
            return {
                defaultBranch: data.default_branch,
                isPrivate: data.private,
                scopesHeader: (0,api_errors/* header */.wx)(headers, 'x-oauth-scopes'),
                expirationHeader: (0,api_errors/* header */.wx)(headers, 'github-authentication-token-expiration')
            };
        }
        catch (error) {
            if ((0,api_errors/* isHttpFailure */.zV)(error) && error.status === 404)
                throw this.notFound(error);
            throw this.failure(error, `reading repository ${this.owner}/${this.repo}`, api_errors/* PERMISSIONS */.Jj.metadata);
        }
    }
    /** A 404 for the repository: on a classic token, a missing `repo` scope is the likely cause. */
    notFound(error) {
        const scopesHeader = (0,api_errors/* header */.wx)(error.response?.headers, 'x-oauth-scopes');
        const scopes = (0,token_facts/* parseScopes */.F)(scopesHeader);
        return new src_errors/* ActionError */.lZ(`Repository '${this.owner}/${this.repo}' was not found, or the token cannot see it.`, scopes !== null && !scopes.includes('repo')
            ? `The token's scopes (${scopesHeader || 'none'}) lack 'repo', which private repositories need.`
            : "Check the 'repo' input and that the token has access to this repository (a GitHub App or fine-grained token must be granted this repository; private repositories need 'metadata: read').");
    }
    /**
     * Whether commit `sha` is on `branch` (reachable from its tip). Only for what git cannot tell
     * apart without the branch's whole history; the answer's commit list is not read.
     */
    async isOnBranch(branch, sha) {
        try {
            const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/compare/{basehead}', {
                owner: this.owner,
                repo: this.repo,
                basehead: `${branch}...${sha}`
            });
            return data.ahead_by === 0;
        }
        catch (error) {
            // 404: no common history at all.
            if ((0,api_errors/* isHttpFailure */.zV)(error) && error.status === 404)
                return false;
            throw this.failure(error, `comparing ${sha.slice(0, 12)} with '${branch}'`, api_errors/* PERMISSIONS */.Jj.readContents);
        }
    }
    /** The commit `branch` points at, or undefined when GitHub has no such branch (or repository). */
    async branchTip(branch) {
        try {
            const { data } = await this.octokit.request('GET /repos/{owner}/{repo}/git/ref/{ref}', {
                owner: this.owner,
                repo: this.repo,
                ref: `heads/${branch}`
            });
            return data.object.sha;
        }
        catch (error) {
            if ((0,api_errors/* isHttpFailure */.zV)(error) && error.status === 404)
                return undefined;
            throw this.failure(error, `reading branch '${branch}'`, api_errors/* PERMISSIONS */.Jj.readContents);
        }
    }
    async deleteBranch(branch) {
        await this.call(`deleting branch '${branch}'`, api_errors/* PERMISSIONS */.Jj.writeContents, () => this.octokit.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
            owner: this.owner,
            repo: this.repo,
            ref: `heads/${branch}`
        }));
    }
    async createBranch(branch, sha) {
        await this.call(`creating branch '${branch}'`, api_errors/* PERMISSIONS */.Jj.writeBranch, () => this.octokit.request('POST /repos/{owner}/{repo}/git/refs', {
            owner: this.owner,
            repo: this.repo,
            ref: `refs/heads/${branch}`,
            sha
        }));
    }
    /**
     * One commit through GraphQL createCommitOnBranch, which GitHub signs. `expectedHeadOid` is the
     * lease: GitHub refuses the commit when the branch moved. Returns the new commit's id and
     * whether GitHub signed it.
     */
    async createSignedCommit(fields) {
        try {
            const result = await this.octokit.graphql(`mutation CreateSignedCommit($input: CreateCommitOnBranchInput!) {
          createCommitOnBranch(input: $input) { commit { oid signature { isValid } } }
        }`, {
                input: {
                    branch: { repositoryNameWithOwner: `${this.owner}/${this.repo}`, branchName: fields.branch },
                    expectedHeadOid: fields.expectedHeadOid,
                    message: { headline: fields.headline, ...(fields.body ? { body: fields.body } : {}) },
                    fileChanges: { additions: fields.additions, deletions: fields.deletions }
                }
            });
            const { oid, signature } = result.createCommitOnBranch.commit;
            return { oid, verified: signature?.isValid === true };
        }
        catch (error) {
            const errors = error.errors;
            if (errors?.length)
                throw new src_errors/* ActionError */.lZ(`GitHub refused a signed commit on '${fields.branch}': ${errors.map((e) => e.message).join('; ')}`);
            throw this.failure(error, `creating a signed commit on '${fields.branch}'`, api_errors/* PERMISSIONS */.Jj.writeBranch);
        }
    }
}


/***/ }),

/***/ 7935:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   httpsFetch: () => (/* binding */ httpsFetch),
/* harmony export */   proxyConfigured: () => (/* binding */ proxyConfigured)
/* harmony export */ });
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4708);
/* harmony import */ var node_https__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_https__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);



/**
 * The part of `fetch` that @octokit/request uses (method, headers, a string or byte body, the
 * status, headers and body of the answer, redirects followed), on node:https. Node's own fetch
 * is undici: loading it and its WHATWG streams costs about a tenth of a CPU-second per run of
 * three requests more than node:https does, on the critical path of the last request. Kept to
 * fetch's behaviour where the API client can see it: redirects followed (GET after a 303, or a
 * 301/302 of a POST), the Authorization header dropped on a redirect to another origin, a
 * network failure as a TypeError whose `cause` is the socket's error, compressed answers
 * decoded, and undici's waits: ten seconds to connect, five minutes for an answer, four seconds
 * before an idle kept-alive connection is closed (a NAT may drop it silently while a `run`
 * script works). Unlike fetch, an answer is capped at 64 MiB (GitHub's API sends far less).
 */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
/**
 * Whether the runner sends HTTP through a proxy (@actions/http-client's variables). This fetch
 * knows no proxy: with one, callers use a proxy-aware client instead.
 */
function proxyConfigured(env) {
    return PROXY_VARIABLES.some((name) => (env[name] ?? '') !== '');
}
/** The headers of an answer, as fetch's Headers gives them: lower-case names, repeats joined. */
class AnswerHeaders {
    map = new Map();
    constructor(raw) {
        for (let i = 0; i + 1 < raw.length; i += 2) {
            const name = raw[i].toLowerCase();
            const seen = this.map.get(name);
            this.map.set(name, seen === undefined ? raw[i + 1] : `${seen}, ${raw[i + 1]}`);
        }
    }
    get(name) {
        return this.map.get(name.toLowerCase()) ?? null;
    }
    has(name) {
        return this.map.has(name.toLowerCase());
    }
    [Symbol.iterator]() {
        return [...this.map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))[Symbol.iterator]();
    }
}
class Answer {
    status;
    statusText;
    url;
    headers;
    bytes;
    ok;
    constructor(status, statusText, url, headers, bytes) {
        this.status = status;
        this.statusText = statusText;
        this.url = url;
        this.headers = headers;
        this.bytes = bytes;
        this.ok = status >= 200 && status < 300;
    }
    /** Read only when a caller asks for the raw body (parseSuccessResponseBody: false): not this action. */
    get body() {
        return null;
    }
    text() {
        return Promise.resolve(this.bytes.toString('utf8'));
    }
    async json() {
        return JSON.parse(await this.text());
    }
    arrayBuffer() {
        const copy = new Uint8Array(this.bytes.length);
        copy.set(this.bytes);
        return Promise.resolve(copy.buffer);
    }
}
/** undici's keepAliveTimeout: an idle pooled connection is closed after it. */
const IDLE_TIMEOUT_MS = 4_000;
const agents = {
    'https:': new node_https__WEBPACK_IMPORTED_MODULE_1__.Agent({ keepAlive: true, timeout: IDLE_TIMEOUT_MS }),
    'http:': new node_http__WEBPACK_IMPORTED_MODULE_0__.Agent({ keepAlive: true, timeout: IDLE_TIMEOUT_MS })
};
/** undici's connect timeout. */
const CONNECT_TIMEOUT_MS = 10_000;
/** undici's headersTimeout and bodyTimeout: how long fetch waits for an answer. */
const ANSWER_TIMEOUT_MS = 300_000;
/** The most of an answer's body (and of its decoded form) read into memory. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const MAX_REDIRECTS = 20;
/** A constant: action-contract.test.ts takes a quoted name read with get() in src/ for an input. */
const LOCATION = 'location';
function bodyBytes(body) {
    if (body === null || body === undefined)
        return undefined;
    if (typeof body === 'string')
        return Buffer.from(body);
    if (body instanceof ArrayBuffer)
        return Buffer.from(body);
    if (body instanceof Uint8Array)
        return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    throw new TypeError('httpsFetch: only string and byte bodies are supported');
}
/** The body with its content codings undone, last applied first; an unknown coding stays as it is. */
function decode(bytes, encoding) {
    const limit = { maxOutputLength: MAX_BODY_BYTES };
    const codings = (encoding ?? '').split(',').map((coding) => coding.trim().toLowerCase());
    let decoded = bytes;
    for (const coding of codings.filter(Boolean).reverse()) {
        if (coding === 'gzip' || coding === 'x-gzip')
            decoded = node_zlib__WEBPACK_IMPORTED_MODULE_2__.gunzipSync(decoded, limit);
        else if (coding === 'deflate')
            decoded = node_zlib__WEBPACK_IMPORTED_MODULE_2__.inflateSync(decoded, limit);
        else if (coding === 'br')
            decoded = node_zlib__WEBPACK_IMPORTED_MODULE_2__.brotliDecompressSync(decoded, limit);
        else
            return decoded;
    }
    return decoded;
}
/** Whether an answer has a body to decode (fetch gives none for HEAD, 204 and 304). */
const hasBody = (method, status, bytes) => bytes.length > 0 && method !== 'HEAD' && status !== 204 && status !== 304;
function once(url, method, headers, body, signal) {
    return new Promise((resolve, reject) => {
        const failed = (error) => reject(error.name === 'AbortError' ? error : new TypeError('fetch failed', { cause: error }));
        if (signal?.aborted)
            return failed(new DOMException('This operation was aborted', 'AbortError'));
        const client = url.protocol === 'http:' ? node_http__WEBPACK_IMPORTED_MODULE_0__ : node_https__WEBPACK_IMPORTED_MODULE_1__;
        const agent = url.protocol === 'http:' ? agents['http:'] : agents['https:'];
        const request = client.request(url, {
            method,
            agent,
            headers: body === undefined ? headers : { ...headers, 'content-length': String(body.length) }
        }, (answer) => {
            const chunks = [];
            let size = 0;
            answer.on('data', (chunk) => {
                size += chunk.length;
                if (size > MAX_BODY_BYTES)
                    request.destroy(new Error('answer larger than 64 MiB'));
                else
                    chunks.push(chunk);
            });
            answer.on('error', failed);
            answer.on('end', () => {
                try {
                    const status = answer.statusCode ?? 0;
                    const bytes = Buffer.concat(chunks);
                    resolve({
                        status,
                        statusText: answer.statusMessage ?? '',
                        raw: answer.rawHeaders,
                        bytes: hasBody(method, status, bytes)
                            ? decode(bytes, answer.headers['content-encoding'])
                            : bytes
                    });
                }
                catch (error) {
                    failed(error);
                }
            });
        });
        request.setTimeout(ANSWER_TIMEOUT_MS, () => request.destroy(new Error('no answer within 300 s')));
        // setTimeout above starts only once connected; a pooled socket is connected already.
        request.on('socket', (socket) => {
            if (!socket.connecting)
                return;
            const timer = setTimeout(() => request.destroy(new Error('could not connect within 10 s')), CONNECT_TIMEOUT_MS);
            timer.unref();
            const clear = () => clearTimeout(timer);
            socket.once('connect', clear);
            socket.once('close', clear);
        });
        request.on('error', failed);
        signal?.addEventListener('abort', () => request.destroy(new DOMException('This operation was aborted', 'AbortError')), { once: true });
        request.end(body);
    });
}
/** The headers whose names do not match `names`. */
const without = (headers, names) => Object.fromEntries(Object.entries(headers).filter(([name]) => !names.test(name)));
/** fetch(url, init) for @octokit/request's `request.fetch`. */
async function httpsFetch(input, init = {}) {
    let url = new URL(input);
    let method = (init.method ?? 'GET').toUpperCase();
    let headers = { ...init.headers };
    let body = bodyBytes(init.body);
    for (let redirects = 0;; redirects++) {
        const answer = await once(url, method, headers, body, init.signal);
        const answerHeaders = new AnswerHeaders(answer.raw);
        const location = answerHeaders.get(LOCATION);
        const redirected = [301, 302, 303, 307, 308].includes(answer.status) && location !== null;
        if (!redirected || init.redirect === 'manual') {
            return new Answer(answer.status, answer.statusText, url.href, answerHeaders, answer.bytes);
        }
        if (init.redirect === 'error' || redirects >= MAX_REDIRECTS) {
            throw new TypeError('fetch failed', { cause: new Error(`redirect to ${location}`) });
        }
        const next = new URL(location, url);
        if (answer.status === 303 || ((answer.status === 301 || answer.status === 302) && method === 'POST')) {
            method = method === 'HEAD' ? 'HEAD' : 'GET';
            body = undefined;
            headers = without(headers, /^content-(type|length|encoding|language|location)$/i);
        }
        if (next.origin !== url.origin)
            headers = without(headers, /^(authorization|cookie|proxy-authorization)$/i);
        url = next;
    }
}


/***/ })

};

//# sourceMappingURL=502.index.js.map