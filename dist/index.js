import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 425:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DQ: () => (/* binding */ listArguments),
/* harmony export */   J0: () => (/* binding */ parseAddPaths),
/* harmony export */   K5: () => (/* binding */ splitNul),
/* harmony export */   _v: () => (/* binding */ STAGE_ARGUMENTS),
/* harmony export */   j4: () => (/* binding */ stageInput),
/* harmony export */   je: () => (/* binding */ partitionStatus)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _log_text_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3529);
/**
 * `add-paths`: commit only the changes that match these pathspecs; the rest stay out of the
 * commit and are listed in the log.
 *
 * git does the matching. Its pathspec rules (a `*` that crosses `/` unless `:(glob)`, directory
 * prefixes, `:(icase)`, `:(attr:...)`, exclusions, "only exclusions means everything else") are
 * what users know from create-pull-request's `add-paths` and from `git add`; a second
 * implementation here would disagree with git on some name, and the commit would then hold what
 * the log says it does not. So only the parsing and the validation are ours.
 *
 * Why not `git add -- <pathspecs>` straight away (as create-pull-request does, ignoring its exit
 * code): git 2.39 aborts the whole `add` (exit 128, nothing staged) when one pathspec matches no
 * file ("pathspec 'x' did not match any files"), and (exit 1) when one names an ignored file. A run
 * that changed nothing under one of the paths is normal. So the wiring takes two steps, both
 * built here:
 *   1. `git ls-files -z --cached --others --exclude-standard --deduplicate -- <pathspecs>` lists
 *      the tracked and the new, not ignored, paths that match (ls-files never fails on a pathspec
 *      that matches nothing, and supports all the magic below);
 *   2. `git add --all --pathspec-from-file=- --pathspec-file-nul` with those paths on stdin, each
 *      as `:(literal)<path>`, stages exactly them (deletions included; git >= 2.25), and nothing
 *      when the list is empty.
 * Then `partitionStatus` reads `git status --porcelain=v1 -z` to list what was left out.
 *
 * What is refused, with the input named: absolute paths and `..` segments (git answers "is outside
 * repository" for some and resolves others, depending on the working directory), magic that git
 * does not know or that is internal to git (`prefix`), and `literal` with `glob`, which git refuses
 * too. `:(top)`/`:/` only anchors at the repository's root, where the action runs anyway.
 */


/** The pathspec magic words this action passes through (gitglossary(7) "pathspec"). */
const PATHSPEC_MAGIC = ['top', 'literal', 'glob', 'icase', 'attr', 'exclude'];
/** Short-form magic signatures: `:/` is top, `:!` and `:^` are exclude. */
const SHORT_MAGIC = { '/': 'top', '!': 'exclude', '^': 'exclude' };
/**
 * The characters git reads as (unimplemented) short magic after a leading `:` and dies on (its
 * GIT_PATHSPEC_MAGIC class); any other character starts the pattern.
 */
const GIT_MAGIC_SIGNATURES = '"#%&\',-;<=>@_`~';
/**
 * Splits on newlines and commas (but not on the commas between magic words, `:(top,glob)src`),
 * trims, drops empties and repeats, and validates each pathspec.
 */
function parseAddPaths(value) {
    const specs = value
        .split('\n')
        .flatMap(splitOnCommas)
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
    return [...new Set(specs)].map(parsePathspec);
}
function splitOnCommas(line) {
    const items = [];
    let at = 0;
    while (at <= line.length) {
        const start = at;
        while (line[at] === ' ' || line[at] === '\t')
            at++;
        let from = at;
        if (line.startsWith(':(', at)) {
            const close = line.indexOf(')', at);
            from = close < 0 ? line.length : close + 1;
        }
        const comma = line.indexOf(',', from);
        const end = comma < 0 ? line.length : comma;
        items.push(line.slice(start, end));
        at = end + 1;
    }
    return items;
}
function parsePathspec(spec) {
    const refuse = (problem, fix) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('add-paths', `${quoteSpec(spec)} ${problem}`, fix);
    };
    if (/[\x00-\x1f\x7f]/.test(spec)) {
        refuse('holds a control character', 'Give one pathspec per line or separate them with commas.');
    }
    let magic = [];
    let pattern = spec;
    if (spec.startsWith(':(')) {
        const close = spec.indexOf(')');
        if (close < 0)
            refuse("opens pathspec magic with ':(' and never closes it", "Close the magic with ')'.");
        magic = spec
            .slice(2, close)
            .split(',')
            .map((word) => word.trim())
            .filter((word) => word.length > 0);
        pattern = spec.slice(close + 1);
    }
    else if (spec.startsWith(':')) {
        let at = 1;
        while (at < spec.length && SHORT_MAGIC[spec[at]] !== undefined) {
            magic.push(SHORT_MAGIC[spec[at]]);
            at++;
        }
        if (spec[at] === ':')
            at++;
        else if (at < spec.length && GIT_MAGIC_SIGNATURES.includes(spec[at])) {
            refuse(`uses the pathspec magic '${spec[at]}', which git does not know`, "Short magic is ':/' (from the top) and ':!' or ':^' (exclude).");
        }
        pattern = spec.slice(at);
    }
    for (const word of magic) {
        const name = word.split(':')[0];
        if (!PATHSPEC_MAGIC.includes(name)) {
            refuse(`uses the pathspec magic ${(0,_log_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quotedName */ .aH)(name)}, which this action does not pass to git`, `Use only ${PATHSPEC_MAGIC.map((m) => `'${m}'`).join(', ')}.`);
        }
        if (name !== 'attr' && word !== name) {
            refuse(`gives ${(0,_log_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quotedName */ .aH)(name)} an argument it does not take`, `Write it as ':(${name})'.`);
        }
    }
    const names = magic.map((word) => word.split(':')[0]);
    if (names.includes('literal') && names.includes('glob')) {
        refuse("uses both 'literal' and 'glob', which git refuses together", 'Keep one of them.');
    }
    if (pattern === '' && !names.includes('top')) {
        refuse('has no path after its magic', "Give a path after the magic, or ':/' for the whole repository.");
    }
    if (pattern.startsWith('/')) {
        refuse('is an absolute path', 'Give paths relative to the root of the repository.');
    }
    if (pattern.split('/').includes('..')) {
        refuse("has a '..' segment", 'Give paths inside the repository, relative to its root, without ..');
    }
    return { spec, magic: names, pattern };
}
function quoteSpec(spec) {
    const quoted = (0,_log_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteName */ .AB)(spec);
    return quoted.startsWith('"') ? quoted : `'${quoted}'`;
}
/** Step 1: `git ls-files` arguments that list the paths matching `pathspecs` (at least one). */
function listArguments(pathspecs) {
    if (pathspecs.length === 0)
        throw new RangeError('listArguments: no pathspecs; without add-paths, stage everything');
    return [
        'ls-files',
        '-z',
        '--cached',
        '--others',
        '--exclude-standard',
        '--deduplicate',
        '--',
        ...pathspecs.map((p) => p.spec)
    ];
}
/** The paths of NUL-terminated output (`ls-files -z`). */
function splitNul(output) {
    return output.split('\0').filter((path) => path.length > 0);
}
/** Step 2: `git add` arguments; its stdin is `stageInput(paths)`. Run it only when there are paths. */
const STAGE_ARGUMENTS = [
    'add',
    '--all',
    '--pathspec-from-file=-',
    '--pathspec-file-nul'
];
/** stdin for STAGE_ARGUMENTS: each path as a literal pathspec, so `*`, `:` or `[` in a name match only itself. */
function stageInput(paths) {
    return paths.map((path) => `:(literal)${path}\0`).join('');
}
/**
 * After staging, what will be committed and what is left out, from
 * `git status --porcelain=v1 -z --untracked-files=all` (entries are `XY path`, and for a rename
 * or copy `XY new` then `old` as the next field). `staged` holds every path whose index column
 * shows a change; `leftOut` every path with a work tree change or untracked. A path can be in both
 * (part of it staged).
 */
function partitionStatus(porcelainZ) {
    const staged = [];
    const leftOut = [];
    const fields = porcelainZ.split('\0');
    for (let i = 0; i < fields.length; i++) {
        const entry = fields[i];
        if (entry === '')
            continue;
        if (entry.length < 4 || entry[2] !== ' ')
            throw new Error(`Unexpected git status entry: ${(0,_log_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quoteName */ .AB)(entry)}`);
        const index = entry[0];
        const worktree = entry[1];
        const path = entry.slice(3);
        if (index === 'R' || index === 'C')
            i++; // the old path follows in its own field
        if (index === '?' || index === '!') {
            if (index === '?')
                leftOut.push(path);
            continue;
        }
        if (index !== ' ')
            staged.push(path);
        if (worktree !== ' ')
            leftOut.push(path);
    }
    return { staged, leftOut };
}


/***/ }),

/***/ 5451:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gp: () => (/* binding */ explainApiFailure),
/* harmony export */   Jj: () => (/* binding */ PERMISSIONS),
/* harmony export */   hD: () => (/* binding */ ApiError),
/* harmony export */   wx: () => (/* binding */ header),
/* harmony export */   zV: () => (/* binding */ isHttpFailure)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _token_facts_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7772);


const REPO_SCOPE = "'repo' ('public_repo' is enough for a public repository)";
const PERMISSIONS = {
    metadata: { fineGrained: 'metadata: read', classic: REPO_SCOPE },
    readPullRequests: { fineGrained: 'pull-requests: read', classic: REPO_SCOPE },
    writePullRequests: { fineGrained: 'pull-requests: write', classic: REPO_SCOPE },
    readContents: { fineGrained: 'contents: read', classic: REPO_SCOPE },
    writeContents: { fineGrained: 'contents: write', classic: REPO_SCOPE },
    writeBranch: {
        fineGrained: "contents: write (and workflows: write when the commits change files under '.github/workflows')",
        classic: `${REPO_SCOPE}, and 'workflow' when the commits change files under '.github/workflows'`
    },
    writeIssues: { fineGrained: 'issues: write', classic: REPO_SCOPE },
    autoMerge: { fineGrained: 'pull-requests: write and contents: write', classic: REPO_SCOPE }
};
/** An API call GitHub refused; `status` lets a caller tell a refusal it can live with from the rest. */
class ApiError extends _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ {
    status;
    apiMessage;
    constructor(status, apiMessage, problem, fix) {
        super(problem, fix);
        this.status = status;
        this.apiMessage = apiMessage;
        this.name = 'ApiError';
    }
}
function isHttpFailure(error) {
    return (typeof error === 'object' && error !== null && typeof error.status === 'number');
}
function header(headers, name) {
    const value = headers?.[name];
    return typeof value === 'string' ? value : null;
}
/**
 * Turns an API failure into a message that says what to check, for the cases a workflow author
 * can fix; a 403 names the permission the call needs (`permission`).
 */
function explainApiFailure(error, doing, permission) {
    if (!isHttpFailure(error))
        return error instanceof Error ? error : new Error(String(error));
    const message = apiMessage(error);
    if (error.status === 401) {
        return new ApiError(401, message, `GitHub rejected the token while ${doing} (401 Bad credentials).`, `The token in ${_token_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .TOKEN_VARIABLE */ .b} is invalid, expired or revoked: check the secret it is mapped from.`);
    }
    if (/not permitted to create or approve pull requests/i.test(message)) {
        return new ApiError(error.status, message, `GitHub refused ${doing}: GitHub Actions is not permitted to create or approve pull requests in this repository.`, "Turn on Settings → Actions → General → Workflow permissions → 'Allow GitHub Actions to create and approve pull requests' " +
            "(for an organization repository, first in the organization's Actions settings), or map a personal access token or GitHub App token into GITHUB_TOKEN instead of the workflow token.");
    }
    if (error.status === 403 && permission) {
        return new ApiError(403, message, `GitHub refused ${doing} (403): ${message}`, permissionHint(permission));
    }
    if (error.status === 403) {
        return new ApiError(403, message, `GitHub refused ${doing} (403): ${message}`, 'The token lacks a permission this needs.');
    }
    return new ApiError(error.status, message, `GitHub answered ${error.status} while ${doing}: ${message}`);
}
/** The fix for a refused call: the permission a GitHub App or fine-grained token needs, and the classic scope. */
function permissionHint(permission) {
    return (`The token lacks a permission: a GitHub App installation token, a fine-grained token or the workflow's GITHUB_TOKEN needs '${permission.fineGrained}' ` +
        `(for GITHUB_TOKEN, in the job's 'permissions:'); a classic personal access token needs the scope ${permission.classic}.`);
}
/** GitHub's own message (octokit appends " - <documentation url>" to it). */
function apiMessage(error) {
    const data = error.response?.data;
    if (typeof data?.message === 'string' && data.message)
        return data.message;
    return error.message.replace(/ - https:\/\/docs\.github\.com\S*$/, '');
}


/***/ }),

/***/ 2061:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   K$: () => (/* binding */ RANDOM_BYTES_NEEDED),
/* harmony export */   Ks: () => (/* binding */ withBranchSuffix),
/* harmony export */   Vl: () => (/* binding */ pullRequestBranch),
/* harmony export */   aE: () => (/* binding */ branchSuffix),
/* harmony export */   pq: () => (/* binding */ parseBranchSuffix)
/* harmony export */ });
/* unused harmony exports BRANCH_SUFFIXES, randomSuffix, timestampSuffix, shortHashSuffix */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _log_text_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3529);
/**
 * The pull request branch's name (`pullRequestBranch`), and its `branch-suffix`.
 *
 * `branch-suffix`: each run publishes on a branch of its own (`<branch>-<suffix>`) and so opens
 * its own pull request, instead of updating one. The kinds and formats are create-pull-request's
 * (src/create-pull-request.ts and src/utils.ts there):
 *
 * - `random`: 7 characters of [0-9a-z]. create-pull-request takes them from Math.random(); here
 *   they come from the random bytes the caller passes (crypto.randomBytes), read by rejection
 *   sampling so that every character is equally likely.
 * - `timestamp`: whole seconds since the Unix epoch, as create-pull-request writes it (it rounds,
 *   we floor, so that the suffix never names a second that has not begun).
 * - `short-commit-hash`: the first 7 hex digits of the commit the changes start from: the
 *   target branch's tip when the run began. create-pull-request takes `git rev-parse --short HEAD`
 *   of the checkout before it commits, i.e. its base, so runs on the same base share one branch
 *   and one pull request, and a new base opens a new one. (git's --short gives at least 7 digits,
 *   more in big repositories; a fixed 7 keeps the name predictable.)
 *
 * Everything here is pure: the caller passes the bytes, the time, or the sha.
 */


/** The pull request branch before any suffix: the `branch` input, or `outbox/<target>`. */
function pullRequestBranch(branch, target) {
    return branch || `outbox/${target}`;
}
const BRANCH_SUFFIXES = ['random', 'timestamp', 'short-commit-hash'];
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const RANDOM_SUFFIX_LENGTH = 7;
const SHORT_HASH_LENGTH = 7;
/** Enough bytes that rejection sampling (1 in 64 refused) runs short about never; see `randomSuffix`. */
const RANDOM_BYTES_NEEDED = 32;
/** The `branch-suffix` input, or undefined when it is empty. */
function parseBranchSuffix(value) {
    const trimmed = value.trim();
    if (!trimmed)
        return undefined;
    if (BRANCH_SUFFIXES.includes(trimmed))
        return trimmed;
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .InputError */ .dz('branch-suffix', `${(0,_log_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quotedName */ .aH)(trimmed)} is not a branch suffix`, `Use ${BRANCH_SUFFIXES.map((s) => `'${s}'`).join(', ')}, or leave it empty.`);
}
/** The suffix of `kind`. */
function branchSuffix(kind, source) {
    switch (kind) {
        case 'random':
            return randomSuffix(source.randomBytes);
        case 'timestamp':
            return timestampSuffix(source.now);
        case 'short-commit-hash':
            return shortHashSuffix(source.baseSha);
    }
}
/**
 * 7 characters of [0-9a-z]. Each byte below 252 (7 x 36) gives one character (its value mod 36);
 * a byte of 252 or more is skipped, so that no character is likelier than another.
 */
function randomSuffix(bytes) {
    let suffix = '';
    for (const byte of bytes) {
        if (byte >= 252)
            continue;
        suffix += ALPHABET[byte % 36];
        if (suffix.length === RANDOM_SUFFIX_LENGTH)
            return suffix;
    }
    throw new RangeError(`randomSuffix: ${bytes.length} random bytes were not enough; pass ${RANDOM_BYTES_NEEDED}`);
}
function timestampSuffix(nowMs) {
    if (!Number.isFinite(nowMs) || nowMs < 0)
        throw new RangeError(`timestampSuffix: ${nowMs} is not a time`);
    return String(Math.floor(nowMs / 1000));
}
function shortHashSuffix(sha) {
    if (!/^(?:[0-9a-f]{40}|[0-9a-f]{64})$/.test(sha)) {
        throw new RangeError(`shortHashSuffix: ${(0,_log_text_js__WEBPACK_IMPORTED_MODULE_1__/* .quotedName */ .aH)(sha)} is not a full commit hash`);
    }
    return sha.slice(0, SHORT_HASH_LENGTH);
}
/** `<branch>-<suffix>`, as create-pull-request joins them. */
function withBranchSuffix(branch, suffix) {
    return `${branch}-${suffix}`;
}


/***/ }),

/***/ 2691:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   W: () => (/* binding */ SandboxRemoval)
/* harmony export */ });
/* unused harmony export runPostStep */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6137);
/* harmony import */ var _sandbox_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5082);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2462);




/**
 * Deletes the sandbox folder, which holds gh's and git's config and with them the token. That
 * is the whole logout: `gh auth logout` (gh 2.24+) deletes the host's entries in the OS user's
 * keyring, which may hold the machine's own gh login.
 */
async function removeSandbox(sandbox) {
    await sandbox.remove();
    _workflow_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq('Removed the sandbox with gh and git credentials.');
}
/**
 * The main step's removal: begun once git is done with the credentials (while the pull request's
 * API calls run), so the token is on disk only as long as git needs it. A failure is a warning:
 * the post step, which sees no `removed` state, repeats the removal.
 */
class SandboxRemoval {
    sandbox;
    removing;
    constructor(sandbox) {
        this.sandbox = sandbox;
    }
    /** Begins the removal; later calls do nothing. */
    start = () => {
        this.removing ??= removeSandbox(this.sandbox).then(() => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .saveState */ .LZ(_state_js__WEBPACK_IMPORTED_MODULE_3__/* .STATE */ .c.removed, 'true'), (error) => _workflow_commands_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e(`Could not remove the sandbox yet (the post step tries again): ${error.message}`));
    };
    /** Settles when a begun removal has ended (at once when none was begun). */
    async finished() {
        await this.removing;
    }
}
/**
 * The post step's guarantee: runs whether main succeeded, failed or was cancelled, and removes
 * whatever main left of the sandbox (main removes it itself once git is done with it).
 */
async function cleanup() {
    const dir = core.getState(STATE.sandboxDir);
    if (!dir) {
        core.info('Nothing to clean up: the main step created no sandbox.');
        return;
    }
    // The state file is the runner's, but a path from it is still checked before a recursive delete.
    if (!path.basename(dir).startsWith('outbox-publisher-auth-')) {
        throw new Error(`Refusing to delete '${dir}': it is not a sandbox folder of this action.`);
    }
    await removeSandbox(Sandbox.attach(dir, core.info));
}
/** The post step's slow path (dist/cleanup.js, loaded by dist/post.js only when there is work). */
async function runPostStep() {
    try {
        await cleanup();
    }
    catch (error) {
        core.setFailed(`Cleaning up failed: ${error instanceof Error ? error.message : String(error)}`);
    }
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Qd: () => (/* binding */ CommandError),
/* harmony export */   Uc: () => (/* binding */ describeError),
/* harmony export */   dz: () => (/* binding */ InputError),
/* harmony export */   lZ: () => (/* binding */ ActionError)
/* harmony export */ });
/* harmony import */ var _log_text_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3529);

/**
 * Errors meant for the workflow author. Their message says what went wrong and how to fix it;
 * the action prints it as one `::error::` line, never with a stack trace.
 */
class ActionError extends Error {
    constructor(problem, fix) {
        super(fix ? `${problem}\n${fix}` : problem);
        this.name = 'ActionError';
    }
}
/** A value given to one of the action's inputs is not usable. */
class InputError extends ActionError {
    input;
    constructor(input, problem, fix) {
        super(`Input '${input}': ${problem}`, fix);
        this.input = input;
        this.name = 'InputError';
    }
}
/** A git or gh process failed; the message carries what it printed on stderr. */
class CommandError extends ActionError {
    commandLine;
    exitCode;
    stderr;
    constructor(commandLine, exitCode, stderr, fix) {
        const detail = stderr.trim().split('\n').slice(-6).join('\n');
        super(`'${commandLine}' failed with exit code ${exitCode}${detail ? `:\n${detail}` : ''}`, fix);
        this.commandLine = commandLine;
        this.exitCode = exitCode;
        this.stderr = stderr;
        this.name = 'CommandError';
    }
}
/** The message for `core.setFailed`: outside text in it (names, git's stderr, API messages) made inert for the log. */
function describeError(error) {
    if (error instanceof ActionError)
        return (0,_log_text_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(error.message);
    if (error instanceof Error)
        return (0,_log_text_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(`Unexpected error: ${error.message}`);
    return (0,_log_text_js__WEBPACK_IMPORTED_MODULE_0__/* .logText */ .kc)(`Unexpected error: ${String(error)}`);
}


/***/ }),

/***/ 6377:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ findTool),
/* harmony export */   a: () => (/* binding */ findOnPath)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * Where each tool was found on PATH, by PATH and name: the lookup stats PATH folders in turn
 * (about ten on a hosted runner for git), once per step rather than once per process.
 */
const found = new Map();
/** The file that runs for `tool` (the first on PATH), or undefined when there is none. */
function findTool(tool) {
    const searchPath = process.env.PATH ?? '';
    const key = `${searchPath}\0${tool}`;
    // Not found now may be found later (installed by a script): only a file is remembered.
    const file = found.get(key) ?? findOnPath(tool, searchPath);
    if (file !== undefined)
        found.set(key, file);
    return file;
}
/**
 * The first executable file named `name` on `searchPath`, as a shell finds a command; undefined
 * if none. Synchronous: a few stat calls, cheaper than as many round trips through the thread pool.
 */
function findOnPath(name, searchPath, platform = process.platform) {
    const extensions = platform === 'win32' ? windowsExtensions(name) : [''];
    for (const dir of searchPath.split(node_path__WEBPACK_IMPORTED_MODULE_1__.delimiter).filter((entry) => entry !== '')) {
        for (const extension of extensions) {
            const candidate = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(dir, name + extension);
            if (isFile(candidate) && (platform === 'win32' || isExecutable(candidate)))
                return candidate;
        }
    }
    return undefined;
}
/**
 * On Windows a program is a file with one of PATHEXT's extensions, the name as given only when it
 * has one. A .bat or .cmd file runs only through cmd.exe, a shell, so it is never the answer.
 */
function windowsExtensions(name) {
    const runnable = (process.env.PATHEXT ?? '.EXE')
        .split(';')
        .filter((extension) => extension !== '' && !/^\.(bat|cmd)$/i.test(extension));
    const given = node_path__WEBPACK_IMPORTED_MODULE_1__.extname(name);
    return given !== '' && runnable.some((extension) => extension.toLowerCase() === given.toLowerCase())
        ? ['']
        : runnable;
}
/** A PATH entry may be missing, a file, or unreadable: none of that is an error. */
function isFile(file) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isFile();
    }
    catch {
        return false;
    }
}
function isExecutable(file) {
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 4668:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ remoteSection),
/* harmony export */   mK: () => (/* binding */ subsection),
/* harmony export */   u8: () => (/* binding */ lfsEndpointSection)
/* harmony export */ });
/* unused harmony export configValue */
/**
 * Git config file text, written by the action into a clone of its own instead of one
 * `git config` (or `git remote add`) process per entry.
 */
