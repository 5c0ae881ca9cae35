export const id = 409;
export const ids = [409];
export const modules = {

/***/ 9537:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ runPool)
/* harmony export */ });
/**
 * Runs `worker` over `items` with at most `limit` at work at once. A worker that fails (throws
 * or rejects) never stops the others, and nothing new is skipped because of it: every item runs,
 * and the results come back in input order, as `Promise.allSettled` gives them. Workers start in
 * input order, each as soon as a slot is free.
 */
async function runPool(items, limit, worker) {
    if (!Number.isInteger(limit) || limit < 1)
        throw new RangeError(`runPool: limit ${limit} is not a whole number >= 1`);
    const results = new Array(items.length);
    let next = 0;
    async function lane() {
        while (next < items.length) {
            const index = next++;
            try {
                // Inside the try, so that a worker that throws before returning its promise counts as rejected.
                results[index] = { status: 'fulfilled', value: await worker(items[index], index) };
            }
            catch (error) {
                results[index] = { status: 'rejected', reason: error };
            }
        }
    }
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, () => lane()));
    return results;
}


/***/ }),

/***/ 3409:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  buildSignedChain: () => (/* binding */ buildSignedChain),
  checkSignable: () => (/* binding */ checkSignable)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/workflow-commands.ts
var workflow_commands = __webpack_require__(6137);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/git-remote.ts
var git_remote = __webpack_require__(994);
// EXTERNAL MODULE: ./src/log-text.ts
var log_text = __webpack_require__(3529);
;// CONCATENATED MODULE: ./src/git-data.ts
/**
 * Signed commits for every file mode, through the REST Git Data API: blobs, a tree on `base_tree`,
 * a commit, a ref. Unlike GraphQL createCommitOnBranch (every file 100644), a tree entry keeps its
 * mode: 100644, 100755, 120000 (symlink: a blob holding the target) and 160000 (submodule: a
 * commit sha, nothing to upload). So a commit re-created this way has the very tree git has
 * locally, and the "same tree as the work tree" check after fetching still holds byte for byte.
 *
 * Pure: from `git diff-tree -r -z --raw --no-renames <parent> <commit>` changes (git.ts's
 * RawChange shape, restated here so that this module depends on nothing) to the request bodies.
 * GitHub signs the commit only when the request has no author and no committer (its "signature
 * verification for bots"), so `commitRequest` never sends them; the original author goes into a
 * Co-authored-by trailer, as for createCommitOnBranch.
 */
const MODES = ['100644', '100755', '120000', '160000'];
/** Entries per createTree request: create-pull-request's chunk size, chained through `base_tree`. */
const TREE_CHUNK = 100;
/** Why a change cannot be written as a tree entry (a mode git no longer writes, such as 100664), or undefined. */
function unwritableChange(change) {
    const mode = change.status === 'D' ? change.oldMode : change.newMode;
    if (!MODES.includes(mode))
        return `'${change.path}' has the file mode ${mode}, which the Git Data API does not take`;
    if (!['A', 'M', 'D', 'T'].includes(change.status))
        return `'${change.path}' has the change status ${change.status}`;
    return undefined;
}
/**
 * The tree entries for one commit's changes, deletions first (so that a file replaced by a
 * folder of the same name is gone before the folder's entries arrive). Throws on a change
 * `unwritableChange` refuses; callers check with it first to say so in their own words.
 */
function treeEntries(changes) {
    const deletions = [];
    const writes = [];
    for (const change of changes) {
        const problem = unwritableChange(change);
        if (problem)
            throw new RangeError(problem);
        if (change.status === 'D') {
            const mode = change.oldMode;
            deletions.push({ path: change.path, mode, type: mode === '160000' ? 'commit' : 'blob', sha: null });
        }
        else {
            const mode = change.newMode;
            writes.push({ path: change.path, mode, type: mode === '160000' ? 'commit' : 'blob', sha: change.blob });
        }
    }
    return [...deletions, ...writes];
}
/** The blobs to upload (`POST /git/blobs`, base64) before the tree: each distinct one once; gitlinks need none. */
function blobsToUpload(entries) {
    return [...new Set(entries.filter((e) => e.type === 'blob' && e.sha !== null).map((e) => e.sha))];
}
/** `entries` in createTree requests of at most `size`, each to be sent with the previous answer's sha as `base_tree`. */
function treeChunks(entries, size = TREE_CHUNK) {
    if (!Number.isInteger(size) || size < 1)
        throw new RangeError(`treeChunks: size ${size}`);
    const chunks = [];
    for (let at = 0; at < entries.length; at += size)
        chunks.push(entries.slice(at, at + size));
    return chunks;
}
/**
 * The body of `POST /git/commits`: message, tree and the one parent, and deliberately no author
 * or committer, or GitHub does not sign it.
 */