/**
 * A value as git's config parser reads it back unchanged: in double quotes, with backslash,
 * double quote, newline, tab and backspace escaped (the escapes git's parser knows).
 */
function configValue(value) {
    const escaped = value.replace(/[\\"\n\t\b]/g, (c) => ({ '\n': '\\n', '\t': '\\t', '\b': '\\b' })[c] ?? `\\${c}`);
    return `"${escaped}"`;
}
/**
 * A section with a subsection (`[credential "https://github.com"]`) and its entries, in order.
 * A key may repeat (git's multi-valued keys); every value is quoted with `configValue`.
 */
function subsection(section, name, entries) {
    // git's parser takes `\` and `\"` in a subsection name and nothing else: no newline, no NUL.
    if (/[\n\0]/.test(name))
        throw new Error(`not a subsection name git can read: ${JSON.stringify(name)}`);
    const quoted = name.replace(/[\\"]/g, (c) => `\\${c}`);
    return `[${section} "${quoted}"]\n${entries.map(([key, value]) => `\t${key} = ${configValue(value)}\n`).join('')}`;
}
/**
 * What `git remote add <name> <url>` appends to a repository's config: the remote's URL and its
 * default fetch refspec. `name` must be a valid remote name (the action's own: origin, fork).
 */
function remoteSection(name, url) {
    if (!/^[A-Za-z0-9_-]+$/.test(name))
        throw new Error(`not a remote name of ours: ${name}`);
    return `[remote "${name}"]\n\turl = ${configValue(url)}\n\tfetch = +refs/heads/*:refs/remotes/${name}/*\n`;
}
/**
 * Pins Git LFS to the remote's own endpoint (git-lfs's default for `url`): a `.lfsconfig` in the
 * work tree, which an outbox patch or a `run` script may write, could otherwise send the
 * action's LFS requests, with the token's header, to another repository. The clone's config
 * outranks `.lfsconfig`, and `lfs.url`/`lfs.pushurl` outrank every other endpoint setting.
 */
function lfsEndpointSection(remoteUrl) {
    const endpoint = `${remoteUrl.replace(/\/+$/, '')}${remoteUrl.endsWith('.git') ? '' : '.git'}/info/lfs`;
    return `[lfs]\n\turl = ${configValue(endpoint)}\n\tpushurl = ${configValue(endpoint)}\n`;
}


/***/ }),

/***/ 994:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BJ: () => (/* binding */ fetchTargetAndBranch),
/* harmony export */   VC: () => (/* binding */ push),
/* harmony export */   VT: () => (/* binding */ ORIGIN),
/* harmony export */   _I: () => (/* binding */ FORK_REMOTE),
/* harmony export */   fT: () => (/* binding */ READ_FIX),
/* harmony export */   fy: () => (/* binding */ fetchHistoryUntil),
/* harmony export */   h8: () => (/* binding */ remoteBranchTips),
/* harmony export */   r4: () => (/* binding */ fetchBranches)
/* harmony export */ });
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6137);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _push_rejection_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6353);



const NETWORK_ATTEMPTS = 3;
/** What git prints when the connection, not the request, failed. */
const TRANSIENT = /connection reset|connection refused|hung up unexpectedly|unexpected disconnect|early EOF|RPC failed|returned error: 5\d\d|Empty reply from server|SSL_read|Failed to connect|timed out|HTTP\/2 stream/i;
const READ_FIX = 'Check that the repository exists and that the token in GITHUB_TOKEN may read it.';
/** The remote of the target repository; with `push-to-fork`, the PR branch's is FORK_REMOTE. */
const ORIGIN = 'origin';
const FORK_REMOTE = 'fork';
/**
 * Runs `attempt` until it is done: it returns a result, or undefined when the connection broke
 * on the way (reset, hung up, 5xx) and `attempt` may be tried again. The one retry loop of every
 * git command that talks to the server; `lost` says what is logged before the next try.
 */
async function retryLostConnections(attempt, lost) {
    for (let n = 1;; n++) {
        const result = await attempt(n, n >= NETWORK_ATTEMPTS);
        if (result !== undefined)
            return result;
        _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(lost(n));
        await new Promise((resolve) => setTimeout(resolve, 500 * n));
    }
}
/**
 * A git command that talks to the server, tried again when the connection failed on the way
 * (reset, hung up, 5xx); any other failure is final at once.
 */
function network(repo, args, options = {}) {
    return retryLostConnections(async (_n, last) => {
        const result = await repo.git(args, { ...options, allowFailure: true, authenticated: true });
        if (result.exitCode === 0 || last || !TRANSIENT.test(result.stderr)) {
            if (result.exitCode !== 0 && !options.allowFailure) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CommandError */ .Qd(['git', ...args].join(' '), result.exitCode, result.stderr || result.stdout, options.fix);
            }
            return result;
        }
        return undefined;
    }, (n) => `git ${args[0]} lost its connection (attempt ${n}); trying again.`);
}
/** The remote's tips of the given branches; a branch that does not exist is absent from the map. */
async function remoteBranchTips(repo, branches, remote = ORIGIN) {
    const stdout = await network(repo, ['ls-remote', '--heads', remote, ...branches.map((b) => `refs/heads/${b}`)], { fix: READ_FIX }).then((r) => r.stdout);
    const tips = new Map();
    for (const line of stdout.split('\n')) {
        const [sha, ref] = line.trim().split('\t');
        if (sha && ref?.startsWith('refs/heads/'))
            tips.set(ref.slice('refs/heads/'.length), sha);
    }
    return tips;
}
/** Fetches each branch into refs/remotes/origin/<branch>, shallow unless `depth` is undefined. */
async function fetchBranches(repo, branches, history = { depth: 1 }) {
    const refspecs = branches.map((b) => `+refs/heads/${b}:refs/remotes/origin/${b}`);
    let shallow = [];
    if (history.since)
        shallow = [`--shallow-since=${history.since}`];
    else if (history.depth)
        shallow = [`--depth=${history.depth}`];
    else if (history.deepen)
        shallow = [`--deepen=${history.deepen}`];
    else if (history.unshallow && (await repo.isShallow()))
        shallow = ['--unshallow'];
    return network(repo, ['fetch', '--no-tags', '--no-write-fetch-head', ...shallow, 'origin', ...refspecs], {
        allowFailure: history.since !== undefined
    });
}
/**
 * One fetch for the target, which must exist, and the PR branch, which may not: the branch
 * goes through a glob refspec, which matches nothing instead of failing. A clone that is not
 * shallow stays whole. Both land in their remote-tracking refs; a missing target is reported.
 * With `branchRemote` (a fork), the branch comes from there, in a fetch of its own after the
 * target's (two fetches at once would contend for the shallow file).
 */
async function fetchTargetAndBranch(repo, target, branch, options) {
    const branchRemote = options.branchRemote ?? ORIGIN;
    const branchRef = `refs/remotes/${branchRemote}/${branch}`;
    const shallow = options.shallow ? ['--depth=1'] : [];
    // A stale remote-tracking ref in an existing clone must not pass for the branch's tip.
    if (!options.fresh)
        await repo.git(['update-ref', '-d', branchRef], { allowFailure: true });
    const branchRefspec = `+refs/heads/${branch}*:${branchRef}*`;
    const result = await network(repo, [
        'fetch',
        '--no-tags',
        '--no-write-fetch-head',
        ...shallow,
        ORIGIN,
        `+refs/heads/${target}:refs/remotes/origin/${target}`,
        ...(branchRemote === ORIGIN ? [branchRefspec] : [])
    ], { allowFailure: true });
    if (result.exitCode !== 0) {
        if (/couldn't find remote ref/i.test(result.stderr))
            return { targetFound: false };
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .CommandError */ .Qd('git fetch origin', result.exitCode, result.stderr, READ_FIX);
    }
    // A shallow fetch whose only refspec matches nothing fails (exit 1, no message): from a fork,
    // whether the branch exists is asked first.
    if (branchRemote !== ORIGIN && (await remoteBranchTips(repo, [branch], branchRemote)).has(branch)) {
        const refspec = `+refs/heads/${branch}:${branchRef}`;
        await network(repo, ['fetch', '--no-tags', '--no-write-fetch-head', ...shallow, branchRemote, refspec], {
            fix: "Check that the fork in 'push-to-fork' exists and that the token may read it."
        });
    }
    return { targetFound: true };
}
/**
 * Fetches `branch` with the history that is its own: the commits reachable from it and not
 * from `target` on the server (`--shallow-exclude`), into its remote-tracking ref, without
 * fetching any more of the target's history. When the branch has no such commit (it is all on
 * the target) the server gives up, and git reports that like any server failure.
 */
async function fetchHistoryUntil(repo, branch, target, remote = ORIGIN) {
    // From a fork, the fork's own copy of the target marks where the branch's history ends.
    const args = [
        'fetch',
        '--no-tags',
        '--no-write-fetch-head',
        `--shallow-exclude=refs/heads/${target}`,
        remote,
        `+refs/heads/${branch}:refs/remotes/${remote}/${branch}`
    ];
    return network(repo, args, { allowFailure: true });
}
/**
 * Pushes HEAD to `branch` of `remote`. With `lease`, the push is forced but only over the tip we
 * saw (`undefined`: the branch must not exist); without, it is a plain fast-forward push.
 */
async function push(repo, branch, lease, remote = ORIGIN) {
    const ref = `refs/heads/${branch}`;
    const leaseArgs = lease ? [`--force-with-lease=${ref}:${lease.expectedTip ?? ''}`] : [];
    let head;
    return retryLostConnections(async (_n, last) => {
        const result = await repo.git(['push', '--porcelain', '--no-verify', ...leaseArgs, remote, `HEAD:${ref}`], { allowFailure: true, authenticated: true });
        if (result.exitCode === 0)
            return { pushed: true };
        const line = result.stdout.split('\n').find((l) => l.includes(`:${ref}\t`));
        if (line?.startsWith('!'))
            return {
                pushed: false,
                rejection: (0,_push_rejection_js__WEBPACK_IMPORTED_MODULE_2__/* .readRejection */ .uE)(line.split('\t')[2] ?? '[rejected]', result.stderr)
            };
        if (!TRANSIENT.test(result.stderr) || last) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ(`Pushing to '${branch}'${remote === ORIGIN ? '' : " of the fork in 'push-to-fork'"} failed:\n${(result.stderr || result.stdout).trim()}`, remote === ORIGIN
                ? 'Check that the token may push to this repository (contents: write).'
                : "Check that the token may push to the fork in 'push-to-fork' (contents: write on the fork). Nothing was pushed and no pull request was opened or changed.");
        }
        // The connection broke; the push may have reached the server all the same. Pushing again
        // would then fail its lease, so look first.
        head ??= (await repo.commitInfo('HEAD')).sha;
        const tips = await remoteBranchTips(repo, [branch], remote);
        if (tips.get(branch) === head) {
            _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`The push to '${branch}' lost its connection but reached GitHub.`);
            return { pushed: true };
        }
        return undefined;
    }, (n) => `The push to '${branch}' lost its connection (attempt ${n}); trying again.`);
}


/***/ }),

/***/ 1243:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   TU: () => (/* binding */ Git),
/* harmony export */   fK: () => (/* binding */ ConflictError),
/* harmony export */   nS: () => (/* binding */ PUBLISHED_BY_TRAILER)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3916);



/** Marks every commit this action writes; a branch commit without it was made by someone else. */
const PUBLISHED_BY_TRAILER = 'Published-by: outbox-publisher';
/** A commit, patch or rebase step that does not apply; what to say is up to the caller. */
class ConflictError extends _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ {
    what;
    detail;
    constructor(what, output) {
        const detail = output.trim().split('\n').slice(-4).join('\n');
        super(`${what} does not apply: ${detail}`);
        this.what = what;
        this.name = 'ConflictError';
        this.detail = detail;
    }
}
/**
 * git plumbing in one repository: runs git there through the sandbox (so git finds gh as its
 * credential helper in the private global config and the clone's .git/config never holds a
 * credential) and reads commits, trees and diffs. Writing commits is GitWorkTree's job
 * (src/git-worktree.ts), talking to the server src/git-remote.ts's.
 */
class Git {
    sandbox;
    dir;
    constructor(sandbox, dir) {
        this.sandbox = sandbox;
        this.dir = dir;
    }
    git(args, options = {}) {
        return this.sandbox.run('git', args, { cwd: this.dir, ...options });
    }
    /** A git command whose stdout is bytes (objects, fast-export streams), not text. */
    gitBytes(args, options = {}) {
        return this.sandbox.runForBytes('git', args, { cwd: this.dir, ...options });
    }
    async output(args) {
        return (await this.git(args)).stdout.trim();
    }
    /**
     * The commits reachable from `tip` but not from `exclude`, oldest first (parents before
     * children), each read from its object: with its true parents even at a shallow boundary.
     */
    async commitsNotOn(exclude, tip) {
        const shas = await this.commitsBetween(exclude, tip);
        if (shas.length === 0)
            return [];
        const commits = await this.readCommits(shas);
        // By the list asked for, not the answers: a short answer must fail, not drop commits.
        return shas.map((sha, i) => {
            const commit = commits[i];
            if (!commit)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`'${sha}' is not a commit in ${this.dir}.`);
            return commit;
        });
    }
    /** Whether the clone is shallow: git keeps .git/shallow exactly while it is (read without a process). */
    async isShallow() {
        return node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.access(node_path__WEBPACK_IMPORTED_MODULE_1__.join(this.dir, '.git', 'shallow')).then(() => true, () => false);
    }
    async mergeBase(a, b) {
        const result = await this.git(['merge-base', a, b], { allowFailure: true });
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    /** Commits reachable from `tip` but not from `exclude`, oldest first. */
    async commitsBetween(exclude, tip) {
        const stdout = await this.output(['rev-list', '--reverse', '--topo-order', tip, '--not', exclude]);
        return stdout ? stdout.split('\n') : [];
    }
    async isMerge(sha) {
        return (await this.commitInfo(sha)).parents.length > 1;
    }
    async currentBranch() {
        const result = await this.git(['symbolic-ref', '-q', '--short', 'HEAD'], { allowFailure: true });
        return result.exitCode === 0 ? result.stdout.trim() : undefined;
    }
    /** The paths a commit changes against its first parent (against nothing for a root commit). */
    async pathsOfCommit(sha) {
        const { stdout } = await this.git([
            'diff-tree',
            '-r',
            '-z',
            '--name-only',
            '--no-commit-id',
            '--root',
            sha
        ]);
        return stdout.split('\0').filter((field) => field.length > 0);
    }
    /**
     * Reads a commit from the object itself (one `cat-file --batch`): a shallow fetch grafts away
     * the parents of its boundary commits, but the object still names them.
     */
    async commitInfo(ref) {
        return this.readCommit(ref);
    }
    async readCommit(ref) {
        const commit = await this.readCommitIfAny(ref);
        if (!commit)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ(`'${ref}' is not a commit in ${this.dir}.`);
        return commit;
    }
    /** The commit `ref` names, or undefined when there is none (one process, no rev-parse first). */
    async readCommitIfAny(ref) {
        return (await this.readCommits([ref]))[0];
    }
    /** The commits `refs` name, each undefined when there is none, all read by one `cat-file --batch`. */
    async readCommits(refs) {
        const out = await this.gitBytes(['cat-file', '--batch'], {
            input: refs.map((ref) => `${ref}^{commit}\n`).join('')
        });
        const commits = [];
        // Each answer is "<sha> <type> <size>\n<size bytes>\n", or "<name> missing\n" (read by size,
        // as a message may hold anything).
        for (let at = 0; commits.length < refs.length && at < out.length;) {
            const eol = out.indexOf(10, at);
            const [sha, type, size] = out.subarray(at, eol).toString('latin1').split(' ');
            if (type !== 'commit' || size === undefined) {
                commits.push(undefined);
                at = eol + 1;
                continue;
            }
            const end = eol + 1 + Number(size);
            commits.push(parseCommit(sha, out.subarray(eol + 1, end).toString('utf8')));
            at = end + 1;
        }
        return commits;
    }
    async blob(sha) {
        return this.gitBytes(['cat-file', 'blob', sha]);
    }
    /** The raw tree changes of a commit against its first parent: modes, blob ids, status, path. */
    /** The size in bytes of each blob, read in one `cat-file --batch-check`. */
    async blobSizes(shas) {
        const sizes = new Map();
        if (shas.length === 0)
            return sizes;
        const { stdout } = await this.git(['cat-file', '--batch-check'], {
            input: shas.map((s) => `${s}\n`).join('')
        });
        for (const line of stdout.split('\n')) {
            const [sha, type, size] = line.split(' ');
            if (type === 'blob')
                sizes.set(sha, Number(size));
        }
        return sizes;
    }
    async rawChanges(sha) {
        const { stdout } = await this.git([
            'diff-tree',
            '-r',
            '-z',
            '--no-renames',
            '--no-commit-id',
            '--raw',
            `${sha}^`,
            sha
        ]);
        const fields = stdout.split('\0').filter((field) => field.length > 0);
        const changes = [];
        for (let i = 0; i + 1 < fields.length; i += 2) {
            const [oldMode, newMode, oldBlob, newBlob, status] = fields[i].replace(/^:/, '').split(' ');
            changes.push({
                oldMode: oldMode,
                newMode: newMode,
                oldBlob,
                blob: newBlob,
                status: status,
                path: fields[i + 1]
            });
        }
        return changes;
    }
    async message(sha) {
        return (await this.git(['log', '-1', '--format=%B', sha])).stdout.replace(/\n+$/, '');
    }
    async authorOf(sha) {
        const [name, email] = (await this.output(['log', '-1', '--format=%an%x00%ae', sha])).split('\0');
        return { name: name, email: email };
    }
}
/** A commit object's text (headers, a blank line, the message) read into its fields. */
function parseCommit(sha, raw) {
    const split = raw.indexOf('\n\n');
    const header = (split < 0 ? raw : raw.slice(0, split)).split('\n');
    const field = (name) => header.filter((line) => line.startsWith(`${name} `)).map((line) => line.slice(name.length + 1));
    return {
        sha,
        tree: field('tree')[0],
        parents: field('parent'),
        author: (field('author')[0] ?? '').replace(/ <.*$/, ''),
        // "committer Name <email> 1700000000 +0000": the time is the second field from the end.
        committedAt: Number((field('committer')[0] ?? '').split(' ').slice(-2)[0]),
        message: split < 0 ? '' : raw.slice(split + 2).replace(/\n$/, '')
    };
}


/***/ }),

/***/ 6582:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Q: () => (/* binding */ checkPushToFork),
  i: () => (/* binding */ deletePullRequestBranch)
});

// EXTERNAL MODULE: ./src/api-errors.ts
var api_errors = __nccwpck_require__(5451);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: ./src/fork-check.ts
/**
 * Whether a repository may carry the pull request's branch for another: `push-to-fork` must name
 * a fork of the target repository, or a sibling (a fork of the same parent), as
 * peter-evans/create-pull-request requires. Pure: the facts come from GET /repos of each.
 */
/** `fork`'s relation to `target`: its fork, its sibling, or neither (GitHub names are case-insensitive). */
function forkRelation(fork, target) {
    const same = (a, b) => a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
    if (same(fork.parent, target.fullName))
        return 'fork';
    if (same(fork.parent, target.parent))
        return 'sibling';
    return 'unrelated';
}

;// CONCATENATED MODULE: ./src/github-fork.ts



/**
 * Checks that `push-to-fork` names a repository the token can see that is a fork of the target
 * (or of the target's parent): the pull request GitHub opens from it must share the target's
 * history. The target is read only when the fork's parent is not the target itself.
 */
async function checkPushToFork(github, fork) {
    const named = `${fork.owner}/${fork.repo}`;
    const forkLineage = await readLineage(github, fork);
    if (!forkLineage) {
        throw new errors/* InputError */.dz('push-to-fork', `repository '${named}' was not found, or the token cannot see it`, `Fork ${github.owner}/${github.repo} first (the action does not create forks), and give the token access to the fork (contents: write).`);
    }
    const target = { owner: github.owner, repo: github.repo };
    let targetLineage = { fullName: `${target.owner}/${target.repo}`, parent: undefined };
    if (forkRelation(forkLineage, targetLineage) === 'unrelated')
        targetLineage = (await readLineage(github, target)) ?? targetLineage;
    if (forkRelation(forkLineage, targetLineage) === 'unrelated') {
        throw new errors/* InputError */.dz('push-to-fork', `'${named}' is not a fork of ${targetLineage.fullName}, nor a fork of the same parent (${forkLineage.parent ? `it is a fork of ${forkLineage.parent}` : 'it is no fork'})`, `Give a fork of ${targetLineage.fullName} as 'owner/name', or leave the input empty to push the branch to ${targetLineage.fullName} itself.`);
    }
}
/** The repository's full name and parent, or undefined when the token cannot see it. */
async function readLineage(github, which) {
    try {
        const { data } = await github.octokit.request('GET /repos/{owner}/{repo}', {
            owner: which.owner,
            repo: which.repo
        });
        return { fullName: data.full_name, parent: data.parent?.full_name };
    }
    catch (error) {
        if ((0,api_errors/* isHttpFailure */.zV)(error) && error.status === 404)
            return undefined;
        throw github.failure(error, `reading repository ${which.owner}/${which.repo}`, api_errors/* PERMISSIONS */.Jj.metadata);
    }
}
/** Deletes the pull request's branch: from the fork that holds it, or from the repository. */
async function deletePullRequestBranch(github, branch, fork) {
    if (!fork)
        return github.deleteBranch(branch);
    await github.call(`deleting branch '${branch}' of ${fork.owner}/${fork.repo}`, api_errors/* PERMISSIONS */.Jj.writeContents, () => github.octokit.request('DELETE /repos/{owner}/{repo}/git/refs/{ref}', {
        owner: fork.owner,
        repo: fork.repo,
        ref: `heads/${branch}`
    }));
}


/***/ }),

/***/ 5625:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ signoffTrailer),
/* harmony export */   W: () => (/* binding */ identityEnv)
/* harmony export */ });
/** The variables that make git write `author` (when given, dated `authorDate`) and `committer`. */
function identityEnv(author, committer, authorDate) {
    return {
        ...(author ? { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email } : {}),
        ...(authorDate ? { GIT_AUTHOR_DATE: authorDate } : {}),
        GIT_COMMITTER_NAME: committer.name,
        GIT_COMMITTER_EMAIL: committer.email
    };
}
/** The line `git commit --signoff` adds for `committer` (the DCO's sign-off). */
function signoffTrailer(committer) {
    return `Signed-off-by: ${committer.name} <${committer.email}>`;
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _sandbox_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5082);

// Only a `run` script needs gh. With one, gh's version is asked for (gh is running once
// startEarly returns) before the rest of the bundle is evaluated, so gh gives it while Node loads
// it; this module's imports load none of that. Without one no gh runs at all (a `sessions` step
// whose sessions bring their own `run` asks gh later, once).
const ghVersion = process.env.INPUT_RUN?.trim() ? _sandbox_js__WEBPACK_IMPORTED_MODULE_0__/* .Sandbox */ .a.startEarly('gh', ['--version']) : undefined;
const { run } = await Promise.resolve(/* import() eager */).then(__nccwpck_require__.bind(__nccwpck_require__, 1730));
await run({ ghVersion });

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2268:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  d_: () => (/* binding */ LABEL),
  S3: () => (/* binding */ LOGIN),
  uW: () => (/* binding */ TEAM),
  Ac: () => (/* binding */ defaultBody),
  vf: () => (/* binding */ optionalBranch),
  yG: () => (/* binding */ parseBoolean),
  HU: () => (/* binding */ parseChoice),
  aZ: () => (/* binding */ parseIdentity),
  cG: () => (/* binding */ parseInteger),
  Gw: () => (/* binding */ parseNames),
  Rr: () => (/* binding */ parsePath),
  SU: () => (/* binding */ parseRepository),
  _x: () => (/* binding */ parseTitle)
});

// UNUSED EXPORTS: parseList

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/log-text.ts
var log_text = __nccwpck_require__(3529);
;// CONCATENATED MODULE: ./src/refname.ts
/**
 * Branch name validation by the rules of `git check-ref-format --branch`, applied to
 * `refs/heads/<name>`, so that a bad name is refused before any process or request sees it,
 * plus the few names git takes that GitHub does not. The unit tests compare this function with
 * the real git on every case they hold.
 */
function branchNameProblem(name) {
    if (name === '')
        return 'is empty';
    if (name.startsWith('-'))
        return 'starts with "-"';
    // git takes a lone "@" for HEAD in most commands, and refuses "HEAD" as a branch name.
    if (name === '@' || name === 'HEAD')
        return `is "${name}", which git reserves for the current commit`;
    if (name.startsWith('/') || name.endsWith('/'))
        return 'starts or ends with "/"';
    if (name.includes('//'))
        return 'contains "//"';
    if (name.includes('..'))
        return 'contains ".."';
    if (name.includes('@{'))
        return 'contains "@{"';
    if (name.endsWith('.'))
        return 'ends with "."';
    for (const ch of name) {
        const code = ch.codePointAt(0);
        if (code < 0x20 || code === 0x7f)
            return 'contains a control character';
        if (' ~^:?*[\\'.includes(ch))
            return `contains ${ch === ' ' ? 'a space' : `"${ch}"`}`;
    }
    // Names git accepts but GitHub refuses or that would read as something else there.
    if (name.startsWith('refs/'))
        return 'starts with "refs/"; give the short branch name';
    if (/^[0-9a-f]{40}$/i.test(name) || /^[0-9a-f]{64}$/i.test(name))
        return 'looks like a commit SHA';
    for (const part of name.split('/')) {
        if (part.startsWith('.'))
            return `has a part "${part}" that starts with "."`;
        if (part.endsWith('.lock'))
            return `has a part "${part}" that ends with ".lock"`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/input-values.ts




const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^[a-z0-9][a-z0-9_-]{0,99}$/;
const LABEL = /^[^\x00-\x1f\x7f]{1,50}$/;
/** A list input whose every item must match `pattern`. */
function parseNames(input, value, pattern, fix) {
    const items = parseList(value);
    const bad = items.find((item) => !pattern.test(item));
    if (bad !== undefined)
        throw new errors/* InputError */.dz(input, `'${bad}' is not a valid name`, fix);
    return items;
}
function parseTitle(title) {
    if (title.length > 256)
        throw new errors/* InputError */.dz('title', `is ${title.length} characters long; pull request titles have at most 256`);
    if (/[\x00-\x1f\x7f]/.test(title))
        throw new errors/* InputError */.dz('title', 'contains a line break or control character');
    return title;
}
function parseChoice(get, input, choices) {
    const value = get(input).trim();
    if (!value)
        return undefined;
    if (choices.includes(value))
        return value;
    const near = choices.find((choice) => choice.toLowerCase() === value.toLowerCase() ||
        choice.replace('-', '') === value.replace(/[-_ ]/g, '').toLowerCase());
    throw new errors/* InputError */.dz(input, `'${value}' is not one of ${choices.map((c) => `'${c}'`).join(', ')}`, near ? `Did you mean '${near}'?` : undefined);
}
function parseInteger(get, input, fallback, min, max) {
    const value = get(input).trim();
    if (!value)
        return fallback;
    if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
        throw new errors/* InputError */.dz(input, `'${value}' is not a whole number from ${min} to ${max}`);
    }
    return Number(value);
}
function defaultBody(runUrl) {
    const source = runUrl ? ` by [this workflow run](${runUrl})` : '';
    return `Automated changes published${source} with outbox-publisher.`;
}
/** `owner/name`; `input` is the input it came from, named in errors. */
function parseRepository(value, input = 'repo') {
    if (!value) {
        throw new errors/* InputError */.dz('repo', 'is empty and GITHUB_REPOSITORY is not set', "Give the repository as 'owner/name'.");
    }
    const parts = value.split('/');
    if (parts.length !== 2) {
        throw new errors/* InputError */.dz(input, `'${value}' is not of the form 'owner/name'`);
    }
    const [owner, repo] = parts;
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(owner)) {
        throw new errors/* InputError */.dz(input, `'${owner}' is not a valid GitHub owner name`, 'Owner names use letters, digits and single hyphens, at most 39 characters.');
    }
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(repo) ||
        repo === '.' ||
        repo === '..' ||
        repo.toLowerCase().endsWith('.git')) {
        throw new errors/* InputError */.dz(input, `'${repo}' is not a valid repository name`, "Repository names use letters, digits, '.', '-' and '_' (at most 100), without a '.git' suffix.");
    }
    return { owner, repo };
}
function optionalBranch(get, input) {
    const value = get(input).trim();
    if (!value)
        return undefined;
    const problem = branchNameProblem(value);
    if (problem) {
        throw new errors/* InputError */.dz(input, `'${(0,log_text/* quoteName */.AB)(value)}' is not a valid branch name: it ${problem}`, 'Branch names follow the rules of `git check-ref-format --branch`.');
    }
    return value;
}
function parseIdentity(input, value) {
    const match = /^([^<>\n]+?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(value);
    if (!match) {
        throw new errors/* InputError */.dz(input, `'${value}' is not of the form 'Name <email@example.com>'`);
    }
    return { name: match[1].trim(), email: match[2] };
}
/** Splits on commas and newlines, trims, and drops empties and repeats. */
function parseList(value) {
    const items = value
        .split(/[,\n]/)
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
    return [...new Set(items)];
}
function parseBoolean(get, input) {
    const value = get(input).trim();
    if (['', 'false', 'False', 'FALSE'].includes(value))
        return false;
    if (['true', 'True', 'TRUE'].includes(value))
        return true;
    throw new errors/* InputError */.dz(input, `'${value}' is not a boolean`, "Use 'true' or 'false'.");
}
/**
 * A folder inside the workspace or RUNNER_TEMP. `path` may be the workspace itself (where
 * actions/checkout clones by default); nothing may point outside.
 */
function parsePath(input, value, context, options, real) {
    if (!value)
        return undefined;
    const lexical = external_node_path_.resolve(context.workspace, value);
    const resolved = real ?? lexical;
    const inside = (root) => resolved === root || resolved.startsWith(root + external_node_path_.sep);
    if (!inside(context.workspace) && !inside(context.runnerTemp)) {
        const through = resolved === lexical ? '' : ` (through a symbolic link: it is really '${resolved}')`;
        throw new errors/* InputError */.dz(input, `'${value}'${through} is outside the workspace (${context.workspace}) and RUNNER_TEMP`, 'Give a folder inside the workspace, or leave the input empty.');
    }
    if (resolved === context.runnerTemp || (!options.mayBeRoot && resolved === context.workspace)) {
        throw new errors/* InputError */.dz(input, `'${value}' is the ${resolved === context.runnerTemp ? 'RUNNER_TEMP' : 'workspace'} folder itself`, 'Give a sub-folder.');
    }
    return resolved;
}


/***/ }),

/***/ 3529:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AB: () => (/* binding */ quoteName),
/* harmony export */   Zl: () => (/* binding */ pullRequestLink),
/* harmony export */   aH: () => (/* binding */ quotedName),
/* harmony export */   ay: () => (/* binding */ commandLine),
/* harmony export */   g5: () => (/* binding */ summaryText),
/* harmony export */   kc: () => (/* binding */ logText),
/* harmony export */   qV: () => (/* binding */ cQuote)
/* harmony export */ });
/**
 * Outside text on its way to the log or the job summary: file names, patch file names, commit
 * subjects and authors, branch names from events and inputs, API messages, git's stderr. The
 * runner reads every line of the step's output (stdout and stderr) for workflow commands: a line
 * that starts with `::` after whitespace (`::warning::`, `::add-mask::`, `::stop-commands::` ...),
 * or that holds `##[` anywhere (the legacy form), and it breaks lines at CR as well as LF. The job
 * summary is Markdown with HTML. Everything here is pure, so the unit tests can feed it every
 * command and every opener.
 */
/**
 * Characters that never appear raw: control characters (C0, DEL, C1, which include CR, LF, VT, FF,
 * NEL), the Unicode line and paragraph separators, and the invisible format characters that
 * reorder or hide text (bidi overrides and isolates, zero-width characters, the BOM).
 */
const INVISIBLE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, 'gu');
/** The legacy command prefix, honoured anywhere in a line. */
const LEGACY_COMMAND = /##\[/g;
const NAMED_ESCAPES = {
    '\x07': '\\a',
    '\b': '\\b',
    '\t': '\\t',
    '\n': '\\n',
    '\v': '\\v',
    '\f': '\\f',
    '\r': '\\r',
    '"': '\\"',
    '\\': '\\\\'
};
/** git's octal escape of each UTF-8 byte of `ch`. */
function octal(ch) {
    return [...Buffer.from(ch, 'utf8')].map((byte) => `\\${byte.toString(8).padStart(3, '0')}`).join('');
}
function escapeChar(ch) {
    return NAMED_ESCAPES[ch] ?? octal(ch);
}
/**
 * A name (file, branch, patch file) for one line of the log: as it is when it is plain, else in
 * git's C-quoted form ("a\nb"), so that it is one line that starts with a quote. Quoted too: a
 * name with `"` or `\`, with `::` (so it cannot open a command even at the start of a line), with
 * `##[`, or with white space at either end.
 */
function quoteName(name) {
    if (!INVISIBLE.test(name) && !/["\\]|::|##\[|^\s|\s$/u.test(name))
        return name;
    const body = name
        .replace(new RegExp(`["\\\\]|${INVISIBLE.source}`, 'gu'), escapeChar)
        .replace(LEGACY_COMMAND, '#\\043[');
    return `"${body}"`;
}
/**
 * Free text (a message, git's stderr) for the log: its LF and CRLF line breaks stay, every other
 * line break and invisible character is escaped, `##[` is broken, and a line that would start with
 * `::` (after white space) starts with `\::` instead. No line of the result is a workflow command.
 */
function logText(text) {
    return text
        .split(/\r?\n/)
        .map((line) => line
        .replace(INVISIBLE_ALL, (ch) => (ch === '\t' ? ch : escapeChar(ch)))
        .replace(LEGACY_COMMAND, '#\\043[')
        .replace(/^(\s*)::/u, '$1\\::'))
        .join('\n');
}
/**
 * A path in git's C-quoted form, quoted whatever it holds: for git input that unquotes a line
 * that starts with a quote (`sparse-checkout add --stdin`), so that any name stays literal.
 */
function cQuote(name) {
    return `"${name.replace(/["\\]|[\x00-\x1f\x7f]/g, escapeChar)}"`;
}
/** A command line for the log: the tool and each argument as `quoteName` writes it. */
function commandLine(tool, args) {
    return [tool, ...args].map(quoteName).join(' ');
}
/**
 * Text for the job summary's HTML: one line (names C-quoted as in the log), with the characters
 * that open HTML or Markdown (`< > & " ' \` [ ] ( ) * _ # | ! ~ : \\`) as character references, so
 * that nothing in it renders as a tag, a heading, a link, emphasis, a table cell or an autolink.
 */
function summaryText(text) {
    return quoteName(text).replace(/[<>&"'`[\]()*_#|!~:\\]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
/**
 * A pull request as a link for the job summary's HTML: the URL (API text) linked only when it is a
 * plain https URL, with every character that could leave the attribute as a reference.
 */
function pullRequestLink(pr) {
    if (!pr)
        return '—';
    if (!Number.isInteger(pr.number) || pr.number < 1)
        return '—';
    if (!/^https:\/\/[^\s"<>]+$/.test(pr.url))
        return `#${pr.number}`;
    return `<a href="${pr.url.replace(/[&<>"'`]/g, (ch) => `&#${ch.charCodeAt(0)};`)}">#${pr.number}</a>`;
}
/**
 * A name inside a sentence of the log or an error: `'plain'` in single quotes, or `quoteName`'s
 * C-quoted form (which brings its own double quotes) when it holds anything to escape.
 */
function quotedName(name) {
    const quoted = quoteName(name);
    return quoted.startsWith('"') ? quoted : `'${quoted}'`;
}


/***/ }),

/***/ 1730:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6137);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _publish_one_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(1017);
/* harmony import */ var _read_inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6554);
/* harmony import */ var _token_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(4606);





/**
 * The main step: token → inputs → sandbox and auth → work tree → changes → deliver → report, once,
 * or once per entry of the `sessions` input (src/sessions-run.ts).
 * `ghVersion` is `gh --version` when the entry point started it already.
 */
async function run(early = {}) {
    try {
        // The token is masked before anything else can print it, even an input error.
        const token = (0,_token_js__WEBPACK_IMPORTED_MODULE_4__/* .readToken */ .AI)(process.env, { info: _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq, mask: _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq });
        // A sessions step (and its YAML parser) and the report are loaded only when they run.
        if (_workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4('sessions').trim() !== '') {
            const { publishSessions } = await Promise.all(/* import() */[__nccwpck_require__.e(815), __nccwpck_require__.e(533)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4533));
            await publishSessions(token, early);
            return;
        }
        const { inputs, context, outbox } = await (0,_read_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .readInputs */ .K)(process.env);
        const report = await (0,_publish_one_js__WEBPACK_IMPORTED_MODULE_2__/* .publishOne */ .Y)({ token, inputs, context, outbox, ...early });
        const { writeReport } = await __nccwpck_require__.e(/* import() */ 665).then(__nccwpck_require__.bind(__nccwpck_require__, 665));
        await writeReport(report);
    }
    catch (error) {
        _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .setFailed */ .C1((0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .describeError */ .Uc)(error));
        // A bug, not a problem with the workflow: its stack helps the report (shown only with debug logging).
        if (!(error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ) && error instanceof Error && error.stack)
            _workflow_commands_js__WEBPACK_IMPORTED_MODULE_0__/* .debug */ .Yz(error.stack);
    }
}


/***/ }),

/***/ 3427:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KE: () => (/* binding */ addTrailerToExport),
/* harmony export */   ge: () => (/* binding */ mailDate),
/* harmony export */   n_: () => (/* binding */ diffOf),
/* harmony export */   nl: () => (/* binding */ historyStart),
/* harmony export */   rS: () => (/* binding */ joinMails),
/* harmony export */   zL: () => (/* binding */ splitMails)
/* harmony export */ });
/* unused harmony export withTrailer */
/**
 * Mails as bytes: a `git format-patch` file or an mbox, split where `git mailsplit` splits it, so
 * that the outbox can be counted before anything runs and handed to one `git am` whole. Nothing
 * here decodes a mail's text: a patch of a latin-1 file, of CRLF lines or of binary data goes to
 * git exactly as it was written. Pure functions.
 */
const LF = 0x0a;
const FROM = Buffer.from('From ');
/** The From line `git format-patch` writes; put before a mail that has none, so that one stream holds every mail. */
const SYNTHETIC_FROM = Buffer.from('From 0000000000000000000000000000000000000000 Mon Sep 17 00:00:00 2001\n');
const isDigit = (byte) => byte !== undefined && byte >= 0x30 && byte <= 0x39;
/** git's `is_from_line` (mailsplit.c): "From " and something that ends like a date, on the line [start, end) with its LF. */
function isFromLine(bytes, start, end) {
    const len = end - start;
    if (len < 20 || bytes.compare(FROM, 0, 5, start, start + 5) !== 0)
        return false;
    let colon = end - 2;
    const first = start + 5;
    for (;;) {
        if (colon < first)
            return false;
        if (bytes[--colon] === 0x3a)
            break;
    }
    if (!isDigit(bytes[colon - 4]) ||
        !isDigit(bytes[colon - 2]) ||
        !isDigit(bytes[colon - 1]) ||
        !isDigit(bytes[colon + 1]) ||
        !isDigit(bytes[colon + 2]))
        return false;
    // strtol(colon + 3): white space, a sign, digits; the year must be after 1990.
    let at = colon + 3;
    while (at < end && [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d].includes(bytes[at]))
        at++;
    let sign = 1;
    if (bytes[at] === 0x2d || bytes[at] === 0x2b)
        sign = bytes[at++] === 0x2d ? -1 : 1;
    let year = 0;
    while (at < end && isDigit(bytes[at]))
        year = year * 10 + (bytes[at++] - 0x30);
    return sign * year > 90;
}
/**
 * The mails of one file, as `git mailsplit -b --keep-cr` cuts them: leading white space skipped;
 * when the first line is a From line, a new mail at every From line; otherwise one bare mail.
 * Each mail is a view into `bytes` (nothing is copied).
 */
function splitMails(bytes) {
    let start = 0;
    while (start < bytes.length && [0x20, 0x09, 0x0a, 0x0b, 0x0c, 0x0d].includes(bytes[start]))
        start++;
    if (start >= bytes.length)
        return [];
    const lineEnd = (from) => {
        const lf = bytes.indexOf(LF, from);
        return lf === -1 ? bytes.length : lf + 1;
    };
    if (!isFromLine(bytes, start, lineEnd(start)))
        return [bytes.subarray(start)];
    const mails = [];
    let mailStart = start;
    // Only a line that begins with "From " can start the next mail: look for those alone.
    for (let at = bytes.indexOf('\nFrom ', lineEnd(start) - 1); at !== -1; at = bytes.indexOf('\nFrom ', at + 1)) {
        const line = at + 1;
        if (isFromLine(bytes, line, lineEnd(line))) {
            mails.push(bytes.subarray(mailStart, line));
            mailStart = line;
        }
    }
    mails.push(bytes.subarray(mailStart));
    return mails;
}
/** Where the header ends: the index just past the first empty line (LF LF or LF CR LF), or the end. */
function headerEnd(mail) {
    for (let at = mail.indexOf(LF); at !== -1 && at + 1 < mail.length; at = mail.indexOf(LF, at + 1)) {
        if (mail[at + 1] === LF)
            return at + 2;
        if (mail[at + 1] === 0x0d && mail[at + 2] === LF)
            return at + 3;
    }
    return mail.length;
}
/** The mail's `Date:` header, or '' when it has none. */
function mailDate(mail) {
    const header = mail.subarray(0, headerEnd(mail)).toString('latin1');
    return /^Date:[ \t]*(.*?)\r?$/im.exec(header)?.[1]?.trim() ?? '';
}
/**
 * Where the target's history that may hold an outbox's changes begins, in seconds since the
 * epoch (as `git fetch --shallow-since` takes it): a patch cannot have been merged before it was
 * written, so a day before the oldest mail's date (a day for clocks that disagree). Undefined
 * when no mail has a date that parses.
 */
function historyStart(dates) {
    const times = dates.map((date) => Date.parse(date)).filter((time) => !Number.isNaN(time));
    if (times.length === 0)
        return undefined;
    return Math.floor((Math.min(...times) - 86_400_000) / 1000);
}
/**
 * The diff of a mail (from its first line that starts with "diff "), as `git patch-id` reads it;
 * undefined when the body holds no plain diff (an encoded MIME body, or no change).
 */
function diffOf(mail) {
    const body = headerEnd(mail);
    if (mail.subarray(body, body + 5).toString('latin1') === 'diff ')
        return mail.subarray(body);
    const at = mail.indexOf('\ndiff ', body);
    return at === -1 ? undefined : mail.subarray(at + 1);
}
/** The mails as one mbox for `git am`: each starts with a From line and ends with a line break. */
function joinMails(mails) {
    const parts = [];
    for (const mail of mails) {
        if (!isFromLine(mail, 0, mail.indexOf(LF) === -1 ? mail.length : mail.indexOf(LF) + 1))
            parts.push(SYNTHETIC_FROM);
        parts.push(mail);
        if (mail[mail.length - 1] !== LF)
            parts.push(Buffer.from('\n'));
    }
    return Buffer.concat(parts);
}
/**
 * `message` with `trailer` added as git's `commit --trailer` adds it: into the last paragraph when
 * that is a block of trailers (not the subject), else as a paragraph of its own. Unchanged when the
 * trailer is there already. Works on bytes read as latin-1, so any encoding passes through.
 */
function withTrailer(message, trailer) {
    const text = message.replace(/\n+$/, '');
    if (text.split('\n').some((line) => line.trim() === trailer))
        return message;
    const split = text.lastIndexOf('\n\n');
    const last = split === -1 ? undefined : text.slice(split + 2);
    const isTrailerBlock = last !== undefined &&
        last.split('\n').every((line, i) => /^[A-Za-z0-9-]+:\s/.test(line) || (i > 0 && /^\s+\S/.test(line)));
    return `${text}${isTrailerBlock ? '\n' : '\n\n'}${trailer}\n`;
}
/**
 * A `git fast-export` stream with `trailer` added to every commit's message, and whether any
 * message changed. Everything else (paths, modes, object ids, identities) passes byte for byte.
 */
function addTrailerToExport(stream, trailer) {
    const out = [];
    let changed = false;
    let inCommit = false;
    let at = 0;
    while (at < stream.length) {
        const lf = stream.indexOf(LF, at);
        const end = lf === -1 ? stream.length : lf + 1;
        const line = stream.subarray(at, end).toString('latin1');
        const data = /^data (\d+)\n$/.exec(line);
        if (data) {
            const length = Number(data[1]);
            const content = stream.subarray(end, end + length);
            if (inCommit) {
                const before = content.toString('latin1');
                const after = withTrailer(before, trailer);
                changed ||= after !== before;
                const bytes = Buffer.from(after, 'latin1');
                out.push(Buffer.from(`data ${bytes.length}\n`), bytes);
                inCommit = false;
            }
            else {
                out.push(stream.subarray(at, end + length));
            }
            at = end + length;
            continue;
        }
        if (line.startsWith('commit '))
            inCommit = true;
        out.push(stream.subarray(at, end));
        at = end;
    }
    return { stream: Buffer.concat(out), changed };
}


/***/ }),

/***/ 7626:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   RP: () => (/* binding */ tooManyChanges),
/* harmony export */   SP: () => (/* binding */ shown),
/* harmony export */   dI: () => (/* binding */ BUNDLE),
/* harmony export */   ec: () => (/* binding */ readOutbox)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3916);
/* harmony import */ var _log_text_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3529);
/* harmony import */ var _mbox_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(3427);





const PATCH = /\.(patch|mbox)$/;
const BUNDLE = /\.bundle$/;
/** A name for a message: 'plain' in quotes, anything else C-quoted (see quoteName). */
function shown(name) {
    const quoted = (0,_log_text_js__WEBPACK_IMPORTED_MODULE_3__/* .quoteName */ .AB)(name);
    return quoted === name ? `'${name}'` : quoted;
}
/** The outbox's files in name order; an outbox that is not a folder, or holds none, is bad input. */
async function listOutbox(dir) {
    const stat = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat(dir).catch(() => undefined);
    if (!stat)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('outbox', `'${dir}' does not exist`, 'Download the artifact that holds the patches before this step, or leave the input empty.');
    if (!stat.isDirectory())
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('outbox', `'${dir}' is not a folder`, 'Give the folder that holds the *.patch, *.mbox or *.bundle files.');
    const files = (await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir(dir, { withFileTypes: true }))
        .filter((entry) => entry.isFile() && (PATCH.test(entry.name) || BUNDLE.test(entry.name)))
        .map((entry) => entry.name)
        .sort();
    if (files.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('outbox', `'${dir}' holds no *.patch, *.mbox or *.bundle files`);
    return files.map((name) => node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, name));
}
function tooManyChanges(count, limits) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('outbox', `holds ${count} changes, more than 'outbox-max-changes' allows (${limits.maxChanges})`, "Nothing was applied or pushed. Publish the work in smaller outboxes, or raise 'outbox-max-changes'.");
}
/**
 * Reads the outbox before anything else runs, within its bounds: the sizes first (from the file
 * system, nothing read), then the mails, counted by scanning the bytes for mailsplit's From lines
 * (a 200,000-mail mbox is refused in a moment). Bundles are counted when they are opened.
 */