function commitRequest(message, tree, parent) {
    return { message, tree, parents: [parent] };
}
/**
 * The body of `PATCH /git/refs/heads/{branch}`: never forced. GitHub then refuses with 422
 * "Update is not a fast forward" unless `sha` descends from the ref's tip, so a push that landed
 * since the caller read the tip fails instead of being overwritten.
 */
function refUpdateRequest(sha) {
    return { sha, force: false };
}
/** GitHub's answer when a ref update was not a fast-forward: someone else moved the branch. */
function isNotFastForward(status, message) {
    return status === 422 && /not a fast[- ]forward/i.test(message);
}

// EXTERNAL MODULE: ./src/pool.ts
var pool = __webpack_require__(9537);
;// CONCATENATED MODULE: ./src/signing-plan.ts
/**
 * `sign-commits`: which API re-creates the commits, what neither can, and the signed message.
 * Pure: from each commit's raw changes (git.ts's shape) and the sizes of the blobs they write.
 *
 * Both APIs get the commit signed by GitHub, but not for the same tokens: GraphQL
 * createCommitOnBranch signs for any token (a personal access token too), while the REST Git Data
 * API signs only what a bot (GITHUB_TOKEN, an App installation) creates without author and
 * committer. GraphQL also takes one request per commit, where REST takes one per new blob, one per
 * 100 tree entries and one for the commit. So GraphQL is used whenever it can express every
 * commit, and REST (which keeps modes: executables, symlinks, submodules) only when it cannot.
 */


/** GitHub's limit on one blob created through the API (create-pull-request documents 40 MiB). */
const MAX_SIGNED_FILE_BYTES = 40 * 1024 * 1024;
/** The action's own cap on the base64 file contents sent in one createCommitOnBranch request. */
const MAX_GRAPHQL_COMMIT_BYTES = 40 * 1024 * 1024;
const MiB = (bytes) => `${(bytes / 1048576).toFixed(1)} MiB`;
/** Why createCommitOnBranch cannot express a change (it writes every file as 100644), or undefined. */
function graphqlCannot(change) {
    const where = (0,log_text/* quoteName */.AB)(change.path);
    if (change.status === 'D')
        return change.oldMode === '160000' ? `${where} removes a submodule` : undefined;
    if (change.status === 'T')
        return `${where} changes its type (file, symlink or submodule)`;
    if (change.newMode === '120000')
        return `${where} is a symbolic link`;
    if (change.newMode === '160000')
        return `${where} is a submodule`;
    if (change.newMode === '100755')
        return `${where} is executable`;
    if (change.status === 'M' && change.oldMode !== change.newMode)
        return `${where} changes its file mode`;
    return undefined;
}
/** The API for these commits, or why none can sign them. `sizes`: bytes of each written blob. */
function planSigning(commits, sizes) {
    let why;
    for (const { sha, changes } of commits) {
        let graphqlBytes = 0;
        for (const change of changes) {
            const unwritable = unwritableChange(change);
            if (unwritable)
                return { refused: `${unwritable}, which no GitHub API writes`, commit: sha };
            if (change.status === 'D' || change.newMode === '160000')
                continue;
            const size = sizes.get(change.blob) ?? 0;
            if (size > MAX_SIGNED_FILE_BYTES)
                return {
                    refused: `${(0,log_text/* quoteName */.AB)(change.path)} is ${MiB(size)} (${size} bytes), more than the ${MAX_SIGNED_FILE_BYTES / 1048576} MiB GitHub's API takes for one file`,
                    commit: sha
                };
            graphqlBytes += Math.ceil(size / 3) * 4;
        }
        why ??= changes.map(graphqlCannot).find((reason) => reason !== undefined);
        if (why === undefined && graphqlBytes > MAX_GRAPHQL_COMMIT_BYTES)
            why = `commit ${sha.slice(0, 12)} carries ${MiB(graphqlBytes)} of base64 file contents, more than one createCommitOnBranch request may hold`;
    }
    return why === undefined ? { api: 'graphql' } : { api: 'rest', why };
}
/**
 * The message of a signed commit: its own, and a Co-authored-by trailer for its original author,
 * as the API makes the token's account (or GitHub) the author. The one place this message is
 * built: a trailer every signed commit needs (a sign-off) goes here too.
 */