async function readOutbox(dir, limits) {
    const files = await listOutbox(dir);
    const sizes = await Promise.all(files.map(async (file) => (await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat(file)).size));
    const tooBig = (bytes) => new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('outbox', `its ${files.length} file(s) hold ${bytes} bytes, more than 'outbox-max-bytes' allows (${limits.maxBytes})`, "Nothing was applied or pushed. Publish the work in smaller outboxes, or raise 'outbox-max-bytes'.");
    const total = sizes.reduce((a, b) => a + b, 0);
    if (total > limits.maxBytes)
        throw tooBig(total);
    const outbox = { files: [], limits, mails: 0 };
    let read = 0;
    for (const file of files) {
        const name = node_path__WEBPACK_IMPORTED_MODULE_1__.basename(file);
        if (BUNDLE.test(name)) {
            outbox.files.push({ name, file, mails: [] });
            continue;
        }
        const bytes = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile(file);
        read += bytes.length;
        // A file that grew since it was measured is measured again.
        if (read > limits.maxBytes)
            throw tooBig(read);
        const mails = (0,_mbox_js__WEBPACK_IMPORTED_MODULE_4__/* .splitMails */ .zL)(bytes);
        if (mails.length === 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .InputError */ .dz('outbox', `the file ${shown(name)} is empty`, 'Give each patch file at least one mail (`git format-patch` output), or remove it.');
        outbox.mails += mails.length;
        outbox.files.push({ name, file, mails });
    }
    if (outbox.mails > limits.maxChanges)
        throw tooManyChanges(outbox.mails, limits);
    return outbox;
}


/***/ }),

/***/ 1017:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ publishOne)
});

// EXTERNAL MODULE: ./src/workflow-commands.ts
var workflow_commands = __nccwpck_require__(6137);
// EXTERNAL MODULE: ./src/cleanup.ts
var cleanup = __nccwpck_require__(2691);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ./src/branch-suffix.ts
var branch_suffix = __nccwpck_require__(2061);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/github-fork.ts + 1 modules
var github_fork = __nccwpck_require__(6582);
// EXTERNAL MODULE: ./src/log-text.ts
var log_text = __nccwpck_require__(3529);
// EXTERNAL MODULE: ./src/sandbox.ts + 4 modules
var src_sandbox = __nccwpck_require__(5082);
// EXTERNAL MODULE: ./src/state.ts
var state = __nccwpck_require__(2462);
// EXTERNAL MODULE: ./src/token-facts.ts
var token_facts = __nccwpck_require__(7772);
// EXTERNAL MODULE: ./src/token.ts
var src_token = __nccwpck_require__(4606);
;// CONCATENATED MODULE: ./src/connect.ts










/**
 * The sandbox that holds gh's and git's configuration and credentials for this run, recorded
 * for the post step (src/state.ts) before anything is written into it. Inside `parent` (a sessions
 * step's folder, recorded already and removed as a whole) it is not recorded on its own.
 */
async function openSandbox(context, token, parent) {
    const sandbox = await src_sandbox/* Sandbox */.a.create(parent ?? context.runnerTemp, workflow_commands/* info */.pq);
    if (!parent)
        workflow_commands/* saveState */.LZ(state/* STATE */.c.sandboxDir, sandbox.dir);
    // actions/checkout leaves an Authorization header in the clone's config; an empty value resets it.
    // proactiveAuth (git 2.46+) asks gh for the credential before the first request, saving the
    // 401 round trip of every fetch and push; older git ignores the key.
    sandbox.overrideGitConfig([
        [`http.${context.serverUrl}/.extraheader`, ''],
        ['http.extraheader', ''],
        ['http.proactiveAuth', 'basic']
    ]);
    sandbox.authenticateGit(context.serverUrl, token);
    return sandbox;
}
/**
 * The target and PR branch when the inputs settle them without asking the API (a target is
 * given; no suffix, or one that does not name the target's tip), so that the clone's fetch
 * need not wait for the API's first answers. The suffix, when there is one, is drawn here.
 */
function namesFromInputs(inputs) {
    const target = inputs.targetBranch;
    if (target === undefined || inputs.branchSuffix === 'short-commit-hash')
        return undefined;
    const named = (0,branch_suffix/* pullRequestBranch */.Vl)(inputs.branch, target);
    return { target, branch: inputs.branchSuffix ? suffixed(named, inputs.branchSuffix, '') : named };
}
/**
 * The first API answers and, when there is a `run` script, gh's setup for it (`gh`), at once
 * where they do not depend on each other: for tokens that report no scopes (installation and
 * fine-grained), which gh's login accepts whatever the API says, gh logs in alongside the API's
 * first answers; otherwise once they say whether it may. Returns as soon as the API has
 * answered; gh's setup goes on. An API failure is reported first.
 */
async function connect(client, sandbox, options) {
    const { token, host, inputs, gh } = options;
    const authenticate = (ghLoginAccepts) => gh
        ? gh.provide(sandbox, { host, token, ghLoginAccepts, configWritten: options.configWritten })
        : Promise.resolve();
    // gh starts before the API client is loaded when nothing the API says can change its login.
    const early = gh && (0,src_token/* reportsNoScopes */.Kl)(token) ? authenticate(true) : undefined;
    early?.catch(() => undefined); // awaited as ghReady, or the API's failure is the one reported
    const github = await client;
    const starting = start(github, {
        target: options.names?.target ?? inputs.targetBranch,
        branch: options.names?.branch ?? inputs.branch,
        branchSuffix: options.names ? undefined : inputs.branchSuffix,
        lookUpPullRequest: inputs.mode === 'pull-request',
        fork: inputs.pushToFork
    });
    const forkChecked = inputs.pushToFork ? (0,github_fork/* checkPushToFork */.Q)(github, inputs.pushToFork) : Promise.resolve();
    const [session, fork] = await Promise.allSettled([starting, forkChecked]);
    if (session.status === 'rejected')
        throw session.reason;
    if (fork.status === 'rejected')
        throw fork.reason;
    const access = (0,src_token/* reviewTokenAccess */.S_)(session.value, workflow_commands/* warning */.$e);
    const ghReady = early ?? authenticate(access.ghLoginAccepts);
    ghReady.catch(() => undefined); // awaited before the changes are made
    return { ...session.value, ghReady };
}
/**
 * The first requests of a publish. The token's scopes and expiry come from the headers of
 * whichever answers first: the open pull request lookup when the target is known (pull-request
 * mode), the repository otherwise (it names the default branch). The repository is read too
 * when only its visibility can tell whether a `public_repo` token is enough. The branch names
 * are policy, decided here: the default branch when no target is given, `outbox/<target>`, and
 * the `branch-suffix` added to it.
 */
async function start(github, options) {
    let target = options.target;
    let facts;
    if (!target || !options.lookUpPullRequest) {
        const repository = await github.inspectRepository();
        target ??= repository.defaultBranch;
        facts = repository;
    }
    const named = (0,branch_suffix/* pullRequestBranch */.Vl)(options.branch, target);
    const branch = options.branchSuffix ? await withSuffix(github, named, target, options.branchSuffix) : named;
    let openPullRequest = Promise.resolve(undefined);
    if (options.lookUpPullRequest) {
        if (facts) {
            openPullRequest = github.pulls.find(branch, target, options.fork);
            openPullRequest.catch(() => undefined); // awaited later; this keeps an early failure from going unhandled
        }
        else {
            const looked = await github.pulls.lookUp(branch, target, options.fork);
            openPullRequest = Promise.resolve(looked.pullRequest);
            facts = {
                scopesHeader: looked.scopesHeader,
                expirationHeader: looked.expirationHeader,
                isPrivate: undefined
            };
        }
    }
    const scopes = (0,token_facts/* parseScopes */.F)(facts.scopesHeader) ?? [];
    if (facts.isPrivate === undefined && !scopes.includes('repo') && scopes.includes('public_repo')) {
        facts.isPrivate = (await github.inspectRepository()).isPrivate;
    }
    return { target, branch, ...facts, isPrivate: facts.isPrivate ?? true, openPullRequest };
}
/**
 * `<branch>-<suffix>` (src/branch-suffix.ts). `short-commit-hash` names the target's tip as the run
 * starts, read before the branch's pull request can be looked up: runs on the same tip share one
 * branch and pull request.
 */
async function withSuffix(github, branch, target, kind) {
    let baseSha = '';
    if (kind === 'short-commit-hash') {
        const tip = await github.branchTip(target);
        if (tip === undefined) {
            await github.inspectRepository(); // a repository the token cannot see is reported as such
            throw new errors/* InputError */.dz('target-branch', `branch ${(0,log_text/* quotedName */.aH)(target)} does not exist in ${github.owner}/${github.repo}`, 'Give an existing branch, or leave the input empty for the default branch.');
        }
        baseSha = tip;
    }
    return suffixed(branch, kind, baseSha);
}
/** `<branch>-<suffix>`, logged; `baseSha` only for `short-commit-hash`. */
function suffixed(branch, kind, baseSha) {
    const suffix = (0,branch_suffix/* branchSuffix */.aE)(kind, {
        randomBytes: external_node_crypto_.randomBytes(branch_suffix/* RANDOM_BYTES_NEEDED */.K$),
        now: Date.now(),
        baseSha
    });
    const suffixed = (0,branch_suffix/* withBranchSuffix */.Ks)(branch, suffix);
    workflow_commands/* info */.pq(`branch-suffix '${kind}': publishing through the branch ${(0,log_text/* quoteName */.AB)(suffixed)}.`);
    return suffixed;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/found-tools.ts
var found_tools = __nccwpck_require__(6377);
;// CONCATENATED MODULE: ./src/lfs-data.ts


/** Git LFS data read without running anything: pointers, config lines, batch API answers. */
const LFS_MEDIA_TYPE = 'application/vnd.git-lfs+json';
/** git-lfs reads blobs this small as possible pointers; a pointer is about 130 bytes. */
const MAX_POINTER_SIZE = 1024;
/** Parses a Git LFS pointer file (spec v1); undefined for anything else. */
function parsePointer(text) {
    if (text.length > MAX_POINTER_SIZE ||
        !text.startsWith('version https://git-lfs.github.com/spec/v1\n') ||
        !text.endsWith('\n'))
        return undefined;
    const lines = text.slice(0, -1).split('\n');
    const oid = lines.find((line) => line.startsWith('oid sha256:'))?.slice('oid sha256:'.length);
    const size = lines.find((line) => line.startsWith('size '))?.slice('size '.length);
    if (!oid || !/^[0-9a-f]{64}$/.test(oid) || !size || !/^\d+$/.test(size))
        return undefined;
    // Keys are sorted after `version`, one per line, with nothing but key/value lines.
    if (!lines.every((line) => /^[a-z0-9.-]+ \S.*$/.test(line)))
        return undefined;
    return { oid, size: Number(size) };
}
/**
 * The files git reads as the user's global config, later ones winning: GIT_CONFIG_GLOBAL alone
 * when set, else the XDG file then ~/.gitconfig (see git-config(1), FILES).
 */
function runnerGlobalConfigFiles(env, home) {
    if (env.GIT_CONFIG_GLOBAL)
        return [env.GIT_CONFIG_GLOBAL];
    const xdg = env.XDG_CONFIG_HOME
        ? external_node_path_.join(env.XDG_CONFIG_HOME, 'git', 'config')
        : external_node_path_.join(home, '.config', 'git', 'config');
    return [xdg, external_node_path_.join(home, '.gitconfig')];
}
/** `git config --get-regexp` output as [key, value] pairs. */
function parseConfigLines(output) {
    return output
        .split('\n')
        .filter((line) => line.length > 0)
        .map((line) => {
        const space = line.indexOf(' ');
        return space < 0 ? [line, ''] : [line.slice(0, space), line.slice(space + 1)];
    });
}
/** A `[filter "lfs"]` section holding the given filter.lfs.* entries, values quoted for git's config parser. */
function lfsFilterSection(entries) {
    const quote = (value) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\t/g, '\\t')}"`;
    const lines = entries
        .filter(([key]) => /^filter\.lfs\.[a-z]+$/i.test(key))
        .map(([key, value]) => `\t${key.slice('filter.lfs.'.length)} = ${quote(value)}`);
    return lines.length > 0 ? `[filter "lfs"]\n${lines.join('\n')}\n` : '';
}
/** Splits a batch answer into the objects GitHub has and those it does not; other errors are thrown. */
function readDownloadAnswer(answer) {
    const objects = answer?.objects;
    if (!Array.isArray(objects))
        throw new errors/* ActionError */.lZ("GitHub's Git LFS API gave an answer without objects.");
    const present = new Set();
    const absent = new Set();
    for (const object of objects) {
        if (typeof object.oid !== 'string')
            continue;
        if (object.actions?.download)
            present.add(object.oid);
        else if (object.error?.code === 404 || object.error?.code === 410)
            absent.add(object.oid);
        else
            throw new errors/* ActionError */.lZ(`GitHub's Git LFS API could not tell whether it has object ${object.oid}: ${object.error?.message ?? 'no download action'} (${object.error?.code ?? '?'}).`);
    }
    return { present, absent };
}

;// CONCATENATED MODULE: ./src/git-attributes.ts
/**
 * The `filter` attribute that the repository's .gitattributes give each of `paths`, from one
 * `git check-attr -z --stdin` (its answer is path, attribute, value, each NUL-terminated):
 * `lfs`, another driver's name, or `unspecified`/`unset`.
 */
async function filterAttributes(repo, paths, options = {}) {
    const fields = (await repo.git(['check-attr', '-z', '--stdin', 'filter'], { ...options, input: paths.join('\0') + '\0' })).stdout.split('\0');
    const filters = new Map();
    for (let i = 0; i + 2 < fields.length; i += 3)
        filters.set(fields[i], fields[i + 2]);
    return filters;
}

;// CONCATENATED MODULE: ./src/lfs-objects.ts



/** Objects per batch request (git-lfs's own default batch size). */
const BATCH_SIZE = 100;
/**
 * LFS-tracked blobs among those a publish's commits write (`blobs`, id → path, from
 * src/change-facts.ts), with their paths and, when they are pointers, their objects.
 */
async function newLfsFiles(tree, blobs) {
    const paths = blobs;
    if (paths.size === 0)
        return [];
    // Which of those paths the work tree's .gitattributes give to Git LFS (folders are never).
    const filters = await filterAttributes(tree, [...new Set(paths.values())]);
    const tracked = [...paths].filter(([, file]) => filters.get(file) === 'lfs').map(([sha]) => sha);
    if (tracked.length === 0)
        return [];
    const checked = await tree.git(['cat-file', '--batch-check=%(objectname) %(objecttype) %(objectsize)'], {
        input: tracked.join('\n') + '\n'
    });
    const files = [];
    for (const line of checked.stdout.split('\n')) {
        const [sha, type, size] = line.split(' ');
        if (!sha || type !== 'blob')
            continue;
        const pointer = Number(size) <= MAX_POINTER_SIZE ? parsePointer((await tree.blob(sha)).toString('latin1')) : undefined;
        files.push({ path: paths.get(sha), blob: sha, pointer });
    }
    return files;
}
/** Which of `objects` GitHub's LFS store has, from batch download requests (which change nothing). */
async function objectsOnGitHub(remote, objects) {
    const present = new Set();
    // Loaded here, not with the main step's bundle: node:https and node:zlib take a tenth of the
    // start-up before the clone's fetch, and a publish asks GitHub about LFS objects rarely.
    const { httpsFetch, proxyConfigured } = await __nccwpck_require__.e(/* import() */ 935).then(__nccwpck_require__.bind(__nccwpck_require__, 7935));
    // node:https rather than Node's fetch, as the API client (src/https-fetch.ts), unless the
    // runner names a proxy, which Node's fetch follows (NODE_USE_ENV_PROXY) and httpsFetch does not.
    const fetch = proxyConfigured(process.env) ? globalThis.fetch : httpsFetch;
    for (let i = 0; i < objects.length; i += BATCH_SIZE) {
        const chunk = objects.slice(i, i + BATCH_SIZE);
        const response = await fetch(`${remote.url}/info/lfs/objects/batch`, {
            method: 'POST',
            headers: {
                Accept: LFS_MEDIA_TYPE,
                'Content-Type': LFS_MEDIA_TYPE,
                Authorization: `Basic ${Buffer.from(`x-access-token:${remote.token}`).toString('base64')}`
            },
            body: JSON.stringify({
                operation: 'download',
                transfers: ['basic'],
                objects: chunk,
                hash_algo: 'sha256'
            })
        }).catch((error) => {
            throw new errors/* ActionError */.lZ(`Could not reach GitHub's Git LFS API: ${error.message}`);
        });
        const text = await response.text();
        if (!response.ok) {
            const message = (() => {
                try {
                    const message = JSON.parse(text).message;
                    return typeof message === 'string' ? message : '';
                }
                catch {
                    return '';
                }
            })();
            throw new errors/* ActionError */.lZ(`GitHub's Git LFS API answered ${response.status}${message ? `: ${message}` : ''} when asked which LFS objects it has. Nothing was pushed.`, response.status === 401 || response.status === 403 || response.status === 404
                ? 'Check that the token may read this repository (contents: read).'
                : undefined);
        }
        let answer;
        try {
            answer = JSON.parse(text);
        }
        catch {
            throw new errors/* ActionError */.lZ("GitHub's Git LFS API gave an answer that is not JSON.");
        }
        for (const oid of readDownloadAnswer(answer).present)
            present.add(oid);
    }
    return present;
}

;// CONCATENATED MODULE: ./src/lfs.ts









/**
 * Git LFS in the action's clones. A clone behaves as a person's would: the `run` script sees
 * the real content, changed LFS-tracked files are committed as pointers by git-lfs's filter,
 * and every new object is uploaded to GitHub's LFS store before the ref that needs it is pushed.
 *
 * - The filter comes from the runner's configuration: system-wide git config is seen by the
 *   sandbox's git as it is; the user's global config, which the sandbox's GIT_CONFIG_GLOBAL
 *   hides, is copied into the sandbox's global config (its filter.lfs.* keys and nothing else).
 * - Checkouts skip the smudge (GIT_LFS_SKIP_SMUDGE=1): a clone without a `run` script never
 *   needs the content, and outbox patches apply to pointers. Before the `run` script,
 *   `git lfs pull` brings the content of the checked-out files, and the script itself runs
 *   with smudging on (unless the job set GIT_LFS_SKIP_SMUDGE itself).
 * - The push runs with --no-verify, so no hook (git-lfs's pre-push among them) runs; the
 *   objects go up with an explicit `git lfs push` first. git-lfs reads git's config, the
 *   GIT_CONFIG_* variables included, so `git lfs push` and `git lfs pull` send the token with
 *   their first request as the action's fetch and push do (Sandbox.authenticateGit): no gh.
 */
const jobSkipsSmudge = () => /^(1|true|yes|on)$/i.test(process.env.GIT_LFS_SKIP_SMUDGE ?? '');
/** Git LFS as the runner provides it: whether git-lfs runs, and whether its filter is configured. */
class LfsSupport {
    sandbox;
    availability;
    version;
    constructor(sandbox) {
        this.sandbox = sandbox;
    }
    /**
     * Takes the filter.lfs.* keys of the runner's global config into the sandbox's, and makes
     * checkouts skip the smudge (a variable that nothing reads where git-lfs or its filter is
     * missing). Whether git-lfs can be used is asked only once a publish meets LFS files
     * (`unavailable`): most never do, and the question takes three processes. gh's credential
     * helper lines, when a `run` script needs them, are appended after (src/gh-login.ts).
     */
    static async setUp(sandbox) {
        const lfs = new LfsSupport(sandbox);
        const entries = [];
        for (const file of runnerGlobalConfigFiles(process.env, external_node_os_.homedir())) {
            if (!(0,external_node_fs_.existsSync)(file))
                continue;
            const found = await sandbox.run('git', ['config', '--file', file, '--includes', '--get-regexp', '^filter\\.lfs\\.'], { cwd: sandbox.dir, allowFailure: true });
            entries.push(...parseConfigLines(found.stdout));
        }
        const section = lfsFilterSection(entries);
        // Without git-lfs the copied keys would make checkouts fail with git's own filter error,
        // instead of our message once a publish meets LFS files: copied only where it can run.
        if (section && (await lfs.gitLfsFound()))
            await sandbox.appendGitConfig(section);
        sandbox.setVariables({ GIT_LFS_SKIP_SMUDGE: '1' });
        return lfs;
    }
    /**
     * Whether `git lfs` can start: a `git-lfs` executable on PATH (no process), else what
     * `git lfs version` says (git also looks in its exec-path; other systems name it otherwise).
     */
    async gitLfsFound() {
        if ((0,found_tools/* findOnPath */.a)('git-lfs', process.env.PATH ?? '') !== undefined)
            return true;
        return (await this.lfsVersion()).exitCode === 0;
    }
    /** `git lfs version`, run at most once: for gitLfsFound where git-lfs is not on PATH, and for check. */
    lfsVersion() {
        this.version ??= this.sandbox.run('git', ['lfs', 'version'], {
            cwd: this.sandbox.dir,
            allowFailure: true
        });
        return this.version;
    }
    /** Why LFS cannot be used on this runner, or undefined when it can; asked once, when needed. */
    unavailable() {
        this.availability ??= this.check();
        return this.availability;
    }
    async check() {
        const { sandbox } = this;
        const version = await this.lfsVersion();
        if (version.exitCode !== 0)
            return 'git-lfs is not installed on this runner (`git lfs version` failed)';
        // What the sandbox's git sees: the system's config (unless the job hides it) and the copy.
        const effective = await sandbox.run('git', ['config', '--get-regexp', '^filter\\.lfs\\.'], {
            cwd: sandbox.dir,
            allowFailure: true
        });
        const keys = new Set(parseConfigLines(effective.stdout).map(([key]) => key.toLowerCase()));
        if (!keys.has('filter.lfs.process') && !(keys.has('filter.lfs.clean') && keys.has('filter.lfs.smudge'))) {
            return 'git-lfs is installed but its filter is not configured (no filter.lfs.* in the system or global git config)';
        }
        workflow_commands/* info */.pq(`Git LFS: ${version.stdout.trim().split(' ')[0]}; checkouts skip the download of LFS content until a 'run' script needs it.`);
        return undefined;
    }
    /** For the `run` script and what brings its content: smudging on, unless the job turned it off. */
    get contentEnv() {
        return jobSkipsSmudge() ? {} : { GIT_LFS_SKIP_SMUDGE: '0' };
    }
    /** Before the `run` script: the real content of the LFS files checked out (one `git lfs pull`). */
    async fetchContent(tree) {
        if (jobSkipsSmudge())
            return;
        const tracked = await tree.git(['ls-files', '-z', '--', ':(attr:filter=lfs)']);
        if (tracked.stdout === '' || (await this.unavailable()))
            return;
        await tree.git(['lfs', 'pull', 'origin'], {
            env: this.contentEnv,
            authenticated: true,
            fix: "Git LFS could not download the content of the repository's LFS files. Check that the objects exist on GitHub."
        });
    }
    /**
     * Reviews the LFS-tracked files that the publish's commits add or change (`blobs`, from
     * src/change-facts.ts), before anything is pushed: without git-lfs they cannot be published; none
     * may be committed raw; each object must be either in the clone's LFS store (to upload) or on
     * GitHub already.
     */
    async review(tree, blobs, remote) {
        const files = await newLfsFiles(tree, blobs);
        if (files.length === 0)
            return new LfsUploads(tree, []);
        const names = (list) => list.map((file) => JSON.stringify(file.path)).join(', ');
        const unavailable = await this.unavailable();
        if (unavailable) {
            throw new errors/* ActionError */.lZ(`This change touches files the repository stores with Git LFS (${names(files)}), and ${unavailable}. Nothing was pushed.`, 'git-lfs is needed: install it before this step (on Debian or Ubuntu: `sudo apt-get install -y git-lfs`, then `git lfs install`). GitHub-hosted runners have it.');
        }
        const raw = files.filter((file) => !file.pointer);
        if (raw.length > 0) {
            throw new errors/* ActionError */.lZ(`${names(raw)} would be committed as raw content over Git LFS pointers (git-lfs's filter did not run on them). Nothing was pushed.`, 'Write these files through git with the Git LFS filter active (`git lfs install`), or leave them out of the change.');
        }
        const store = external_node_path_.resolve(tree.dir, (await tree.git(['rev-parse', '--git-common-dir'])).stdout.trim(), 'lfs', 'objects');
        const local = new Set();
        for (const { pointer } of files) {
            const stat = await promises_.stat(external_node_path_.join(store, pointer.oid.slice(0, 2), pointer.oid.slice(2, 4), pointer.oid))
                .catch(() => undefined);
            if (stat?.size === pointer.size)
                local.add(pointer.oid);
        }
        const onGitHub = await objectsOnGitHub(remote, [
            ...new Map(files.map((f) => [f.pointer.oid, f.pointer])).values()
        ]);
        const missing = files.filter((file) => !local.has(file.pointer.oid) && !onGitHub.has(file.pointer.oid));
        if (missing.length > 0) {
            throw new errors/* ActionError */.lZ(`The Git LFS object of ${names(missing)} is neither on GitHub nor in this clone, so the published file would be broken. Nothing was pushed.`, 'Push the LFS objects to GitHub first (`git lfs push --all origin` where they were made), or leave these files out of the outbox: patches and bundles carry pointers, not LFS objects.');
        }
        return new LfsUploads(tree, files.filter((file) => !onGitHub.has(file.pointer.oid)));
    }
}
/** The LFS objects a publish must upload before its push. */
class LfsUploads {
    tree;
    files;
    constructor(tree, 
    /** New LFS files whose objects GitHub does not have yet. */
    files) {
        this.tree = tree;
        this.files = files;
    }
    /** For the dry run: which objects would go up, or undefined when none. */
    describe() {
        if (this.files.length === 0)
            return undefined;
        const list = this.files
            .map((file) => `${JSON.stringify(file.path)} (${file.pointer.oid.slice(0, 12)}, ${file.pointer.size} bytes)`)
            .join(', ');
        return `would upload ${this.files.length} Git LFS object(s) before the push: ${list}`;
    }
    /**
     * Uploads every LFS object that HEAD brings and the remote-tracking refs lack (git-lfs asks
     * GitHub, which skips what it has), before the ref is pushed, with the header of
     * Sandbox.authenticateGit (an Authorization header keeps git-lfs from asking a credential
     * helper); no hook is involved.
     */
    async upload() {
        if (this.files.length === 0)
            return;
        await this.tree.git(['lfs', 'push', 'origin', 'HEAD'], {
            authenticated: true,
            fix: 'Nothing was pushed. Check that the token may push to this repository (contents: write), and that no one else holds a Git LFS lock on these files.'
        });
        workflow_commands/* info */.pq(`Uploaded ${this.files.length} Git LFS object(s) to GitHub.`);
    }
}