function signedCommitMessage(message, author, 
/** The committer's `Signed-off-by` line when the `signoff` input is set. */
signoff) {
    const [headline = '', ...rest] = message.split('\n');
    const coAuthor = `Co-authored-by: ${author.name} <${author.email}>`;
    const body = rest.join('\n').replace(/^\n+/, '').replace(/\n+$/, '');
    let withCoAuthor = body.includes(coAuthor) ? body : `${body ? `${body}\n` : ''}${coAuthor}`;
    if (signoff) {
        // The commit made here carries the sign-off already; it moves to close the trailers, after
        // the co-author line, where `git commit --signoff` would put it on this message.
        const blank = withCoAuthor.lastIndexOf('\n\n');
        const blockStart = blank < 0 ? 0 : blank + 2;
        const trailers = withCoAuthor
            .slice(blockStart)
            .split('\n')
            .filter((line) => line !== signoff);
        withCoAuthor = withCoAuthor.slice(0, blockStart) + [...trailers, signoff].join('\n');
    }
    return `${headline}\n\n${withCoAuthor}`;
}
/** A message as createCommitOnBranch takes it: the first line, and the rest after the blank line. */
function headlineAndBody(message) {
    const [headline = '', ...rest] = message.split('\n');
    return { headline, body: rest.join('\n').replace(/^\n+/, '') };
}

;// CONCATENATED MODULE: ./src/signed-rest.ts






/** Blob uploads at once: a few, as GitHub limits concurrent and content-creating requests. */
const BLOB_UPLOADS_AT_ONCE = 4;
const ZERO_OID = '0'.repeat(40);
/**
 * Re-creates `commits` on `base` through the REST Git Data API, which keeps every file mode:
 * for each commit, its new blobs (those GitHub has are not sent again), its tree on the parent's
 * (100 entries a request, chained through `base_tree`), then the commit, without author and
 * committer so that GitHub signs it when the token is a bot's. Nothing points at the commits
 * until the caller creates its temporary branch on the returned tip.
 */
async function createRestCommits(work, github, base, commits, 
/** The committer's `Signed-off-by` line when the `signoff` input is set. */
signoff) {
    // GitHub has every blob of the trees our parents have: the old side of each change is in one.
    const onGitHub = new Set();
    for (const { changes } of commits)
        for (const change of changes)
            if (change.oldBlob && change.oldMode !== '160000' && change.oldBlob !== ZERO_OID)
                onGitHub.add(change.oldBlob);
    let parent = base;
    let tree = (await work.git.commitInfo(base)).tree;
    const created = [];
    let uploaded = 0;
    for (const { sha, changes } of commits) {
        const entries = treeEntries(changes);
        const uploads = blobsToUpload(entries).filter((blob) => !onGitHub.has(blob));
        const pathOf = (blob) => entries.find((entry) => entry.sha === blob)?.path ?? blob;
        const results = await (0,pool/* runPool */.k)(uploads, BLOB_UPLOADS_AT_ONCE, async (blob) => {
            const content = (await work.git.blob(blob)).toString('base64');
            const got = await github.gitData.createBlob(content, pathOf(blob));
            if (got !== blob)
                throw new errors/* ActionError */.lZ(`GitHub stored ${(0,log_text/* quoteName */.AB)(pathOf(blob))} as blob ${got}, not ${blob}; nothing was published.`, "Set 'sign-commits: false' and report this.");
            onGitHub.add(blob);
            uploaded++;
        });
        const failed = results.find((result) => result.status === 'rejected');
        if (failed)
            throw failed.reason;
        for (const chunk of treeChunks(entries))
            tree = await github.gitData.createTree(tree, chunk);
        const message = signedCommitMessage(await work.git.message(sha), await work.git.authorOf(sha), signoff);
        const commit = await github.gitData.createCommit(commitRequest(message, tree, parent));
        created.push(commit);
        parent = commit.sha;
    }
    workflow_commands/* info */.pq(`Created ${commits.length} commit(s) through the REST Git Data API (${uploaded} blob(s) uploaded).`);
    return { tip: parent, created };
}

;// CONCATENATED MODULE: ./src/signed.ts