// EXTERNAL MODULE: ./src/git.ts
var git = __nccwpck_require__(1243);
// EXTERNAL MODULE: ./src/identity.ts
var identity = __nccwpck_require__(5625);
// EXTERNAL MODULE: ./src/add-paths.ts
var add_paths = __nccwpck_require__(425);
;// CONCATENATED MODULE: ./src/staging.ts



/**
 * `add-paths` applied to a work tree's uncommitted changes: git matches the pathspecs and stages
 * exactly those paths (the two steps src/add-paths.ts explains), and what is left out is listed in
 * the log, each name quoted (a file name is data). `where` runs git on another work tree or index
 * (an existing clone read through our own git folder, src/existing-clone.ts).
 */
async function stageMatching(repo, pathspecs, where = {}) {
    const matching = (0,add_paths/* splitNul */.K5)((await repo.git((0,add_paths/* listArguments */.DQ)(pathspecs), where)).stdout);
    if (matching.length > 0)
        await repo.git([...add_paths/* STAGE_ARGUMENTS */._v], { ...where, input: (0,add_paths/* stageInput */.j4)(matching) });
    const status = await repo.git(['status', '--porcelain=v1', '-z', '--untracked-files=all', '--ignore-submodules=dirty', '--no-renames'], where);
    const result = (0,add_paths/* partitionStatus */.je)(status.stdout);
    logLeftOut(result.leftOut);
    return result;
}
/** The most left-out names the log lists one by one; the rest are counted. */
const LISTED = 50;
function logLeftOut(leftOut) {
    if (leftOut.length === 0)
        return;
    const names = leftOut.slice(0, LISTED).map((name) => `  ${(0,log_text/* quoteName */.AB)(name)}`);
    if (leftOut.length > LISTED)
        names.push(`  ... and ${leftOut.length - LISTED} more`);
    workflow_commands/* info */.pq(`add-paths: ${leftOut.length} changed file(s) match none of its pathspecs and are left out of the commit:\n${names.join('\n')}`);
}

;// CONCATENATED MODULE: ./src/clone-work-tree.ts






/**
 * The clone's uncommitted changes (untracked files too, ignored ones not) as one commit on its
 * HEAD, made in our repository: its work tree is read through our git folder and a fresh index
 * (GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE), so the clone's config, hooks and index are never
 * used. Returns the new commit, or HEAD when nothing changed. A changed file whose attributes
 * name a filter (`filter=lfs`...) is refused: its driver would come from the clone's config,
 * and storing the file unfiltered would publish something else than the clone holds.
 */
async function commitWorkTree(ours, clone, commit) {
    const gitDir = external_node_path_.join(ours.dir, '.git');
    const env = {
        GIT_DIR: gitDir,
        GIT_WORK_TREE: clone.dir,
        GIT_INDEX_FILE: external_node_path_.join(gitDir, 'index-taken-over')
    };
    const inClone = { cwd: clone.dir, env };
    await ours.git(['read-tree', clone.head], inClone);
    if (commit.addPaths.length > 0)
        await stageMatching(ours, commit.addPaths, inClone);
    else
        await ours.git(['add', '--all'], inClone);
    const changed = (await ours.git(['diff-index', '--cached', '--name-only', '-z', clone.head], inClone)).stdout
        .split('\0')
        .filter((name) => name.length > 0);
    if (changed.length === 0)
        return clone.head;
    const filtered = [...(await filterAttributes(ours, changed, inClone))]
        .filter(([, filter]) => !['unspecified', 'unset'].includes(filter))
        .map(([file, filter]) => `${file} (filter=${filter})`);
    if (filtered.length > 0) {
        throw new errors/* ActionError */.lZ(`The clone at '${clone.dir}' has uncommitted changes to files that go through a filter: ${filtered.slice(0, 10).join(', ')}${filtered.length > 10 ? ', ...' : ''}. ` +
            "The filter's program would come from the clone's own config, which this action does not run, and the files cannot be taken over without it.", 'Commit those changes before this step (git runs the filter then), or let the `run` script make them.');
    }
    const tree = (await ours.git(['write-tree'], inClone)).stdout.trim();
    // No sign-off here: this commit is replayed onto the target like the clone's own, which adds it.
    const withTrailers = (await ours.git(['interpret-trailers', '--trailer', git/* PUBLISHED_BY_TRAILER */.nS], {
        input: cleanMessage(commit.commitMessage)
    })).stdout;
    return (await ours.git(['commit-tree', tree, '-p', clone.head, '-F', '-'], {
        input: withTrailers,
        env: (0,identity/* identityEnv */.W)(commit.author, commit.committer)
    })).stdout.trim();
}
/** git commit's `whitespace` clean-up: no trailing spaces, no leading, trailing or repeated blank lines. */
function cleanMessage(message) {
    const lines = message.split('\n').map((line) => line.replace(/\s+$/, ''));
    return (lines
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .replace(/^\n+|\n+$/g, '') + '\n');
}

// EXTERNAL MODULE: ./src/git-remote.ts
var git_remote = __nccwpck_require__(994);
;// CONCATENATED MODULE: ./src/carry-over.ts






/**
 * A clone found at `path` (src/existing-clone.ts), its work carried over into the action's own
 * clone: its origin checked, its commits and uncommitted changes replayed onto the target's tip.
 */
function normalizeRemote(url) {
    return url
        .replace(/^(https?:\/\/)[^@/]*@/, '$1')
        .replace(/\/+$/, '')
        .replace(/\.git$/, '')
        .toLowerCase();
}
function checkOrigin(clone, options) {
    const origin = clone.originUrl;
    if (!origin || normalizeRemote(origin) !== normalizeRemote(options.remoteUrl)) {
        throw new errors/* InputError */.dz('path', `'${clone.dir}' is a clone of ${origin ? `'${origin.replace(/\/\/[^@/]*@/, '//')}'` : 'no origin'}, not of ${options.repository}`, "Point 'path' at a clone of the repository given in 'repo', or at a new or empty folder.");
    }
}
/** Finds where `head` left the target, deepening a shallow clone until the two histories meet. */
async function findBase(tree, head, target, targetRef) {
    for (const history of [undefined, { depth: 50 }, { depth: 1000 }, { unshallow: true }]) {
        if (history) {
            if (!(await tree.isShallow()))
                break;
            await (0,git_remote/* fetchBranches */.r4)(tree, [target], history);
        }
        const base = await tree.mergeBase(head, targetRef);
        if (base)
            return base;
    }
    throw new errors/* ActionError */.lZ(`The clone's HEAD shares no history with '${target}'.`, "Check out the target branch (or a branch made from it) in 'path' before this step.");
}
/**
 * Re-creates the clone's own commits, and a commit of its uncommitted changes, on top of the
 * target's tip in our clone, each with our trailer. The found clone is left as it was.
 */
async function carryOverOntoTarget(work, clone, options) {
    const { git: tree, targetRef } = work;
    await findBase(tree, clone.head, options.target, targetRef);
    const saved = await commitWorkTree(tree, clone, options);
    const savedChanges = saved !== clone.head;
    const series = await tree.commitsBetween(targetRef, saved);
    for (const sha of series) {
        if (await tree.isMerge(sha)) {
            throw new errors/* ActionError */.lZ(`The clone holds a merge commit (${sha.slice(0, 12)}) on top of '${options.target}'.`, 'Publish linear history: rebase the work onto the target before this step.');
        }
    }
    await tree.checkoutNewBranch(options.branch, targetRef);
    try {
        for (const sha of series)
            await tree.replayCommit(sha, options.committer);
    }
    catch (error) {
        if (error instanceof git/* ConflictError */.fK) {
            throw new errors/* ActionError */.lZ(`The clone's work does not apply on the current '${options.target}': ${error.message}`, 'The clone was left as it was. Update the work to the current target and run again.');
        }
        throw error;
    }
    const carried = series.length - (savedChanges ? 1 : 0);
    workflow_commands/* info */.pq(`Carried ${carried} commit(s)${savedChanges ? ' and the uncommitted changes' : ''} from the clone at ${(0,log_text/* quoteName */.AB)(clone.dir)} onto ${(0,log_text/* quoteName */.AB)(options.target)} (${work.target.sha.slice(0, 12)}) in the action's own clone at ${(0,log_text/* quoteName */.AB)(tree.dir)}.`);
}

// EXTERNAL MODULE: ./src/git-config-text.ts
var git_config_text = __nccwpck_require__(4668);
;// CONCATENATED MODULE: ./src/git-init.ts



/**
 * A new repository's `.git`, written as `git init -q --template= --initial-branch=<branch>`
 * writes it (git's create_default_files with no template: HEAD, the config, the object and ref
 * folders), without its process, which is on the critical path of every publish (it comes
 * right before the clone's fetch). git probes the file system for three config values; so does
 * this, the same way: whether the executable bit sticks (`filemode`), whether symbolic links can
 * be made (`symlinks`), whether names ignore case (`ignorecase`).
 *
 * Only where that is all git writes: on Linux (macOS adds `precomposeunicode`, Windows its own
 * defaults), with SHA-1 objects, and when no configuration git reads could change what it
 * writes (`core.sharedRepository` changes modes and is written too, `core.logAllRefUpdates` is
 * then not written). Otherwise returns false, and `git init` itself makes the repository.
 */
async function writeNewRepository(dir, branch, env = process.env, platform = process.platform) {
    if (platform !== 'linux' || !initIsPlain(env))
        return false;
    const gitDir = external_node_path_.join(dir, '.git');
    for (const folder of ['objects/info', 'objects/pack', 'refs/heads', 'refs/tags'])
        await promises_.mkdir(external_node_path_.join(gitDir, folder), { recursive: true });
    await promises_.writeFile(external_node_path_.join(gitDir, 'HEAD'), `ref: refs/heads/${branch}\n`);
    const config = external_node_path_.join(gitDir, 'config');
    await promises_.writeFile(config, '');
    const lines = [
        '[core]',
        '\trepositoryformatversion = 0',
        `\tfilemode = ${await executableBitSticks(config)}`,
        '\tbare = false',
        '\tlogallrefupdates = true'
    ];
    if (!(await symlinksWork(gitDir)))
        lines.push('\tsymlinks = false');
    if ((0,external_node_fs_.existsSync)(external_node_path_.join(gitDir, 'CoNfIg')))
        lines.push('\tignorecase = true');
    await promises_.writeFile(config, lines.join('\n') + '\n');
    return true;
}
/**
 * Keys of git's configuration that change what `git init` writes, and `include`: an include
 * (`[include]`, `include.path`, `includeIf`, or a section header on the same line as another)
 * could hide them, so any mention of one counts as setting them.
 */
const INIT_KEYS = /sharedrepository|logallrefupdates|include/i;
/**
 * Whether `git init` would write exactly the plain repository: SHA-1 (no GIT_DEFAULT_HASH), and
 * none of INIT_KEYS in the system config (read as text) or in the job's `git -c` variables
 * (GIT_CONFIG_*, GIT_CONFIG_PARAMETERS). The sandbox's global config holds only what the action
 * writes. The system config is taken to be /etc/gitconfig, as Debian's and Ubuntu's git read it:
 * a git built with another prefix reads its own, and a sharedRepository set only there is not
 * written into the new repository's config.
 */
function initIsPlain(env) {
    if (env.GIT_DEFAULT_HASH !== undefined && env.GIT_DEFAULT_HASH.toLowerCase() !== 'sha1')
        return false;
    if (INIT_KEYS.test(env.GIT_CONFIG_PARAMETERS ?? ''))
        return false;
    const count = Number(env.GIT_CONFIG_COUNT ?? '0') || 0;
    for (let i = 0; i < count; i++)
        if (INIT_KEYS.test(env[`GIT_CONFIG_KEY_${i}`] ?? ''))
            return false;
    if (env.GIT_CONFIG_NOSYSTEM && !/^(0|false|no|off)$/i.test(env.GIT_CONFIG_NOSYSTEM))
        return true;
    const file = env.GIT_CONFIG_SYSTEM ?? '/etc/gitconfig';
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        return error.code === 'ENOENT';
    }
    return !INIT_KEYS.test(text);
}
/** git's filemode probe: the config file's executable bit flipped, seen changed, and restored. */
async function executableBitSticks(file) {
    try {
        const before = (await promises_.lstat(file)).mode;
        if (before & 0o100)
            return false;
        await promises_.chmod(file, before ^ 0o100);
        const after = (await promises_.lstat(file)).mode;
        await promises_.chmod(file, before);
        return after !== before;
    }
    catch {
        return false;
    }
}
/** git's symlink probe: a link made, seen as a link, and removed. */
async function symlinksWork(gitDir) {
    const probe = external_node_path_.join(gitDir, `tmp-symlink-probe-${process.pid}`);
    try {
        await promises_.symlink('testing', probe);
        return (await promises_.lstat(probe)).isSymbolicLink();
    }
    catch {
        return false;
    }
    finally {
        await promises_.rm(probe, { force: true });
    }
}

;// CONCATENATED MODULE: ./src/git-worktree.ts









/**
 * A clone this action made, and the commands that change it: sparse checkout, checking out the
 * branch, and committing (staging, replaying, rebasing), always with our trailer.
 */
class GitWorkTree extends git/* Git */.TU {
    signoff;
    /** Set by `startSparse`: only the top-level files and the folders `widenSparse` named are checked out. */
    sparse = false;
    /** The index file (see `commitAll`); every work tree is a clone this action made. */
    ownIndex;
    constructor(sandbox, dir, 
    /** `signoff`: every commit made here gets `Signed-off-by: <committer>` (git's `--signoff`). */
    signoff) {
        super(sandbox, dir);
        this.signoff = signoff;
    }
    /** An empty repository at `dir` whose `origin` is `remoteUrl`; `dir` must be missing or empty. */
    static async init(sandbox, dir, remoteUrl, options) {
        await promises_.mkdir(dir, { recursive: true });
        const tree = new GitWorkTree(sandbox, dir, options.signoff);
        // No template: its hooks are samples that never run, and its other files unused (the action's
        // git runs no hook); copying them is most of what `git init` does. Where git would write
        // nothing else, the files are written here, without its process (src/git-init.ts).
        if (!(await writeNewRepository(dir, options.initialBranch)))
            await tree.git(['init', '-q', '--template=', `--initial-branch=${options.initialBranch}`]);
        await tree.addRemote('origin', remoteUrl);
        await promises_.appendFile(external_node_path_.join(dir, '.git', 'config'), (0,git_config_text/* lfsEndpointSection */.u8)(remoteUrl));
        tree.ownIndex = external_node_path_.join(dir, '.git', 'index');
        return tree;
    }
    /** `git remote add`, without its process: the lines it would write, appended to our config. */
    async addRemote(name, url) {
        await promises_.appendFile(external_node_path_.join(this.dir, '.git', 'config'), (0,git_config_text/* remoteSection */.c)(name, url));
        // What `[command]git remote add` showed: which repository this clone talks to.
        this.sandbox.log(`Remote ${name}: ${(0,log_text/* quoteName */.AB)(url)}`);
    }
    /**
     * From the next checkout on, only top-level files are written (a cone-mode sparse checkout);
     * folders come in through `widenSparse` when a change needs them.
     */
    async startSparse() {
        // `init --cone` (git 2.25+) rather than `set --cone` (2.35+): the same top-level-only start.
        await this.git(['sparse-checkout', 'init', '--cone']);
        this.sparse = true;
    }
    /**
     * In a sparse work tree, checks out the folders that hold the paths `touched` names (asked for
     * only then, as listing them takes a git process); in a full one, nothing to do.
     */
    async widenSparse(touched) {
        if (!this.sparse)
            return;
        const folders = new Set((await touched()).map((file) => external_node_path_.posix.dirname(file)).filter((folder) => folder !== '.'));
        if (folders.size === 0)
            return;
        // --stdin reads a line that starts with a quote as C-quoted: quoting every line keeps any name literal.
        await this.git(['sparse-checkout', 'add', '--stdin'], {
            input: [...folders].map(log_text/* cQuote */.qV).join('\n') + '\n'
        });
    }
    /** The branch `checkoutNewBranch` checked out, which the action's own commits go on. */
    branch;
    async checkoutNewBranch(branch, startPoint) {
        await this.git(['checkout', '-q', '--no-track', '-B', branch, startPoint]);
        this.branch = branch;
    }
    /**
     * Commits every change in the work tree (new files honouring .gitignore, edits, deletions) with
     * our trailer, or with `addPaths` only those that match (src/staging.ts); returns whether there
     * was anything to commit.
     *
     * Files written in the same second as the index are "racily clean": git cannot trust their
     * timestamps and reads and hashes them on every index write and refresh. After a checkout of
     * many files that is most of the cost, and `add --all` then `commit` pays it twice. Without new
     * files, `commit --all` alone refreshes once. With new files, they are added to the index first
     * (`update-index --add`: literal names, and linear where `add` with thousands of pathspecs is
     * not), and that index write checks every racily clean entry by content, smudging those that
     * changed; from then on each entry either matches its file or is marked changed. In a clone of
     * our own the index's time is then moved one second on, so that `commit --all` trusts what was
     * just verified instead of hashing it again; the commit writes a new index with a true time,
     * which restores git's protection for whatever comes after. A
     * process that the `run` script leaves running may write files at any moment; what it writes
     * after the staging begins may miss this commit, as it would if written after the commit.
     */
    async commitAll(message, author, committer, addPaths = []) {
        if (addPaths.length > 0) {
            // Only what matches is staged; the rest stays in the work tree, uncommitted, and is logged.
            if ((await stageMatching(this, addPaths)).staged.length === 0)
                return false;
            return this.commitStaged(message, author, committer, []);
        }
        const untracked = await this.git(['ls-files', '--others', '--exclude-standard', '-z']);
        if (untracked.stdout) {
            // An embedded repository is listed as 'dir/'; update-index takes it (as a gitlink) as 'dir'.
            const names = untracked.stdout
                .split('\0')
                .filter((name) => name.length > 0)
                .map((name) => name.replace(/\/$/, ''));
            await this.git(['update-index', '--add', '-z', '--stdin'], { input: names.join('\0') + '\0' });
            if (this.ownIndex) {
                const written = (await promises_.stat(this.ownIndex)).mtimeMs / 1000;
                await promises_.utimes(this.ownIndex, new Date(), Math.floor(written) + 1);
            }
        }
        return this.commitStaged(message, author, committer, ['--all']);
    }
    /** `git commit` with our trailer (and the sign-off); false when there was nothing to commit. */
    async commitStaged(message, author, committer, extra) {
        const commit = [
            'commit',
            '-q',
            ...extra,
            '--no-verify',
            '--no-gpg-sign',
            ...this.signoffOption(),
            '--trailer',
            git/* PUBLISHED_BY_TRAILER */.nS,
            '-F',
            '-'
        ];
        const committed = await this.git(commit, {
            input: message,
            env: (0,identity/* identityEnv */.W)(author, committer),
            allowFailure: true
        });
        if (committed.exitCode === 0)
            return true;
        // Only when the commit failed: nothing differs from HEAD that the commit would take (a
        // submodule with edits inside it but the same commit checked out is not a change) means there
        // was nothing to commit.
        const unchanged = await this.git([
            'diff',
            '--quiet',
            '--ignore-submodules=dirty',
            ...(extra.includes('--all') ? [] : ['--cached']),
            'HEAD'
        ], { allowFailure: true });
        if (unchanged.exitCode === 0)
            return false;
        throw new errors/* CommandError */.Qd(['git', ...commit].join(' '), committed.exitCode, committed.stderr || committed.stdout);
    }
    /** `--signoff` when the input asks for it: git adds the committer's line, once. */
    signoffOption() {
        return this.signoff ? ['--signoff'] : [];
    }
    /** Re-creates `sha` on HEAD with its author, date and message, plus our trailer. */
    async replayCommit(sha, committer) {
        const picked = await this.git(['cherry-pick', '--no-commit', '--allow-empty', sha], {
            allowFailure: true
        });
        if (picked.exitCode !== 0) {
            await this.git(['reset', '-q', '--hard', 'HEAD'], { allowFailure: true });
            throw new git/* ConflictError */.fK(`Commit ${sha.slice(0, 12)}`, picked.stderr || picked.stdout);
        }
        await this.git([
            'commit',
            '-q',
            '--no-verify',
            '--no-gpg-sign',
            '--allow-empty',
            '-C',
            sha,
            ...this.signoffOption(),
            '--trailer',
            git/* PUBLISHED_BY_TRAILER */.nS
        ], {
            env: (0,identity/* identityEnv */.W)(undefined, committer)
        });
    }
    /**
     * Points the branch at `ref`, a commit with HEAD's very tree (signed commits), leaving the index
     * and the files as they are: changes that `add-paths` left out stay in the work tree.
     */
    async moveToSameTree(ref) {
        await this.git(['reset', '-q', '--soft', ref]);
    }
    /**
     * Moves the commits `upstream..HEAD` onto `onto`; on a conflict the rebase is undone. Changes
     * that `add-paths` left out are stashed meanwhile (the stash commit is the committer's; the
     * rebased commits keep their authors).
     */
    async rebaseOnto(onto, upstream, committer) {
        const rebase = ['rebase', '-q', '--autostash', '--no-gpg-sign', '--onto', onto, upstream];
        const result = await this.git(rebase, {
            allowFailure: true,
            env: (0,identity/* identityEnv */.W)(committer, committer)
        });
        if (result.exitCode !== 0) {
            await this.git(['rebase', '--abort'], { allowFailure: true });
            throw new git/* ConflictError */.fK('Rebasing onto the new target', result.stderr || result.stdout);
        }
    }
}