/** Reads every commit between `base` and HEAD and plans the API, or fails before anything is sent. */
async function checkSignable(work, base) {
    const commits = [];
    for (const sha of await work.git.commitsBetween(base, 'HEAD'))
        commits.push({ sha, changes: await work.git.rawChanges(sha) });
    const written = commits.flatMap(({ changes }) => changes.filter((c) => c.status !== 'D' && c.newMode !== '160000').map((c) => c.blob));
    const plan = planSigning(commits, await work.git.blobSizes([...new Set(written)]));
    if ('refused' in plan)
        throw new errors/* ActionError */.lZ(`Commit ${plan.commit.slice(0, 12)} cannot be published as a signed commit: ${plan.refused}.`, "Nothing was published. Leave such files out of the change (Git LFS keeps large files out of git), or set 'sign-commits: false'.");
    return { commits, plan };
}
/**
 * Re-creates the commits `base..HEAD` as signed commits on a temporary branch that ends at them,
 * fetches the result and checks that its tree is exactly the work tree's. The caller then pushes
 * that tip where it belongs (leased, or fast-forward) and cleans up.
 */
async function buildSignedChain(work, github, base, 
/** The committer's `Signed-off-by` line when the `signoff` input is set. */
signoff) {
    const { commits, plan } = await checkSignable(work, base);
    const expectedTree = (await work.git.commitInfo('HEAD')).tree;
    const temp = `outbox-publisher/signing-${process.env.GITHUB_RUN_ID ?? 'local'}-${external_node_crypto_.randomBytes(4).toString('hex')}`;
    let branchCreated = false;
    const cleanUp = async () => {
        if (!branchCreated)
            return;
        await github
            .deleteBranch(temp)
            .catch((error) => workflow_commands/* warning */.$e(`Could not delete the temporary branch '${temp}': ${(0,log_text/* logText */.kc)(error.message)}`));
    };
    try {
        let verified;
        if ('why' in plan) {
            workflow_commands/* info */.pq(`Signing through the REST Git Data API: ${(0,log_text/* logText */.kc)(plan.why)}.`);
            const { tip, created } = await createRestCommits(work, github, base, commits, signoff);
            // Create-only: a branch of that name made meanwhile fails this instead of being moved.
            await github.createBranch(temp, tip);
            branchCreated = true;
            verified = created.map((commit) => commit.verified);
        }
        else {
            await github.createBranch(temp, base);
            branchCreated = true;
            verified = await createGraphqlCommits(work, github, temp, base, commits, signoff);
        }
        await (0,git_remote/* fetchBranches */.r4)(work.git, [temp], { depth: commits.length + 1 });
        const signed = await work.git.commitInfo(`refs/remotes/origin/${temp}`);
        if (signed.tree !== expectedTree) {
            throw new errors/* ActionError */.lZ('The signed commits GitHub created do not hold the same files as the work tree; nothing was published.', "Set 'sign-commits: false' and report this.");
        }
        const unsigned = verified.filter((v) => !v).length;
        if (unsigned > 0)
            workflow_commands/* warning */.$e(`GitHub did not sign ${unsigned} of the ${commits.length} commit(s) it created: through the REST API it signs only for a GitHub App installation token or GITHUB_TOKEN, not for a personal access token. They are published unsigned (output 'commits-verified' is false).`);
        else
            workflow_commands/* info */.pq(`Created ${commits.length} signed commit(s) through the API.`);
        return { tip: signed.sha, verified: unsigned === 0, cleanUp };
    }
    catch (error) {
        await cleanUp();
        throw error;
    }
}
/** One createCommitOnBranch per commit, each leased on the previous one (`expectedHeadOid`). */
async function createGraphqlCommits(work, github, branch, base, commits, signoff) {
    const verified = [];
    let head = base;
    for (const { sha, changes } of commits) {
        const additions = [];
        for (const change of changes.filter((c) => c.status !== 'D'))
            additions.push({ path: change.path, contents: (await work.git.blob(change.blob)).toString('base64') });
        const deletions = changes.filter((c) => c.status === 'D').map((c) => ({ path: c.path }));
        const message = signedCommitMessage(await work.git.message(sha), await work.git.authorOf(sha), signoff);
        const created = await github.createSignedCommit({
            branch,
            expectedHeadOid: head,
            ...headlineAndBody(message),
            additions,
            deletions
        });
        head = created.oid;
        verified.push(created.verified);
    }
    return verified;
}


/***/ })

};

//# sourceMappingURL=409.index.js.map