;// CONCATENATED MODULE: ./src/existing-clone.ts



const SHA = /^[0-9a-f]{40}$/;
/** Settings copied from the clone's config: each one is read by git as data, none names a program. */
const INERT_SETTINGS = [
    'core.autocrlf',
    'core.eol',
    'core.safecrlf',
    'core.filemode',
    'core.symlinks',
    'core.ignorecase',
    'core.precomposeunicode',
    'core.excludesfile',
    'core.attributesfile'
];
function refused(dir, what, fix) {
    return new errors/* ActionError */.lZ(`The clone at '${dir}' ${what}.`, fix);
}
/** Reads the clone at `dir`; `reader` is a repository of our own, in which `git config --file` runs. */
async function readExistingClone(reader, dir) {
    const gitDir = external_node_path_.join(dir, '.git');
    const stat = await promises_.stat(gitDir).catch(() => undefined);
    if (!stat?.isDirectory()) {
        throw new errors/* ActionError */.lZ(`'${dir}' holds files but no .git folder${stat ? ' (its .git is a file: a linked work tree or a submodule)' : ''}.`, "Point 'path' at the folder actions/checkout cloned into, or at a new or empty folder.");
    }
    const fix = "Use a plain clone made by actions/checkout (or 'git clone'), or leave 'path' empty for a fresh clone.";
    if (await exists(external_node_path_.join(gitDir, 'commondir')))
        throw refused(dir, 'is a linked work tree', fix);
    if (await exists(external_node_path_.join(gitDir, 'objects', 'info', 'alternates')))
        throw refused(dir, 'borrows objects from another repository (objects/info/alternates)', fix);
    const config = await readConfigFile(reader, external_node_path_.join(gitDir, 'config'), dir);
    const one = (key) => config.get(key)?.at(-1);
    if (one('core.worktree') !== undefined)
        throw refused(dir, 'sets core.worktree (its work tree is elsewhere)', fix);
    if (one('core.bare') === 'true')
        throw refused(dir, 'is a bare repository', fix);
    const objectFormat = one('extensions.objectformat');
    if (objectFormat && objectFormat.toLowerCase() !== 'sha1')
        throw refused(dir, `uses the '${objectFormat}' object format, which GitHub does not serve`, fix);
    const refStorage = one('extensions.refstorage');
    if (refStorage && refStorage.toLowerCase() !== 'files')
        throw refused(dir, `keeps its refs in '${refStorage}' storage`, fix);
    const head = await resolveHead(gitDir, dir);
    const shallowText = await promises_.readFile(external_node_path_.join(gitDir, 'shallow'), 'utf8').catch(() => '');
    const shallow = shallowText.split('\n').filter((line) => line.length > 0);
    if (shallow.some((sha) => !SHA.test(sha)))
        throw refused(dir, 'has an unreadable .git/shallow file', fix);
    const settings = INERT_SETTINGS.flatMap((key) => {
        const value = one(key);
        return value === undefined ? [] : [[key, value]];
    });
    return { dir, gitDir, head, originUrl: one('remote.origin.url'), shallow, settings };
}
async function exists(file) {
    return promises_.stat(file).then(() => true, () => false);
}
/** Every key of a config file (lower-cased section and name, as git prints them), without following includes. */
async function readConfigFile(reader, file, dir) {
    const result = await reader.git(['config', '--file', file, '--no-includes', '--null', '--list'], {
        allowFailure: true
    });
    if (result.exitCode !== 0 && (await exists(file))) {
        throw refused(dir, `has a config file that git cannot read: ${result.stderr.trim()}`, 'Fix or remove the .git/config that an earlier step wrote.');
    }
    const entries = new Map();
    for (const entry of result.stdout.split('\0')) {
        if (!entry)
            continue;
        const newline = entry.indexOf('\n');
        const [key, value] = newline < 0 ? [entry, 'true'] : [entry.slice(0, newline), entry.slice(newline + 1)];
        entries.set(key, [...(entries.get(key) ?? []), value]);
    }
    return entries;
}
/** A ref name that stays inside the .git folder when read as a file. */
function isSafeRefName(name) {
    return (name.startsWith('refs/') &&
        !/[\x00-\x20\x7f\\:]/.test(name) &&
        name.split('/').every((part) => part !== '' && part !== '.' && part !== '..'));
}
/** HEAD's commit, following symbolic refs through loose ref files and packed-refs. */
async function resolveHead(gitDir, dir) {
    const noCommit = new errors/* ActionError */.lZ(`The clone at '${dir}' has no commit checked out.`, "Check out a branch in 'path' before this step, or leave 'path' empty.");
    let content = (await promises_.readFile(external_node_path_.join(gitDir, 'HEAD'), 'utf8').catch(() => '')).trim();
    for (let depth = 0; depth < 5; depth++) {
        if (SHA.test(content))
            return content;
        const symbolic = /^ref: (.+)$/.exec(content);
        if (!symbolic || !isSafeRefName(symbolic[1]))
            throw noCommit;
        const ref = symbolic[1];
        const loose = await promises_.readFile(external_node_path_.join(gitDir, ...ref.split('/')), 'utf8').catch(() => undefined);
        if (loose !== undefined) {
            content = loose.trim();
            continue;
        }
        const packed = await promises_.readFile(external_node_path_.join(gitDir, 'packed-refs'), 'utf8').catch(() => '');
        const line = packed.split('\n').find((l) => l.endsWith(` ${ref}`) && SHA.test(l.slice(0, 40)));
        if (line)
            return line.slice(0, 40);
        throw noCommit;
    }
    throw noCommit;
}
/** Where our repository sees the clone's objects: a folder of links to its object folders. */
const BORROWED = 'borrowed';
/**
 * Lets `ours` read every object of the clone, without copying them and without git ever
 * treating the clone as a repository. An alternate whose real path ends in `/objects` next to a
 * `refs` folder makes git run `git for-each-ref` inside that repository (to advertise its refs
 * in a fetch), under the clone's config; a folder of our own that links to the clone's object
 * folders one by one is an object store git reads, and nothing more. The clone's shallow
 * boundary, ignore and attribute files and inert settings come along, and its HEAD becomes a
 * ref of ours, so that a fetch asks the server only for what the clone lacks.
 */
async function borrowObjects(ours, clone) {
    const gitDir = external_node_path_.join(ours.dir, '.git');
    const borrowed = external_node_path_.join(gitDir, BORROWED);
    await promises_.mkdir(borrowed);
    const objects = external_node_path_.join(clone.gitDir, 'objects');
    const names = ['pack', ...Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))];
    await Promise.all(names.map((name) => promises_.symlink(external_node_path_.join(objects, name), external_node_path_.join(borrowed, name))));
    await promises_.writeFile(external_node_path_.join(gitDir, 'objects', 'info', 'alternates'), `${borrowed}\n`);
    if (clone.shallow.length > 0)
        await promises_.writeFile(external_node_path_.join(gitDir, 'shallow'), clone.shallow.join('\n') + '\n');
    await promises_.mkdir(external_node_path_.join(gitDir, 'info'), { recursive: true });
    for (const name of ['exclude', 'attributes']) {
        const text = await promises_.readFile(external_node_path_.join(clone.gitDir, 'info', name)).catch(() => undefined);
        if (text !== undefined)
            await promises_.writeFile(external_node_path_.join(gitDir, 'info', name), text);
    }
    for (const [key, value] of clone.settings)
        await ours.git(['config', '--local', key, value]);
    await ours.git(['update-ref', TAKEN_OVER_REF, clone.head]);
}
/** Our ref for the clone's HEAD. */
const TAKEN_OVER_REF = 'refs/outbox-publisher/taken-over';

;// CONCATENATED MODULE: ./src/worktree.ts








/**
 * Where the work tree goes and what it starts from, from the inputs. A clone already at `path`
 * is read as data and its work taken over into a clone of our own: an earlier step may have
 * written its .git (hooks, fsmonitor, filters, credential helpers).
 */
async function workTreeOptions(inputs, where, isOnTarget) {
    const existing = inputs.path !== undefined && (await promises_.readdir(inputs.path).catch(() => [])).length > 0
        ? inputs.path
        : undefined;
    const dir = existing === undefined && inputs.path !== undefined
        ? inputs.path
        : external_node_path_.join(await promises_.mkdtemp(external_node_path_.join(where.runnerTemp, 'outbox-publisher-clone-')), inputs.repo);
    const { author, committer, commitMessage } = inputs;
    return {
        dir,
        existing,
        remoteUrl: where.remoteUrl,
        forkUrl: where.forkUrl,
        repository: where.repository,
        target: where.target,
        branch: where.branch,
        commitMessage,
        author,
        committer,
        addPaths: inputs.addPaths,
        signoff: inputs.signoff,
        // Without a script to run, a clone of our own needs on disk only what the outbox changes.
        sparse: inputs.run.trim() === '' && inputs.path === undefined,
        branchHistory: inputs.mode === 'pull-request',
        isOnTarget
    };
}
/**
 * The work tree that changes are made in: always a clone of our own at `dir`, checked out on
 * `branch` at the target's tip. With `existing` (a clone left by actions/checkout or earlier
 * steps), that clone's local commits and uncommitted changes are carried over onto the current
 * target tip; the clone itself is only read, never changed, and no git process runs in it.
 */
async function prepareWorkTree(sandbox, options) {
    const { dir, target, branch } = options;
    const tree = await GitWorkTree.init(sandbox, dir, options.remoteUrl, {
        initialBranch: branch,
        signoff: options.signoff
    });
    const branchRemote = options.forkUrl === undefined ? git_remote/* ORIGIN */.VT : git_remote/* FORK_REMOTE */._I;
    if (options.forkUrl !== undefined)
        await tree.addRemote(git_remote/* FORK_REMOTE */._I, options.forkUrl);
    const clone = options.existing === undefined ? undefined : await readExistingClone(tree, options.existing);
    if (clone) {
        checkOrigin(clone, options);
        await borrowObjects(tree, clone);
    }
    const fetched = await (0,git_remote/* fetchTargetAndBranch */.BJ)(tree, target, branch, {
        shallow: !clone || clone.shallow.length > 0,
        fresh: true,
        branchRemote
    });
    await options.configReady;
    if (!fetched.targetFound) {
        throw new errors/* InputError */.dz('target-branch', `branch '${target}' does not exist in ${options.repository}`, 'Give an existing branch, or leave the input empty for the default branch.');
    }
    const targetRef = `refs/remotes/origin/${target}`;
    // Both tips in one process; the branch's is undefined when it does not exist.
    const readTips = async () => {
        const [targetTip, branchTip] = await tree.readCommits([
            targetRef,
            `refs/remotes/${branchRemote}/${branch}`
        ]);
        if (!targetTip)
            throw new errors/* ActionError */.lZ(`'${targetRef}' is not a commit in ${dir}.`);
        const remote = await readRemoteBranch(tree, { ...options, branchRemote }, branchTip, targetTip, targetRef);
        return { git: tree, target: targetTip, targetRef, branchRemote, ...remote };
    };
    if (clone) {
        // Before the clone's own commits are carried over: that may deepen the target's history.
        const work = await readTips();
        await carryOverOntoTarget(work, clone, options);
        return work;
    }
    // A new clone's checkout needs nothing read from the tips and does not touch what the branch's
    // fetch writes: it starts on the critical path at once, and the tips are read beside it.
    const checkout = (async () => {
        if (options.sparse) {
            workflow_commands/* info */.pq('No run script: the clone checks out only top-level files, and the folders that outbox changes touch as they are applied.');
            await tree.startSparse();
        }
        await tree.checkoutNewBranch(branch, targetRef);
    })();
    // Both settle before either's failure is thrown: no git of ours runs on after this returns.
    const [work, checkedOut] = await Promise.allSettled([readTips(), checkout]);
    if (work.status === 'rejected')
        throw work.reason;
    if (checkedOut.status === 'rejected')
        throw checkedOut.reason;
    return { ...work.value, head: work.value.target.sha };
}
/**
 * The PR branch on the remote: its tip and its commits that are not on the target. When it is
 * one commit on the target's tip — what this action leaves — the fetched tip is all there is.
 * Otherwise a shallow clone fetches the branch's own history, down to where it meets the target
 * whatever its length (one more fetch); a complete clone has it already.
 */
async function readRemoteBranch(tree, options, 
/** The branch's tip as the first fetch brought it. */
tip, target, targetRef) {
    const branchRef = `refs/remotes/${options.branchRemote}/${options.branch}`;
    if (!tip || tip.sha === target.sha || !options.branchHistory)
        return { remoteBranchTip: tip, remoteBranchCommits: [] };
    if (tip.parents.length === 1 && tip.parents[0] === target.sha)
        return { remoteBranchTip: tip, remoteBranchCommits: [tip] };
    if (!(await tree.isShallow()))
        return { remoteBranchTip: tip, remoteBranchCommits: await tree.commitsNotOn(targetRef, tip.sha) };
    const fetched = await (0,git_remote/* fetchHistoryUntil */.fy)(tree, options.branch, options.target, options.branchRemote);
    if (fetched.exitCode !== 0) {
        // A branch all on the target (an older commit of it) fails the same way as a broken server.
        if (await options.isOnTarget(tip.sha))
            return { remoteBranchTip: tip, remoteBranchCommits: [] };
        throw new errors/* CommandError */.Qd('git fetch origin', fetched.exitCode, fetched.stderr, git_remote/* READ_FIX */.fT);
    }
    // The branch may have moved since the first fetch: what was just fetched is what counts.
    const current = await tree.readCommit(branchRef);
    return { remoteBranchTip: current, remoteBranchCommits: await tree.commitsNotOn(targetRef, current.sha) };
}

;// CONCATENATED MODULE: ./src/publish-one.ts





/**
 * One publish: sandbox and auth → work tree → changes → deliver. Returns what the report says;
 * writing it is the caller's (one step output set, or a row of the sessions table). The sandbox is
 * removed (or its removal begun and awaited) before this returns or throws.
 */
async function publishOne(setup) {
    const { token, inputs, context, outbox } = setup;
    let removal;
    let ghReady;
    let early;
    try {
        const repository = `${inputs.owner}/${inputs.repo}`;
        const remoteUrl = `${context.serverUrl}/${repository}.git`;
        const fork = inputs.pushToFork;
        const forkUrl = fork ? `${context.serverUrl}/${fork.owner}/${fork.repo}.git` : undefined;
        const sandbox = await openSandbox(context, token, setup.sandboxParent);
        // Before gh's setup, which writes the same global config file; alongside the API's answers.
        const lfsReady = LfsSupport.setUp(sandbox);
        lfsReady.catch(() => undefined); // awaited below, after an API failure would be reported
        const prepare = async (names) => prepareWorkTree(sandbox, {
            ...(await workTreeOptions(inputs, { ...names, runnerTemp: context.runnerTemp, remoteUrl, forkUrl, repository }, async (sha) => (await client).isOnBranch(names.target, sha))),
            configReady: lfsReady
        });
        // The clone is the critical path: when the inputs name both branches its fetch starts first,
        // and the API client (Octokit and its HTTP client, most of the action's code) loads while it
        // runs.
        const names = namesFromInputs(inputs);
        if (names) {
            early = prepare(names);
            early.catch(() => undefined); // awaited below, after an API failure would be reported
        }
        // Spawning is synchronous work of this process: gh's login and the client wait until the
        // fetch's git runs rather than delay it.
        await (early && Promise.race([sandbox.talking, early.catch(() => undefined)]));
        const client = (async () => {
            const { GitHubClient } = await Promise.all(/* import() */[__nccwpck_require__.e(883), __nccwpck_require__.e(502)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3502));
            return GitHubClient.open(token, context.apiUrl, inputs, inputs.maxWaitSeconds);
        })();
        const gh = inputs.run.trim() === ''
            ? undefined
            : (setup.gh ?? new (await __nccwpck_require__.e(/* import() */ 19).then(__nccwpck_require__.bind(__nccwpck_require__, 5019))).GhLogins(sandbox.dir, workflow_commands/* info */.pq, setup.ghVersion));
        // The code that runs once the work tree is ready (changes, delivery) loads while the fetch
        // runs rather than before it starts.
        const later = Promise.all([__nccwpck_require__.e(/* import() */ 834).then(__nccwpck_require__.bind(__nccwpck_require__, 2834)), __nccwpck_require__.e(/* import() */ 386).then(__nccwpck_require__.bind(__nccwpck_require__, 2386))]);
        later.catch(() => undefined); // awaited below, after an API failure would be reported
        const session = await connect(client, sandbox, {
            ...{ token, host: context.host, inputs, gh, names },
            configWritten: lfsReady
        });
        ghReady = session.ghReady;
        const { target, branch } = session;
        setup.onTarget?.(target);
        removal = new cleanup/* SandboxRemoval */.W(sandbox);
        const lfs = await lfsReady;
        const work = await (early ?? prepare({ target, branch }));
        // The fetch and checkout ran while gh logged in; only the `run` script needs gh.
        await ghReady;
        const [{ makeChanges }, { deliver }] = await later;
        const changes = await makeChanges(work, {
            inputs,
            target,
            outbox,
            sandbox,
            lfs,
            remote: { url: remoteUrl, token }
        });
        const { local, lfsUploads } = changes;
        const github = await client;
        const delivery = await deliver({
            ...{ work, local, github, inputs, target, branch, lfsUploads },
            openPullRequest: session.openPullRequest,
            doneWithGit: removal.start
        });
        removal.start();
        const described = await changes.summary;
        const changesDetected = local.tree !== work.target.tree;
        return {
            repository,
            mode: inputs.mode,
            targetBranch: target,
            branch: inputs.mode === 'push' ? target : branch,
            path: work.git.dir,
            operation: delivery.operation,
            pushed: delivery.pushed,
            dryRun: inputs.dryRun,
            headSha: delivery.headSha,
            pullRequest: delivery.pullRequest,
            commits: delivery.operation === 'closed' ? 0 : (described?.commits ?? 0),
            changesDetected,
            // No change: no files. Changes whose list could not be read: unknown, not none.
            files: changesDetected ? described?.files : [],
            commitsVerified: delivery.commitsVerified
        };
    }
    finally {
        // gh writes into the sandbox until its setup ends, git until the clone is made: nothing
        // removes it before.
        await ghReady?.catch(() => undefined);
        await early?.catch(() => undefined);
        await removal?.finished();
    }
}


/***/ }),

/***/ 6353:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GC: () => (/* binding */ explainRefusal),
/* harmony export */   Wf: () => (/* binding */ classifyRejection),
/* harmony export */   uE: () => (/* binding */ readRejection)
/* harmony export */ });
/* unused harmony export quoteRemote */
/**
 * A push git reports as rejected, read: either the ref moved under us (another run pushed), or
 * GitHub refused the push for a reason of its own (a workflow file without the permission, a
 * protected branch, push protection, a file over 100 MB, a pre-receive hook). Only the first is
 * "superseded" or worth a retry; the second is a failure, told with GitHub's words and the fix.
 * Pure functions: the caller runs git and reads the remote tip.
 */
// git decides these itself from the refs the server advertised: the ref is not where we expected.
const MOVED = /^\[rejected\] \((stale info|fetch first|non-fast-forward|already exists)\)$/;
// receive-pack losing a race with another push to the same ref; or, for a shallow clone,
// "shallow update not allowed": the commit we built on is no longer reachable on the server
// (the ref was force-pushed away from it meanwhile). Either way only the remote tip tells.
const RACE = /^\[remote (rejected|failure)\] \((cannot lock ref|failed to (update|lock) ref|incorrect old value|reference already exists|failed to update|shallow update not allowed)/i;
/** The rejection of one ref from `git push --porcelain`'s status line and stderr. */
function readRejection(status, stderr) {
    const clean = plainText(status).trim();
    const reason = /\((.*)\)\s*$/.exec(clean)?.[1] ?? clean;
    const remote = stderr
        .split(/\r?\n|\r/)
        .filter((line) => line.startsWith('remote: ') || line === 'remote:')
        .map((line) => plainText(line.slice('remote:'.length)).replace(/^ /, '').trimEnd());
    while (remote.length > 0 && remote[remote.length - 1] === '')
        remote.pop();
    return { status: clean, reason, remote };
}
function classifyRejection(rejection) {
    if (MOVED.test(rejection.status))
        return 'moved';
    if (RACE.test(rejection.status))
        return 'maybe-moved';
    return 'refused';
}
/** Server text without terminal escapes or control characters (git pads `remote:` lines with `ESC[K`). */
function plainText(text) {
    return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}
const MAX_QUOTED_LINES = 40;
/**
 * GitHub's words, quoted as data: each line behind `remote: `, so that no line of it can start
 * with `::` (a runner command) however the log is split, and at most 40 lines of it.
 */
function quoteRemote(rejection) {
    const lines = rejection.remote.length > 0 ? rejection.remote : [];
    const shown = lines.slice(0, MAX_QUOTED_LINES).map((line) => `  remote: ${line.slice(0, 400)}`);
    if (lines.length > MAX_QUOTED_LINES)
        shown.push(`  remote: … (${lines.length - MAX_QUOTED_LINES} more lines)`);
    return shown.join('\n');
}
/**
 * Explains a push GitHub refused. `mode` says whether a pull request could avoid the refusal
 * (push mode onto a protected branch).
 */
function explainRefusal(rejection, where) {
    const { reason } = rejection;
    const text = [reason, ...rejection.remote].join('\n');
    const quoted = quoteRemote(rejection);
    const said = `GitHub refused the push to '${where.branch}' (${oneLine(reason)})${quoted ? `:\n${quoted}` : '.'}\nNothing was pushed.`;
    const workflow = /refusing to allow (a GitHub App|an OAuth App|a Personal Access Token) to create or update workflow `([^`]*)` without `(workflows?)` (permission|scope)/.exec(reason);
    if (workflow) {
        const byApp = workflow[1] === 'a GitHub App';
        return {
            problem: `${said}\nThe changes create, update or delete the workflow file '${oneLine(workflow[2])}', and the token may not change workflows.`,
            fix: byApp
                ? "Use a token that may: a GitHub App installation token with the 'workflows: write' permission, or a fine-grained token with 'Workflows: Read and write' (the workflow's own GITHUB_TOKEN can never change workflow files). Or keep .github/workflows/ out of the changes."
                : "Use a token that may: a classic personal access token or OAuth app token with the 'workflow' scope, or a fine-grained token with 'Workflows: Read and write'. Or keep .github/workflows/ out of the changes."
        };
    }
    if (/\bGH006\b/.test(text) || reason === 'protected branch hook declined') {
        return {
            problem: `${said}\n'${where.branch}' is a protected branch, and its branch protection rule does not let this token push.`,
            fix: where.mode === 'push'
                ? "Publish through a pull request ('mode: pull-request'), or change the branch protection rule (Settings → Branches) so that this token's user or app may push to it."
                : "Choose another 'branch' for the pull request, or change the branch protection rule (Settings → Branches) that matches this one."
        };
    }
    if (/\bGH013\b/.test(text) || reason === 'push declined due to repository rule violations') {
        if (/PUSH PROTECTION|cannot contain secrets/i.test(text)) {
            return {
                problem: `${said}\nPush protection found a secret in the commits (the commit and the file:line are listed above).`,
                fix: "Keep the secret out of the changes: remove it from the files the 'run' script or the outbox writes, and revoke it if it is real. If it is not a secret, allow it at the unblock URL GitHub printed above; the repository's Security tab (Secret scanning) lists what was found."
            };
        }
        return {
            problem: `${said}\nA repository ruleset does not let this token push to '${where.branch}'.`,
            fix: "Review the repository's rules (Settings → Rules → Rulesets, or the URL GitHub printed above): publish through a pull request, or add this token's app or user to the ruleset's bypass list."
        };
    }
    if (/\bGH001\b/.test(text)) {
        return {
            problem: `${said}\nA file in the changes is larger than GitHub's limit for one file (100 MB).`,
            fix: 'Keep the file out of the changes (a .gitignore entry, or do not generate it), or store it with Git LFS (`git lfs track`), or publish it as a release asset instead.'
        };
    }
    if (reason === 'pre-receive hook declined') {
        return {
            problem: `${said}\nA pre-receive hook on the server declined the push; its message is above.`,
            fix: "Change what the hook objects to, or ask the server's administrators (GitHub Enterprise Server: Site admin → Hooks) about the hook."
        };
    }
    return {
        problem: said,
        fix: "The reason comes from the server: fix what it names, or check that the token may push to this branch ('contents: write')."
    };
}
/** A reason on one line, whatever the server sent. */
function oneLine(text) {
    return text.replace(/\s+/g, ' ').trim().slice(0, 400);
}


/***/ }),

/***/ 6554:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  K: () => (/* binding */ readInputs)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: ./src/workflow-commands.ts
var workflow_commands = __nccwpck_require__(6137);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/log-text.ts
var log_text = __nccwpck_require__(3529);
;// CONCATENATED MODULE: ./src/event-session.ts

/**
 * `workflow_dispatch` inputs `repo` / `target_branch`, or `repository_dispatch`
 * `client_payload.repo` / `client_payload.target_branch`: what a backend or a person asked for.
 */
function readEventSession(eventName, payload) {
    const record = (value) => typeof value === 'object' && value !== null ? value : {};
    const [fields, prefix] = eventName === 'workflow_dispatch'
        ? [record(record(payload).inputs), 'inputs']
        : eventName === 'repository_dispatch'
            ? [record(record(payload).client_payload), 'client_payload']
            : [{}, ''];
    const session = {};
    if (typeof fields.repo === 'string' && fields.repo.trim())
        session.repo = { value: fields.repo.trim(), source: `${prefix}.repo` };
    if (typeof fields.target_branch === 'string' && fields.target_branch.trim()) {
        session.targetBranch = { value: fields.target_branch.trim(), source: `${prefix}.target_branch` };
    }
    return session;
}
/**
 * An input reader that falls back to the event's session for `repo` and `target-branch`, and
 * says so in the log, so the workflow author can see where a value came from.
 */
function withEventSession(get, session, log) {
    return (name) => {
        const value = get(name);
        const fallback = name === 'repo' ? session.repo : name === 'target-branch' ? session.targetBranch : undefined;
        if (value.trim() || !fallback)
            return value;
        // Logged before it is validated: quoted, so that a line break in it cannot start a workflow command.
        log(`Input '${name}' is not set; using ${fallback.source} from the triggering event: ${(0,log_text/* quoteName */.AB)(fallback.value)}`);
        return fallback.value;
    };
}

// EXTERNAL MODULE: ./src/add-paths.ts
var add_paths = __nccwpck_require__(425);
// EXTERNAL MODULE: ./src/branch-suffix.ts
var branch_suffix = __nccwpck_require__(2061);
// EXTERNAL MODULE: ./src/input-values.ts + 1 modules
var input_values = __nccwpck_require__(2268);
;// CONCATENATED MODULE: ./src/inputs.ts




const DEFAULT_OUTBOX_MAX_CHANGES = 1000;
/** 100 MiB: far above any series of source patches, far below what would hold a runner for long. */
const DEFAULT_OUTBOX_MAX_BYTES = 100 * 1024 * 1024;
const DEFAULT_IDENTITY = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';
/**
 * Reads and validates every input; throws an InputError naming the first bad one. `realPaths`
 * holds `path` and `outbox` with their symbolic links resolved (read from the file system by the
 * caller): the inside-the-workspace check is made on them.
 */
function parseInputs(get, context, realPaths = {}) {
    const { owner, repo } = (0,input_values/* parseRepository */.SU)(get('repo').trim() || context.repository || '');
    if (/[\x00-\x1f\x7f]/.test(get('commit-message').replace(/[\n\t]/g, ''))) {
        throw new errors/* InputError */.dz('commit-message', 'contains control characters');
    }
    const targetBranch = (0,input_values/* optionalBranch */.vf)(get, 'target-branch');
    const branch = (0,input_values/* optionalBranch */.vf)(get, 'branch');
    if (branch !== undefined && branch === targetBranch) {
        throw new errors/* InputError */.dz('branch', `is the same as 'target-branch' ('${branch}')`, 'A pull request needs its own branch: choose another name or leave the input empty.');
    }
    const commitMessage = get('commit-message').trim() || 'Automated changes by outbox-publisher';
    const bodyPath = (0,input_values/* parsePath */.Rr)('body-path', get('body-path').trim(), context, { mayBeRoot: false }, realPaths['body-path']);
    if (bodyPath !== undefined && get('body').trim()) {
        throw new errors/* InputError */.dz('body-path', "and 'body' are both set", 'Give the body one way: set one of them.');
    }
    const committer = (0,input_values/* parseIdentity */.aZ)('committer', get('committer').trim() || DEFAULT_IDENTITY);
    const mode = (0,input_values/* parseChoice */.HU)(get, 'mode', ['pull-request', 'push']) ?? 'pull-request';
    const branchSuffix = (0,branch_suffix/* parseBranchSuffix */.pq)(get('branch-suffix'));
    if (branchSuffix !== undefined && mode === 'push') {
        throw new errors/* InputError */.dz('branch-suffix', "is set in push mode, which pushes onto 'target-branch' and has no branch of its own", "Remove 'branch-suffix', or use 'mode: pull-request'.");
    }
    const path = (0,input_values/* parsePath */.Rr)('path', get('path').trim(), context, { mayBeRoot: true }, realPaths.path);
    const addPaths = (0,add_paths/* parseAddPaths */.J0)(get('add-paths'));
    if (addPaths.length > 0 && get('run').trim() === '' && path === undefined) {
        throw new errors/* InputError */.dz('add-paths', "is set, but there is neither a 'run' script nor a clone at 'path' whose uncommitted changes it would pick from", 'Outbox patches and bundles are commits and are published whole: remove add-paths, or leave such files out of the outbox.');
    }
    const signCommits = (0,input_values/* parseBoolean */.yG)(get, 'sign-commits');
    return {
        owner,
        repo,
        targetBranch,
        branch,
        branchSuffix,
        mode,
        path,
        outbox: (0,input_values/* parsePath */.Rr)('outbox', get('outbox').trim(), context, { mayBeRoot: false }, realPaths.outbox),
        outboxMaxChanges: (0,input_values/* parseInteger */.cG)(get, 'outbox-max-changes', DEFAULT_OUTBOX_MAX_CHANGES, 1, 100_000),
        outboxMaxBytes: (0,input_values/* parseInteger */.cG)(get, 'outbox-max-bytes', DEFAULT_OUTBOX_MAX_BYTES, 1, 2 ** 31 - 1),
        allowWorkflowChanges: (0,input_values/* parseBoolean */.yG)(get, 'allow-workflow-changes'),
        run: get('run'),
        addPaths,
        signoff: (0,input_values/* parseBoolean */.yG)(get, 'signoff'),
        commitMessage,
        title: (0,input_values/* parseTitle */._x)(get('title').trim() || commitMessage.split('\n')[0]),
        body: get('body').trim() ? get('body') : (0,input_values/* defaultBody */.Ac)(context.runUrl),
        bodyPath,
        labels: (0,input_values/* parseNames */.Gw)('labels', get('labels'), input_values/* LABEL */.d_, 'Labels are at most 50 characters, without control characters.'),
        draft: (0,input_values/* parseBoolean */.yG)(get, 'draft'),
        author: get('author').trim() ? (0,input_values/* parseIdentity */.aZ)('author', get('author').trim()) : committer,
        committer,
        dryRun: (0,input_values/* parseBoolean */.yG)(get, 'dry-run'),
        signCommits,
        maxWaitSeconds: (0,input_values/* parseInteger */.cG)(get, 'max-wait', 120, 0, 3600),
        pushTimeoutSeconds: (0,input_values/* parseInteger */.cG)(get, 'push-timeout', 300, 0, 21600),
        pushAttempts: get('push-attempts').trim() ? (0,input_values/* parseInteger */.cG)(get, 'push-attempts', 0, 1, 20) : undefined,
        overwriteForeignCommits: (0,input_values/* parseBoolean */.yG)(get, 'overwrite-foreign-commits'),
        deleteBranch: (0,input_values/* parseBoolean */.yG)(get, 'delete-branch'),
        reviewers: (0,input_values/* parseNames */.Gw)('reviewers', get('reviewers'), input_values/* LOGIN */.S3, 'Give GitHub user names.'),
        teamReviewers: (0,input_values/* parseNames */.Gw)('team-reviewers', get('team-reviewers'), input_values/* TEAM */.uW, "Give team slugs, without the organization (e.g. 'core-team')."),
        assignees: (0,input_values/* parseNames */.Gw)('assignees', get('assignees'), input_values/* LOGIN */.S3, 'Give GitHub user names.'),
        milestone: get('milestone').trim() ? (0,input_values/* parseInteger */.cG)(get, 'milestone', 0, 1, 1_000_000) : undefined,
        maintainerCanModify: get('maintainer-can-modify').trim()
            ? (0,input_values/* parseBoolean */.yG)(get, 'maintainer-can-modify')
            : true,
        autoMerge: (0,input_values/* parseChoice */.HU)(get, 'auto-merge', ['merge', 'squash', 'rebase']),
        pushToFork: parsePushToFork(get('push-to-fork').trim(), { owner, repo, mode, signCommits })
    };
}
/** `push-to-fork`: another repository, for a pull request's branch only, without signed commits. */
function parsePushToFork(value, setting) {
    if (!value)
        return undefined;
    const fork = (0,input_values/* parseRepository */.SU)(value, 'push-to-fork');
    if (setting.mode === 'push') {
        throw new errors/* InputError */.dz('push-to-fork', "is set with 'mode: push'", "Push mode pushes onto the target branch itself: leave 'push-to-fork' empty, or use 'mode: pull-request'.");
    }
    if (`${fork.owner}/${fork.repo}`.toLowerCase() === `${setting.owner}/${setting.repo}`.toLowerCase()) {
        throw new errors/* InputError */.dz('push-to-fork', `names the target repository itself ('${value}')`, "Give the fork's 'owner/name', or leave the input empty to push the branch to the repository itself.");
    }
    if (setting.signCommits) {
        throw new errors/* InputError */.dz('push-to-fork', "cannot be combined with 'sign-commits' yet", "Signed commits are made through GitHub's API on a branch of the target repository, which a bot that pushes to a fork may not write to: leave one of the two inputs empty.");
    }
    return fork;
}

// EXTERNAL MODULE: ./src/outbox.ts
var src_outbox = __nccwpck_require__(7626);
;// CONCATENATED MODULE: ./src/pr-body.ts
/**
 * GitHub refuses a pull request body longer than 65,536 characters with 422 Validation Failed,
 * `{"resource":"PullRequest","code":"custom","field":"body","message":"body is too long (maximum
 * is 65536 characters)"}`. The characters are Unicode code points (GitHub counts like Ruby's
 * String#length; an emoji outside the BMP counts once, not as its two UTF-16 code units), and at
 * 4 UTF-8 bytes each that also keeps a body under the 262,144-byte limit of issue bodies.
 *
 * What peers do: create-pull-request truncates to 65,536 with a warning (src/main.ts there). A
 * body made by a changelog tool or an agent that runs long should not cost the whole publish, so
 * we truncate too, but say so in the body itself: the reader of the pull request sees that text is
 * missing, and the log says how much. The cut falls on a code point, and a code fence left open by
 * the cut is closed before the note, so that the note does not render as code.
 */
const PR_BODY_MAX = 65536;
/** Code points of `text`. */
function codePointLength(text) {
    let count = 0;
    for (let i = 0; i < text.length; i++) {
        const unit = text.charCodeAt(i);
        // A high surrogate followed by a low one is one code point; a lone surrogate counts as one.
        if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
            const next = text.charCodeAt(i + 1);
            if (next >= 0xdc00 && next <= 0xdfff)
                i++;
        }
        count++;
    }
    return count;
}
/** The first `max` code points of `text`. */
function firstCodePoints(text, max) {
    let count = 0;
    let i = 0;
    while (i < text.length && count < max) {
        const unit = text.charCodeAt(i);
        const pair = unit >= 0xd800 &&
            unit <= 0xdbff &&
            i + 1 < text.length &&
            text.charCodeAt(i + 1) >= 0xdc00 &&
            text.charCodeAt(i + 1) <= 0xdfff;
        i += pair ? 2 : 1;
        count++;
    }
    return text.slice(0, i);
}
/** The fence (``` or ~~~, of its length) that is still open at the end of `markdown`, if any. */
function openFence(markdown) {
    let open;
    for (const line of markdown.split('\n')) {
        const match = /^ {0,3}(`{3,}|~{3,})/.exec(line);
        if (!match)
            continue;
        const fence = match[1];
        if (open === undefined) {
            // A backtick fence's info string may not hold a backtick (CommonMark); then it is no fence.
            if (fence[0] === '`' && line.slice(match[0].length).includes('`'))
                continue;
            open = fence;
        }
        else if (fence[0] === open[0] &&
            fence.length >= open.length &&
            line.slice(match[0].length).trim() === '') {
            open = undefined;
        }
    }
    return open;
}
function truncationNote(source, originalLength, kept) {
    return (`\n\n---\n*[Pull request body truncated: the '${source}' input held ${originalLength} characters, ` +
        `GitHub takes at most ${PR_BODY_MAX}; the first ${kept} are shown.]*`);
}
/**
 * The body as GitHub will take it: unchanged when it fits, else cut with a note at its end, the
 * whole at most PR_BODY_MAX code points. `source` names the input it came from (`body` or
 * `body-path`) in the note and the warning.
 */
function fitBody(body, source, max = PR_BODY_MAX) {
    const originalLength = codePointLength(body);
    if (originalLength <= max)
        return { body, originalLength, warning: undefined };
    // The note states the kept count and a closing fence may be added: build, measure, and shrink
    // the budget by any excess until the whole fits (twice at most in practice).
    let budget = max - codePointLength(truncationNote(source, originalLength, originalLength));
    for (;;) {
        let kept = firstCodePoints(body, Math.max(0, budget));
        const keptLength = codePointLength(kept);
        const fence = openFence(kept);
        if (fence)
            kept += `\n${fence}`;
        const fitted = kept + truncationNote(source, originalLength, keptLength);
        const excess = codePointLength(fitted) - max;
        if (excess > 0 && budget > 0) {
            budget -= excess;
            continue;
        }
        return {
            body: fitted,
            originalLength,
            warning: `The pull request body from '${source}' has ${originalLength} characters, more than GitHub's ${max}; it was cut to ${keptLength} with a note saying so.`
        };
    }
}

// EXTERNAL MODULE: ./src/real-paths.ts
var real_paths = __nccwpck_require__(4318);
// EXTERNAL MODULE: ./src/runner-context.ts
var runner_context = __nccwpck_require__(6163);
;// CONCATENATED MODULE: ./src/read-inputs.ts










/**
 * The inputs (with the triggering event's `repo` and `target-branch` as fallbacks), the runner's
 * context, and the outbox, read and counted before any sandbox, clone or request: an outbox
 * over its bounds costs nothing. `sessionInput` is one session's getter (src/sessions.ts), which
 * already falls back to the step's inputs; the event does not name a session's repository.
 */
async function readInputs(env, sessionInput) {
    let get = sessionInput;
    if (!get) {
        const requested = readEventSession(env.GITHUB_EVENT_NAME, await readEventPayload(env.GITHUB_EVENT_PATH));
        get = withEventSession((name) => workflow_commands/* getInput */.V4(name), requested, workflow_commands/* info */.pq);
    }
    const { context, realPaths } = await (0,real_paths/* resolveRealPaths */.l)((0,runner_context/* readRunnerContext */.g)(env), get);
    const inputs = parseInputs(get, context, realPaths);
    const bodySource = inputs.bodyPath ? 'body-path' : 'body';
    if (inputs.bodyPath) {
        const text = await readBodyFile(inputs.bodyPath);
        if (text.trim())
            inputs.body = text;
    }
    const fitted = fitBody(inputs.body, bodySource);
    if (fitted.warning)
        workflow_commands/* warning */.$e(fitted.warning);
    inputs.body = fitted.body;
    const outbox = inputs.outbox
        ? await (0,src_outbox/* readOutbox */.ec)(inputs.outbox, {
            maxChanges: inputs.outboxMaxChanges,
            maxBytes: inputs.outboxMaxBytes
        })
        : undefined;
    return { inputs, context, outbox };
}
async function readEventPayload(file) {
    if (!file)
        return undefined;
    return JSON.parse(await promises_.readFile(file, 'utf8').catch(() => 'null'));
}
async function readBodyFile(file) {
    try {
        return await promises_.readFile(file, 'utf8');
    }
    catch (error) {
        const code = error.code;
        const problem = code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? 'is a folder' : 'cannot be read';
        throw new errors/* InputError */.dz('body-path', `${(0,log_text/* quotedName */.aH)(file)} ${problem}`, 'Give a file inside the workspace that holds the body.');
    }
}


/***/ }),

/***/ 4318:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ resolveRealPaths)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);


/**
 * `file` (absolute) with every symbolic link resolved in the part of it that exists; the part
 * that does not exist yet is appended as given. The inside-the-workspace check compares these,
 * so that a link inside the workspace cannot lead a clone or an outbox outside it.
 */
async function realPathOf(file) {
    const missing = [];
    let existing = node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(file);
    for (;;) {
        try {
            return node_path__WEBPACK_IMPORTED_MODULE_1__.join(await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.realpath(existing), ...missing.reverse());
        }
        catch {
            const parent = node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(existing);
            if (parent === existing)
                return node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(file);
            missing.push(node_path__WEBPACK_IMPORTED_MODULE_1__.basename(existing));
            existing = parent;
        }
    }
}
/**
 * The runner's folders as real paths, and the real paths of the inputs `names` (by default `path`,
 * `outbox` and `body-path`, for parseInputs).
 */
async function resolveRealPaths(context, get, names = ['path', 'outbox', 'body-path']) {
    const [workspace, runnerTemp] = await Promise.all([
        realPathOf(context.workspace),
        realPathOf(context.runnerTemp)
    ]);
    const realPaths = {};
    for (const input of names) {
        const value = get(input).trim();
        if (value)
            realPaths[input] = await realPathOf(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(workspace, value));
    }
    return { context: { ...context, workspace, runnerTemp }, realPaths };
}


/***/ }),

/***/ 6163:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ readRunnerContext)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);


function readRunnerContext(env) {
    const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
    let host;
    try {
        host = new URL(serverUrl).hostname;
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .InputError */ .dz('GITHUB_SERVER_URL', `'${serverUrl}' is not a URL`);
    }
    const apiUrl = (env.GITHUB_API_URL || (host === 'github.com' ? 'https://api.github.com' : `${serverUrl}/api/v3`)).replace(/\/+$/, '');
    const runnerTemp = env.RUNNER_TEMP || node_path__WEBPACK_IMPORTED_MODULE_0__.join(env.HOME || '/tmp', '.outbox-publisher-temp');
    const runUrl = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
        ? `${serverUrl}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
        : undefined;
    return {
        serverUrl,
        apiUrl,
        host,
        workspace: node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(env.GITHUB_WORKSPACE || process.cwd()),
        runnerTemp: node_path__WEBPACK_IMPORTED_MODULE_0__.resolve(runnerTemp),
        repository: env.GITHUB_REPOSITORY || undefined,
        runUrl
    };
}


/***/ }),

/***/ 5082:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ Sandbox)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/log-text.ts
var log_text = __nccwpck_require__(3529);
;// CONCATENATED MODULE: ./src/command-result.ts


function settle(tool, args, outcome, options) {
    const result = {
        exitCode: outcome.exitCode,
        stdout: outcome.stdout.toString('utf8'),
        stderr: outcome.stderr.toString('utf8')
    };
    if (result.exitCode !== 0 && !options.allowFailure) {
        throw new errors/* CommandError */.Qd((0,log_text/* commandLine */.ay)(tool, args), result.exitCode, result.stderr || result.stdout, options.fix);
    }
    return result;
}
/** The error for a tool that is not on PATH, with how to install it. */
function toolNotFound(tool) {
    return new errors/* ActionError */.lZ(`'${tool}' was not found on PATH.`, INSTALL_HINTS[tool]);
}
const INSTALL_HINTS = {
    gh: 'Install the GitHub CLI before this step: it is preinstalled on GitHub-hosted runners; on Debian or Ubuntu run `sudo apt-get install -y gh` (see https://cli.github.com for other systems).',
    git: 'Install git before this step (on Debian or Ubuntu: `sudo apt-get install -y git`).',
    bash: 'This action needs bash to run the `run` script.'
};

// EXTERNAL MODULE: ./src/found-tools.ts
var found_tools = __nccwpck_require__(6377);
;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/process-runner.ts



/**
 * How long to wait for stdout and stderr to close once the program has exited: a process it left
 * running in the background may hold them open. What came by then is the output; the pipes are
 * closed so that the step does not wait for that process (as @actions/exec waited, 10 s).
 */
const CLOSE_GRACE_MS = 10_000;
function runProcess(file, args, options) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(file, args, {
            cwd: options.cwd,
            env: options.env,
            stdio: ['pipe', 'pipe', 'pipe']
        });
        const stdout = [];
        const stderr = [];
        let exitCode;
        let grace;
        let settled = false;
        const finish = () => {
            if (settled || exitCode === undefined)
                return;
            settled = true;
            if (grace)
                clearTimeout(grace);
            child.stdout.destroy();
            child.stderr.destroy();
            resolve({ exitCode, stdout: Buffer.concat(stdout), stderr: Buffer.concat(stderr) });
        };
        child.on('error', (error) => {
            if (settled)
                return;
            settled = true;
            if (grace)
                clearTimeout(grace);
            // spawn names the program for a folder that is missing, as if the program were.
            const folderMissing = error.code === 'ENOENT' && options.cwd !== undefined && !(0,external_node_fs_.existsSync)(options.cwd);
            reject(folderMissing ? new Error(`The folder ${options.cwd} to run ${file} in does not exist.`) : error);
        });
        // Not started (no file handle left, say): no pipes either; the error above says why.
        if (child.pid === undefined)
            return;
        child.stdout.on('data', (chunk) => {
            stdout.push(chunk);
            options.echo?.(chunk);
        });
        child.stderr.on('data', (chunk) => {
            stderr.push(chunk);
            options.echo?.(chunk);
        });
        child.on('exit', (code, signal) => {
            exitCode = code ?? 128 + (signal ? (external_node_os_.constants.signals[signal] ?? 0) : 0);
            grace = setTimeout(finish, options.closeGraceMs ?? CLOSE_GRACE_MS);
            grace.unref();
        });
        child.on('close', () => finish());
        options.onStart?.();
        // A program that exits without reading all of its input closes the pipe first (EPIPE): its
        // exit code says what happened.
        child.stdin.on('error', () => undefined);
        child.stdin.end(options.input);
    });
}

;// CONCATENATED MODULE: ./src/sandbox-env.ts

/** The environment of every process the sandbox starts: what is inherited, and what is set. */
/**
 * Variables that carry a token or redirect gh/git configuration: never inherited by a child.
 * The runner's own tokens (OIDC, Actions runtime and cache) are given to actions, not to `run:`
 * steps: neither gh, git nor the user's `run` script gets them from us.
 */
const WITHHELD = [
    'GITHUB_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_RUNTIME_TOKEN',
    'ACTIONS_RUNTIME_URL',
    'ACTIONS_CACHE_URL',
    'ACTIONS_RESULTS_URL',
    'GH_TOKEN',
    'GITHUB_ENTERPRISE_TOKEN',
    'GH_ENTERPRISE_TOKEN',
    'GH_HOST',
    'GH_CONFIG_DIR',
    'GIT_CONFIG_GLOBAL',
    // Where git finds a repository: inherited, they would point the action's git (and the `run`
    // script) at the job's repository instead of the sandbox's clone. The action sets them itself
    // where it means to (src/clone-work-tree.ts).
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_COMMON_DIR',
    'GIT_INDEX_FILE',
    'GIT_OBJECT_DIRECTORY',
    'GIT_ALTERNATE_OBJECT_DIRECTORIES',
    'GIT_NAMESPACE'
];
/** Keeps gh and git from prompting or checking for updates. */
const NON_INTERACTIVE = {
    GH_PROMPT_DISABLED: '1',
    GH_NO_UPDATE_NOTIFIER: '1',
    GIT_TERMINAL_PROMPT: '0',
    GCM_INTERACTIVE: 'never'
};
/**
 * gh 2.24+ keeps logins in the OS keyring, which belongs to the OS user, not to GH_CONFIG_DIR:
 * even with --insecure-storage, `gh auth login` deletes the host's active keyring entry. On
 * Linux (and the BSDs) that keyring is the Secret Service on the D-Bus session bus, found
 * through DBUS_SESSION_BUS_ADDRESS (and, when that is unset, $XDG_RUNTIME_DIR/bus or an
 * autolaunched bus): pointed at a socket that does not exist, in a private folder nobody else
 * can create it in, every keyring call of gh fails at once and gh keeps to its config folder.
 */
function noKeyringBus(privateDir) {
    return { DBUS_SESSION_BUS_ADDRESS: `unix:path=${external_node_path_.join(privateDir, 'no-keyring-bus')}` };
}
/** The job's environment without tokens, inputs, state, or gh/git config redirections. */
function inheritedEnv() {
    const env = {};
    for (const [name, value] of Object.entries(process.env)) {
        if (value === undefined ||
            WITHHELD.includes(name) ||
            name.startsWith('INPUT_') ||
            name.startsWith('STATE_'))
            continue;
        env[name] = value;
    }
    return env;
}
/**
 * The git config that makes a git (or git-lfs) process send the token with its first request to
 * `serverUrl`, as actions/checkout does, and run no hook while it holds it.
 */
function authHeaderEntries(serverUrl, token) {
    const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
    return [
        [`http.${serverUrl}/.extraheader`, `AUTHORIZATION: basic ${basic}`],
        ['core.hooksPath', '/dev/null'],
        // git 2.46+ would otherwise also ask gh first and send a second Authorization header.
        ['http.proactiveAuth', 'none']
    ];
}
/**
 * Config of every git command the action runs itself (not the `run` script's). Its clones are
 * new and short-lived: no automatic maintenance (a `git maintenance run --auto` process after
 * every fetch and commit, which finds nothing to do), and fast-import keeps what it writes as
 * a pack rather than starting `git unpack-objects` to loosen a small one.
 */
const OWN_GIT_ENTRIES = [
    ['maintenance.auto', 'false'],
    ['fastimport.unpackLimit', '0']
];
/** GIT_CONFIG_COUNT/KEY/VALUE for `entries`, after any that the job itself set. */
function gitConfigEnv(entries) {
    if (entries.length === 0)
        return {};
    const inherited = Number(process.env.GIT_CONFIG_COUNT ?? '0') || 0;
    const env = { GIT_CONFIG_COUNT: String(inherited + entries.length) };
    entries.forEach(([key, value], i) => {
        env[`GIT_CONFIG_KEY_${inherited + i}`] = key;
        env[`GIT_CONFIG_VALUE_${inherited + i}`] = value;
    });
    return env;
}

;// CONCATENATED MODULE: ./src/sandbox.ts










/**
 * The private environment in which every gh and git process runs: its own gh config dir and
 * its own global git config under RUNNER_TEMP, so that the user's ~/.gitconfig and keyring are
 * never touched, and a token that only this folder holds disappears with it (deleting the folder
 * is the whole logout: `gh auth logout` would reach for the keyring).
 * Every process starts here (through process-runner.ts): an argument array, never a shell.
 */
class Sandbox {
    dir;
    log;
    extraEnv = {};
    gitConfigEntries = [];
    authenticatedGitEntries = [];
    /**
     * The step's environment, read once rather than for every child: each read of process.env
     * goes through Node's C++ side, about half a millisecond per child for the 150 variables of a
     * hosted runner.
     */
    inherited = inheritedEnv();
    markTalking = () => { };
    /** Settles once the first git command that talks to the server (`authenticated`) is running. */
    talking = new Promise((resolve) => (this.markTalking = resolve));
    constructor(dir, 
    /** The step's log, or a session's buffer of it. */
    log) {
        this.dir = dir;
        this.log = log;
    }
    static async create(runnerTemp, log) {
        await promises_.mkdir(runnerTemp, { recursive: true });
        const dir = await promises_.mkdtemp(external_node_path_.join(runnerTemp, 'outbox-publisher-auth-'));
        await promises_.chmod(dir, 0o700);
        const sandbox = new Sandbox(dir, log);
        await promises_.mkdir(sandbox.ghConfigDir, { mode: 0o700 });
        await promises_.writeFile(sandbox.gitConfigFile, '', { mode: 0o600 });
        return sandbox;
    }
    /** The sandbox that a main step made, for its post step. */
    static attach(dir, log) {
        return new Sandbox(dir, log);
    }
    /**
     * Starts a command that needs neither a token nor any config (gh --version) before the sandbox
     * exists, so that it runs while Node is still loading the rest of the action. gh gets a config
     * folder that does not exist: it reads nothing of the user's and writes nothing. Nothing is
     * logged until `finish` takes the result.
     */
    static startEarly(tool, args) {
        // The missing config folder sits in a new private one: a predictable path in a shared temp
        // folder could be made first by someone else, with a config.yml whose aliases gh would run.
        const base = process.env.RUNNER_TEMP && (0,external_node_fs_.existsSync)(process.env.RUNNER_TEMP) ? process.env.RUNNER_TEMP : external_node_os_.tmpdir();
        const privateDir = (0,external_node_fs_.mkdtempSync)(external_node_path_.join(base, 'outbox-publisher-probe-'));
        const env = {
            ...inheritedEnv(),
            ...NON_INTERACTIVE,
            ...noKeyringBus(privateDir),
            GH_CONFIG_DIR: external_node_path_.join(privateDir, 'none')
        };
        const outcome = start(tool, args, { env });
        // Also handles a failure until `finish` reports it (or nothing does: main failed first).
        const removeDir = () => (0,external_node_fs_.rmSync)(privateDir, { recursive: true, force: true });
        outcome.then(removeDir, removeDir);
        return { tool, args, outcome };
    }
    get ghConfigDir() {
        return external_node_path_.join(this.dir, 'gh');
    }
    get gitConfigFile() {
        return external_node_path_.join(this.dir, 'gitconfig');
    }
    /**
     * Appends to the sandbox's global git config in one step, a whole new file renamed over it, so
     * that git running meanwhile (the clone's fetch) reads it before or after, never half written.
     */
    async appendGitConfig(text) {
        const next = `${this.gitConfigFile}.next`;
        await promises_.writeFile(next, (await promises_.readFile(this.gitConfigFile, 'utf8')) + text, { mode: 0o600 });
        await promises_.rename(next, this.gitConfigFile);
    }
    /** Adds variables to every later child's environment (gh's token variables, in env mode). */
    setVariables(vars) {
        Object.assign(this.extraEnv, vars);
    }
    /**
     * Git configuration with command-line precedence for every git process in the sandbox, the
     * user's `run` script included (GIT_CONFIG_COUNT/KEY/VALUE), appended to any the job set.
     */
    overrideGitConfig(entries) {
        this.gitConfigEntries.push(...entries);
    }
    /**
     * Lets the action's own fetches, pushes and ls-remotes (RunOptions.authenticated) send the
     * token with their first request, as actions/checkout does: git 2.39 has no
     * http.proactiveAuth, so through gh's credential helper each of them would first take a 401.
     * The header reaches only those processes, in their environment (GIT_CONFIG_*): never argv,
     * never a file, never the `run` script (which gets the token from gh, as before). Hooks are
     * off for them, so nothing a `run` script left in the clone runs with the header.
     */
    authenticateGit(serverUrl, token) {
        this.authenticatedGitEntries.push(...authHeaderEntries(serverUrl, token));
    }
    /**
     * Every child's environment; `ownGit` adds what the action's own git commands run with (not
     * the `run` script's), and `authenticated` the header of `authenticateGit` too.
     */
    env(ownGit = false, authenticated = false) {
        const entries = [
            ...this.gitConfigEntries,
            ...(ownGit ? OWN_GIT_ENTRIES : []),
            ...(authenticated ? this.authenticatedGitEntries : [])
        ];
        return {
            ...this.inherited,
            GH_CONFIG_DIR: this.ghConfigDir,
            GIT_CONFIG_GLOBAL: this.gitConfigFile,
            ...NON_INTERACTIVE,
            ...noKeyringBus(this.dir),
            ...this.extraEnv,
            ...gitConfigEnv(entries)
        };
    }
    async run(tool, args, options = {}) {
        // `start` logs the command line itself when it streams the output.
        // Arguments carry outside names (bundle files, branches): quoted so that none breaks the line.
        if (!options.stream)
            this.log(`[command]${(0,log_text/* commandLine */.ay)(tool, args)}`);
        const authenticated = options.authenticated === true && tool === 'git';
        let outcome;
        try {
            outcome = await start(tool, args, {
                cwd: options.cwd,
                env: { ...this.env(tool === 'git', authenticated), ...options.env },
                input: options.input,
                echo: options.stream ? (chunk) => void process.stdout.write(chunk) : undefined,
                onStart: authenticated ? () => this.markTalking() : undefined,
                streamed: options.stream === true
            });
        }
        finally {
            // Also when it could not start: nothing waits for a talk that never comes.
            if (authenticated)
                this.markTalking();
        }
        return settle(tool, args, outcome, options);
    }
    /** The result of a command begun with `startEarly`, logged and checked as `run` would. */
    async finish(early) {
        this.log(`[command]${(0,log_text/* commandLine */.ay)(early.tool, early.args)}`);
        return settle(early.tool, early.args, await early.outcome, {});
    }
    /** Runs a command whose standard output is binary (file contents), returned as bytes. */
    async runForBytes(tool, args, options = {}) {
        const { exitCode, stdout, stderr } = await start(tool, args, {
            cwd: options.cwd,
            env: this.env(tool === 'git'),
            input: options.input
        });
        if (exitCode !== 0)
            throw new errors/* CommandError */.Qd((0,log_text/* commandLine */.ay)(tool, args), exitCode, stderr.toString('utf8'));
        return stdout;
    }
    /**
     * Runs the workflow author's script with bash in strict mode. The script goes into a file in
     * the sandbox so the log shows one short command line rather than the whole script.
     */
    async runScript(script, cwd, env) {
        const file = external_node_path_.join(this.dir, 'run.sh');
        await promises_.writeFile(file, script, { mode: 0o600 });
        await this.run('bash', ['--noprofile', '--norc', '-e', '-u', '-o', 'pipefail', file], {
            cwd,
            env,
            stream: true,
            fix: "The 'run' script failed; its output is above. Nothing was committed or pushed."
        });
    }
    async remove() {
        await promises_.rm(this.dir, { recursive: true, force: true });
    }
}
/**
 * Runs `tool`, found on PATH, with runProcess; `streamed` first logs its command line as the
 * `run` script's output follows it, with the file that runs.
 */
async function start(tool, args, options) {
    const file = (0,found_tools/* findTool */.S)(tool);
    if (file === undefined)
        throw toolNotFound(tool);
    if (options.streamed)
        process.stdout.write(`[command]${(0,log_text/* commandLine */.ay)(file, args)}\n`);
    return runProcess(file, args, options).catch((error) => {
        // The file found earlier in the step is gone.
        if (error.code === 'ENOENT' && !(0,external_node_fs_.existsSync)(file))
            throw toolNotFound(tool);
        throw error;
    });
}


/***/ }),

/***/ 2462:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ STATE)
/* harmony export */ });
/** Names under which main records, with core.saveState, what its post step must undo. */
const STATE = {
    sandboxDir: 'sandbox-dir',
    /** Set once main has deleted the sandbox itself, leaving the post step nothing to do. */
    removed: 'sandbox-removed'
};


/***/ }),

/***/ 7772:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ parseScopes),
/* harmony export */   b: () => (/* binding */ TOKEN_VARIABLE)
/* harmony export */ });
/**
 * What every layer may know about the token without holding it: the variable it is read from,
 * and its scopes as GitHub reports them.
 */
const TOKEN_VARIABLE = 'GITHUB_TOKEN';
/** `X-OAuth-Scopes` as a list; null when the header is absent (fine-grained and installation tokens). */
function parseScopes(header) {
    if (header === undefined || header === null)
        return null;
    return header
        .split(',')
        .map((scope) => scope.trim())
        .filter((scope) => scope.length > 0);
}


/***/ }),

/***/ 4606:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   AI: () => (/* binding */ readToken),
/* harmony export */   Kl: () => (/* binding */ reportsNoScopes),
/* harmony export */   S_: () => (/* binding */ reviewTokenAccess)
/* harmony export */ });
/* unused harmony exports tokenKind, secretForms, malformation, reviewScopes, parseExpiration, expiryWarning */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _token_facts_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7772);


const KINDS = [
    ['github_pat_', { id: 'fine-grained', label: 'fine-grained personal access token' }],
    ['ghp_', { id: 'classic', label: 'classic personal access token' }],
    ['ghs_', { id: 'installation', label: 'GitHub App installation token (or the workflow GITHUB_TOKEN)' }],
    ['gho_', { id: 'oauth', label: 'OAuth app token' }],
    ['ghu_', { id: 'user-to-server', label: 'GitHub App user-to-server token' }]
];
function tokenKind(token) {
    for (const [prefix, kind] of KINDS)
        if (token.startsWith(prefix))
            return kind;
    return { id: 'unknown', label: 'token of unknown kind (no known prefix)' };
}
/** Installation and fine-grained tokens carry no X-OAuth-Scopes, so gh's login takes them as they are. */
function reportsNoScopes(token) {
    return ['installation', 'fine-grained'].includes(tokenKind(token).id);
}
/** Every form in which the token could turn up in a log: all of them must be masked. */
function secretForms(token) {
    const forms = [
        token,
        Buffer.from(`x-access-token:${token}`).toString('base64'),
        Buffer.from(`${token}:x-oauth-basic`).toString('base64'),
        Buffer.from(`:${token}`).toString('base64'),
        Buffer.from(token).toString('base64'),
        encodeURIComponent(token)
    ];
    // Parts of a malformed multi-line value, so that no line of it shows either.
    for (const line of token.split(/[\r\n]+/))
        if (line.trim().length >= 8)
            forms.push(line.trim());
    return [...new Set(forms)];
}
/** GitHub documents token lengths of up to 255 characters. */
const MAX_TOKEN_LENGTH = 255;
/** Why the value cannot be a GitHub token (letters, digits, '_', '.', '-'), or undefined when it can. */
function malformation(token) {
    if (/[\r\n]/.test(token))
        return 'contains a line break';
    if (/[ \t]/.test(token))
        return 'contains white space';
    if (/[\x00-\x1f\x7f]/.test(token))
        return 'contains a control character';
    if (/[^\x21-\x7e]/.test(token))
        return 'contains characters outside printable ASCII';
    const odd = /[^A-Za-z0-9_.-]/.exec(token);
    if (odd)
        return `contains '${odd[0]}', which no GitHub token does`;
    if (token.length > MAX_TOKEN_LENGTH)
        return `is ${token.length} characters long; GitHub tokens have at most ${MAX_TOKEN_LENGTH}`;
    return undefined;
}
/**
 * Reads the token from GITHUB_TOKEN and masks it (and its derived forms) before anything
 * else can print it. The environment variable is the only source on purpose: no input, no file.
 */
function readToken(env, log) {
    log.info('Reading GitHub token from environment variable');
    const raw = env[_token_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .TOKEN_VARIABLE */ .b];
    if (raw === undefined || raw.trim() === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${_token_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .TOKEN_VARIABLE */ .b} environment variable not set`, "Map a secret into the step's environment: `env: { GITHUB_TOKEN: ${{ secrets.YOUR_TOKEN }} }` (or `${{ github.token }}` for the workflow token).");
    }
    for (const form of secretForms(raw))
        log.mask(form);
    const problem = malformation(raw);
    if (problem) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(`${_token_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .TOKEN_VARIABLE */ .b} is malformed: it ${problem}`, 'Check the secret: a token is one word of printable characters, with no spaces or newlines around or inside it.');
    }
    log.info('Successfully read GitHub token from environment');
    log.info(`Token kind: ${tokenKind(raw).label}`);
    return raw;
}
const ORG_SCOPES = ['read:org', 'write:org', 'admin:org'];
function reviewScopes(scopes, repositoryIsPrivate) {
    if (scopes === null)
        return { missing: undefined, broad: [], ghLoginAccepts: true };
    const has = (scope) => scopes.includes(scope);
    const canWrite = has('repo') || (!repositoryIsPrivate && has('public_repo'));
    const needed = repositoryIsPrivate ? "'repo'" : "'repo' or 'public_repo'";
    const missing = canWrite
        ? undefined
        : `The token's scopes (${scopes.join(', ') || 'none'}) do not include ${needed}, which pushing to this repository needs.`;
    const broad = scopes.filter((scope) => scope === 'delete_repo' || scope.startsWith('admin:'));
    return { missing, broad, ghLoginAccepts: has('repo') && ORG_SCOPES.some(has) };
}
/**
 * Checks what the API told us about the token: fails when it cannot push, warns about broad
 * scopes and a near expiry. Returns the review, whose `ghLoginAccepts` picks gh's auth way.
 */
function reviewTokenAccess(facts, warn, now = new Date()) {
    const review = reviewScopes((0,_token_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .parseScopes */ .F)(facts.scopesHeader), facts.isPrivate);
    if (review.missing)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ(review.missing, `Give the token the ${facts.isPrivate ? "'repo'" : "'public_repo' (or 'repo')"} scope, or use a fine-grained token with contents and pull-requests write access.`);
    if (review.broad.length > 0) {
        warn(`The token carries scopes this action does not need: ${review.broad.join(', ')}. A token without them limits the damage if it leaks.`);
    }
    const expiry = expiryWarning(facts.expirationHeader, now);
    if (expiry)
        warn(expiry);
    return review;
}
/** Parses `github-authentication-token-expiration` ("2026-12-01 10:00:00 UTC" or "... -0800"). */
function parseExpiration(header) {
    if (!header)
        return undefined;
    const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})\s*(UTC|Z|[+-]\d{2}:?\d{2})?$/.exec(header.trim());
    if (!match)
        return undefined;
    const zone = !match[3] || match[3] === 'UTC' || match[3] === 'Z'
        ? 'Z'
        : match[3].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const date = new Date(`${match[1]}T${match[2]}${zone}`);
    return Number.isNaN(date.getTime()) ? undefined : date;
}
const EXPIRY_WARNING_DAYS = 14;
function expiryWarning(header, now) {
    const expires = parseExpiration(header);
    if (!expires)
        return undefined;
    const days = (expires.getTime() - now.getTime()) / 86_400_000;
    if (days > EXPIRY_WARNING_DAYS)
        return undefined;
    const when = days <= 0
        ? 'has expired'
        : `expires in ${Math.max(1, Math.floor(days))} day(s), on ${expires.toISOString()}`;
    return `The token in ${_token_facts_js__WEBPACK_IMPORTED_MODULE_1__/* .TOKEN_VARIABLE */ .b} ${when}. Create a new one and update the secret before then.`;
}


/***/ }),

/***/ 6137:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $e: () => (/* binding */ warning),
/* harmony export */   C1: () => (/* binding */ setFailed),
/* harmony export */   LZ: () => (/* binding */ saveState),
/* harmony export */   Pq: () => (/* binding */ setSecret),
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   Yz: () => (/* binding */ debug),
/* harmony export */   lm: () => (/* binding */ notice),
/* harmony export */   pq: () => (/* binding */ info),
/* harmony export */   uH: () => (/* binding */ setOutput)
/* harmony export */ });
/* unused harmony export getState */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);



/**
 * The runner's workflow commands and file commands that the action uses, written as
 * @actions/core writes them (a unit test compares the two byte for byte). @actions/core itself
 * imports an HTTP client (undici, most of its 1 MB) for OIDC tokens, which the action never asks
 * for: loading it would put a fifth of a second before the first fetch. The job summary is
 * src/job-summary.ts, for the same reason.
 */
const escapeData = (text) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
function issue(command, message, properties = {}) {
    const props = Object.entries(properties)
        .filter(([, value]) => value)
        .map(([key, value]) => `${key}=${escapeProperty(value)}`)
        .join(',');
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
}
/** A `name<<delimiter` block of GITHUB_OUTPUT or GITHUB_STATE, or the older stdout command without one. */
function setValue(file, command, name, value) {
    const filePath = process.env[`GITHUB_${file}`] ?? '';
    if (!filePath) {
        if (file === 'OUTPUT')
            process.stdout.write(node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
        issue(command, value, { name });
        return;
    }
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(filePath))
        throw new Error(`Missing file at path: ${filePath}`);
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`Unexpected input: name or value contains the delimiter "${delimiter}"`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(filePath, `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`, {
        encoding: 'utf8'
    });
}
/** An input's value (`INPUT_<NAME>`), trimmed; '' when not set. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function info(message) {
    process.stdout.write(message + node_os__WEBPACK_IMPORTED_MODULE_2__.EOL);
}
function debug(message) {
    issue('debug', message);
}
function notice(message) {
    issue('notice', message);
}
function warning(message) {
    issue('warning', message);
}
/** An `::error::` annotation and exit code 1 once the step ends. */
function setFailed(message) {
    process.exitCode = 1;
    issue('error', message);
}
/** Asks the runner to mask `secret` in every later log line. */
function setSecret(secret) {
    issue('add-mask', secret);
}
function setOutput(name, value) {
    setValue('OUTPUT', 'set-output', name, value);
}
/** State for the post step, which reads it as `STATE_<name>`. */
function saveState(name, value) {
    setValue('STATE', 'save-state', name, value);
}
function getState(name) {
    return process.env[`STATE_${name}`] ?? '';
}


/***/ }),

/***/ 2613:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");

/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4434:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 5692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("https");

/***/ }),

/***/ 9278:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("net");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 857:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ }),

/***/ 4756:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("tls");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 

//# sourceMappingURL=index.js.map
