export const id = 533;
export const ids = [533,19];
export const modules = {

/***/ 5019:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GhLogins: () => (/* binding */ GhLogins)
});

// EXTERNAL MODULE: ./src/workflow-commands.ts
var workflow_commands = __webpack_require__(6137);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/gh-auth.ts


function parseGhVersion(output) {
    const match = /gh version (\d+)\.(\d+)\.(\d+)/.exec(output);
    if (!match)
        return undefined;
    return {
        major: Number(match[1]),
        minor: Number(match[2]),
        patch: Number(match[3]),
        text: `${match[1]}.${match[2]}.${match[3]}`
    };
}
/** `--insecure-storage` keeps the token in GH_CONFIG_DIR instead of a keyring that outlives the job; gh 2.26 added it. */
function supportsInsecureStorage(version) {
    return version.major > 2 || (version.major === 2 && version.minor >= 26);
}
/** The variables through which gh (and its git credential helper) takes a token from the environment. */
function tokenVariables(host, token) {
    return host === 'github.com' ? { GH_TOKEN: token } : { GH_ENTERPRISE_TOKEN: token, GH_HOST: host };
}
/** gh's version, from `gh --version` run now or, when given, begun before the sandbox existed. */
async function findGh(sandbox, early) {
    const { stdout } = await (early ? sandbox.finish(early) : sandbox.run('gh', ['--version']));
    const version = parseGhVersion(stdout);
    if (!version)
        throw new errors/* ActionError */.lZ(`Could not read the version of gh from: ${stdout.trim()}`);
    workflow_commands/* info */.pq(`Using gh ${version.text}`);
    return version;
}
/**
 * Whether `gh auth login` can run without reaching the machine's keyring: where the keyring is
 * the Secret Service on D-Bus (Linux, the BSDs), the sandbox points gh at a bus that does not
 * exist. macOS's Keychain and Windows' Credential Manager need no bus and no variable turns them
 * off, so there gh only ever gets the token from its environment, a path with no keyring call.
 */
function loginKeepsOffKeyring(platform) {
    return platform !== 'darwin' && platform !== 'win32';
}
/**
 * How gh gets the token for the `run` script. `login` stores it in a sandbox's GH_CONFIG_DIR
 * (fed on stdin); `env` hands it to gh's children through GH_TOKEN, for tokens that gh's login
 * refuses for lack of an org scope and on systems whose keyring gh's login would reach.
 */
function authMode(ghLoginAccepts, platform = process.platform) {
    return ghLoginAccepts && loginKeepsOffKeyring(platform) ? 'login' : 'env';
}
/** Says how gh was given the token, and why not by a login when it was not. */
function logAuthMode(mode, host, platform = process.platform) {
    if (mode === 'login') {
        workflow_commands/* info */.pq(`Authenticated gh for ${host} with 'gh auth login --with-token' (token stored only in the sandbox's GH_CONFIG_DIR, no keyring reachable).`);
        return;
    }
    const why = !loginKeepsOffKeyring(platform)
        ? "'gh auth login' would reach this system's keyring, which belongs to the machine's own gh login."
        : "'gh auth login' refuses classic tokens without 'read:org', which this action does not need.";
    workflow_commands/* info */.pq(`Authenticated gh for ${host} through ${host === 'github.com' ? 'GH_TOKEN' : 'GH_ENTERPRISE_TOKEN and GH_HOST'} in the sandbox's environment: ${why}`);
}
/**
 * Logs gh in inside `sandbox` (login mode): the token, on stdin, stored in its GH_CONFIG_DIR.
 * Never undone with `gh auth logout` (which deletes keyring entries of the OS user): deleting
 * the sandbox folder is the logout.
 */
async function logInGh(sandbox, options) {
    const login = ['auth', 'login', '--with-token', '--hostname', options.host];
    if (supportsInsecureStorage(options.version))
        login.push('--insecure-storage');
    await sandbox.run('gh', login, {
        input: `${options.token}\n`,
        fix: 'gh could not log in with the token. Check that the secret holds a valid token for this host.'
    });
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/found-tools.ts
var found_tools = __webpack_require__(6377);
// EXTERNAL MODULE: ./src/git-config-text.ts
var git_config_text = __webpack_require__(4668);
// EXTERNAL MODULE: ./src/log-text.ts
var log_text = __webpack_require__(3529);
;// CONCATENATED MODULE: ./src/gh-credential-helper.ts






/**
 * gh as git's credential helper, written as `gh auth setup-git --hostname <host>` writes it (gh
 * 2.23 to 2.60 alike: pkg/cmd/auth/shared's credential setup, cmdutil's Executable), without its
 * gh process and four `git config` processes.
 */
const atLeast = (version, major, minor) => version.major > major || (version.major === major && version.minor >= minor);
/**
 * The hosts whose credentials gh answers for: the host, and for github.com (not GitHub
 * Enterprise, whose gists live under `<host>/gist/`) its gist host. gh's ghinstance.GistHost.
 */
function credentialHosts(host) {
    const lower = host.toLowerCase();
    const normalized = lower.endsWith('.github.com')
        ? 'github.com'
        : lower.endsWith('.github.localhost')
            ? 'github.localhost'
            : lower;
    const enterprise = normalized !== 'github.com' && normalized !== 'github.localhost';
    const gistUnderHost = enterprise || lower === 'garage.github.com' || lower === 'github.localhost';
    return gistUnderHost ? [host] : [host, `gist.${host}`];
}
/**
 * `!<gh> auth git-credential`, which git runs with a shell. gh puts its path in single quotes
 * when it holds a space, `$` or `\` and leaves it bare otherwise; a path that this cannot keep
 * whole and inert for the shell (a `'`, a control character, or other shell syntax left bare)
 * is refused rather than written for a shell to misread.
 */
function helperCommand(ghPath) {
    const quoted = /[ $\\]/.test(ghPath);
    const inert = quoted ? /^[^'\x00-\x1f\x7f]+$/ : /^[\p{L}\p{M}\p{N}_./+,:@%-]+$/u;
    if (!inert.test(ghPath)) {
        throw new errors/* ActionError */.lZ(`gh's path ${(0,log_text/* quotedName */.aH)(ghPath)} cannot be written as git's credential helper for the 'run' script: a shell would not read it back as one path.`, "Install gh in a folder whose path has only letters, digits and . _ - / + , : @ % (or set GH_PATH to such a path), or leave 'run' empty.");
    }
    return `!${quoted ? `'${ghPath}'` : ghPath} auth git-credential`;
}
/**
 * The global git config text that `gh auth setup-git --hostname <host>` writes: per host, an
 * empty helper (which drops helpers configured before it) and then gh.
 */
function credentialHelperConfig(host, ghPath) {
    const command = helperCommand(ghPath);
    return credentialHosts(host)
        .map((name) => {
        // gh's ghinstance.HostPrefix: plain HTTP only for a local development instance.
        const scheme = name.toLowerCase() === 'github.localhost' ? 'http' : 'https';
        return (0,git_config_text/* subsection */.mK)('credential', `${scheme}://${name}`, [
            ['helper', ''],
            ['helper', command]
        ]);
    })
        .join('');
}
/**
 * The path gh writes for itself (cmdutil's Executable): GH_PATH when set (gh 2.24+); else the
 * running binary (os.Executable: symbolic links resolved on Linux, as started on macOS and
 * Windows), or the first PATH entry with its name that is a symbolic link to it (gh 2.40+: the
 * same file once resolved; before: a link whose text is exactly that path), so that a
 * Homebrew-style link outlives upgrades.
 */
async function ghExecutablePath(version, env = process.env, platform = process.platform) {
    if (env.GH_PATH && atLeast(version, 2, 24))
        return env.GH_PATH;
    const searchPath = env.PATH ?? '';
    const found = (0,found_tools/* findOnPath */.a)('gh', searchPath, platform);
    if (found === undefined)
        throw new errors/* ActionError */.lZ("gh was not found on PATH, and the 'run' script needs it.");
    const realExe = await promises_.realpath(found);
    const exe = platform === 'darwin' || platform === 'win32' ? found : realExe;
    const base = external_node_path_.basename(exe);
    const dirs = searchPath === '' ? [] : searchPath.split(external_node_path_.delimiter);
    for (const dir of dirs) {
        const candidate = external_node_path_.resolve(dir, base);
        const stat = await promises_.lstat(candidate).catch(() => undefined);
        if (!stat)
            continue;
        if (candidate === exe)
            return candidate;
        if (!stat.isSymbolicLink())
            continue;
        const same = atLeast(version, 2, 40)
            ? (await promises_.realpath(candidate).catch(() => undefined)) === realExe
            : (await promises_.readlink(candidate).catch(() => undefined)) === exe;
        if (same)
            return candidate;
    }
    return exe;
}

// EXTERNAL MODULE: ./src/sandbox.ts + 4 modules
var sandbox = __webpack_require__(5082);
;// CONCATENATED MODULE: ./src/gh-login.ts



/**
 * gh for the `run` scripts of one step, and only for them: the action's own git authenticates
 * with a header (Sandbox.authenticateGit), so a publish without a `run` script starts no gh at
 * all. gh's version is asked once, and gh logs in once per host (and way of authenticating) in a
 * sandbox of its own inside `parentDir`, shared by every publish of the step that needs it: a
 * `sessions` step's 50 sessions make one login, not 50 (and in env mode, none). The login's
 * folder goes with `parentDir` (a single publish's sandbox, or a sessions step's folder), which
 * main deletes, or post when main was killed (src/state.ts).
 */
class GhLogins {
    parentDir;
    log;
    early;
    version;
    logins = new Map();
    constructor(parentDir, log, early) {
        this.parentDir = parentDir;
        this.log = log;
        this.early = early;
    }
    /**
     * Gives `sandbox` an authenticated gh and gh as git's credential helper: in login mode gh's
     * config folder of the shared login, in env mode the token variables (gh's own way). The helper
     * lines are appended to the sandbox's global git config once `configWritten` settles (git-lfs's
     * setup writes the same file); the login itself does not wait for it.
     */
    async provide(sandbox, options) {
        const { host, token, ghLoginAccepts } = options;
        this.version ??= findGh(sandbox, this.early);
        const mode = authMode(ghLoginAccepts);
        const key = `${host} ${mode}`;
        let login = this.logins.get(key);
        if (!login) {
            login = this.logIn(host, token, mode);
            this.logins.set(key, login);
        }
        const { ghConfigDir, helperConfig } = await login;
        sandbox.setVariables(ghConfigDir ? { GH_CONFIG_DIR: ghConfigDir } : tokenVariables(host, token));
        await options.configWritten.catch(() => undefined);
        await sandbox.appendGitConfig(helperConfig);
    }
    async logIn(host, token, mode) {
        const [version, loginSandbox] = await Promise.all([
            this.version,
            mode === 'login' ? sandbox/* Sandbox */.a.create(this.parentDir, this.log) : undefined
        ]);
        // What `gh auth setup-git` would write, without its gh and four git processes.
        const helperConfig = credentialHelperConfig(host, await ghExecutablePath(version));
        if (loginSandbox)
            await logInGh(loginSandbox, { host, token, version });
        logAuthMode(mode, host);
        return { ghConfigDir: loginSandbox?.ghConfigDir, helperConfig };
    }
}


/***/ }),

/***/ 321:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ JobSummary)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);



const wrap = (tag, content) => (content ? `<${tag}>${content}</${tag}>` : `<${tag}>`);
/**
 * The job summary (GITHUB_STEP_SUMMARY), written as @actions/core's `core.summary` writes it (a
 * unit test compares the two): that module comes with @actions/core's HTTP client, most of the
 * bundle, which would load after the pull request is open, only to write a table. The text given
 * is HTML: outside text goes through src/log-text.ts's summaryText first.
 */
class JobSummary {
    buffer = '';
    addRaw(html, addEol = false) {
        this.buffer += addEol ? html + node_os__WEBPACK_IMPORTED_MODULE_2__.EOL : html;
        return this;
    }
    addHeading(text, level) {
        return this.addRaw(wrap(`h${level}`, text), true);
    }
    addTable(rows) {
        const cell = (c) => (typeof c === 'string' ? wrap('td', c) : wrap('th', c.data));
        return this.addRaw(wrap('table', rows.map((row) => wrap('tr', row.map(cell).join(''))).join('')), true);
    }
    addList(items) {
        return this.addRaw(wrap('ul', items.map((item) => wrap('li', item)).join('')), true);
    }
    stringify() {
        return this.buffer;
    }
    /** Appends the summary to GITHUB_STEP_SUMMARY, which must exist and be writable. */
    async write() {
        const file = process.env.GITHUB_STEP_SUMMARY;
        if (!file)
            throw new Error('Unable to find environment variable for $GITHUB_STEP_SUMMARY.');
        try {
            await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.access(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.R_OK | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.W_OK);
        }
        catch {
            throw new Error(`Unable to access summary file: '${file}'.`);
        }
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.appendFile(file, this.buffer, { encoding: 'utf8' });
        this.buffer = '';
    }
}


/***/ }),

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

/***/ 4533:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  publishSessions: () => (/* binding */ publishSessions)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/cleanup.ts
var cleanup = __webpack_require__(2691);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/gh-login.ts + 2 modules
var gh_login = __webpack_require__(5019);
// EXTERNAL MODULE: ./src/job-summary.ts
var job_summary = __webpack_require__(321);
// EXTERNAL MODULE: ./src/input-values.ts + 1 modules
var input_values = __webpack_require__(2268);
// EXTERNAL MODULE: ./src/log-text.ts
var log_text = __webpack_require__(3529);
// EXTERNAL MODULE: ./src/pool.ts
var pool = __webpack_require__(9537);
// EXTERNAL MODULE: ./src/publish-one.ts + 12 modules
var publish_one = __webpack_require__(1017);
// EXTERNAL MODULE: ./src/read-inputs.ts + 3 modules
var read_inputs = __webpack_require__(6554);
// EXTERNAL MODULE: ./src/real-paths.ts
var real_paths = __webpack_require__(4318);
// EXTERNAL MODULE: ./src/runner-context.ts
var runner_context = __webpack_require__(6163);
// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __webpack_require__(6698);
;// CONCATENATED MODULE: ./src/session-log.ts
/**
 * A `sessions` step's log: one collapsed group per session. Sessions run side by side, so their
 * lines, written as they come, would interleave (a `::group::` opened by one session would swallow
 * the lines of the others, and GitHub does not nest groups). Instead, whatever a session writes to
 * stdout or stderr (@actions/core's lines, the command lines and the output of the user's `run`
 * script that Sandbox echoes) is kept in a buffer of its own, found through
 * AsyncLocalStorage, and written as one block, `::group::` to `::endgroup::`, when the session
 * ends: each session's log reads as it would in a step of its own, in the order sessions finish.
 * The price is that a session shows nothing while it runs; a cancelled step (SIGINT or SIGTERM,
 * as the runner sends) first writes what the running sessions have so far.
 */


/** The most a session's buffer keeps of its head and of its tail (bytes each), for a chatty `run`. */
const KEEP_BYTES = 512 * 1024;
/**
 * One session's output: its first `keep` bytes and its last, whatever comes between left out. Kept
 * as bytes, so that a character that a child's output splits across two chunks stays whole.
 */
class SessionLogBuffer {
    keep;
    head = [];
    headBytes = 0;
    tail = [];
    tailBytes = 0;
    droppedBytes = 0;
    /** Whether what was left out ended a line, so that the tail starts a line of its own. */
    droppedEndsLine = true;
    constructor(keep = KEEP_BYTES) {
        this.keep = keep;
    }
    append(chunk) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
        if (this.tail.length === 0 && this.headBytes + bytes.length <= this.keep) {
            this.head.push(bytes);
            this.headBytes += bytes.length;
            return;
        }
        this.tail.push(bytes);
        this.tailBytes += bytes.length;
        while (this.tail.length > 1 && this.tailBytes - this.tail[0].length >= this.keep) {
            const dropped = this.tail.shift();
            this.tailBytes -= dropped.length;
            this.droppedBytes += dropped.length;
            this.droppedEndsLine = dropped.at(-1) === 0x0a;
        }
    }
    /** The output, ending with a line break; a note in place of what was left out. */
    text() {
        const head = Buffer.concat(this.head).toString('utf8');
        let tail = Buffer.concat(this.tail);
        if (this.droppedBytes === 0)
            return endLine(head + tail.toString('utf8'));
        // The tail starts at a line of its own: the rest of a line cut in two could start with `::`.
        const firstBreak = tail.indexOf(0x0a);
        const cut = this.droppedEndsLine ? 0 : firstBreak < 0 ? tail.length : firstBreak + 1;
        const left = this.droppedBytes + cut;
        tail = tail.subarray(cut);
        return endLine(`${endLine(head)}… ${left} bytes of this session's output left out …\n${tail.toString('utf8')}`);
    }
}
function endLine(text) {
    return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}
/** A group as the runner reads it: `title` (a workflow command's data, escaped) over `body`. */
function groupBlock(title, body) {
    const data = title.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    return `::group::${data}\n${endLine(body)}::endgroup::\n`;
}
/** A session in a group's title: its place in the list and its repository (as data). */
function sessionLabel(index, total, repo) {
    return `Session ${index} of ${total}: ${(0,log_text/* quoteName */.AB)(repo)}`;
}
const MASK_COMMAND = '::add-mask::';
function isMask(chunk) {
    const start = typeof chunk === 'string' ? chunk : Buffer.from(chunk.subarray(0, MASK_COMMAND.length)).toString();
    return start.startsWith(MASK_COMMAND);
}
/** Routes each session's stdout and stderr into its buffer, from `install` until `restore`. */
class SessionLogs {
    current = new external_node_async_hooks_.AsyncLocalStorage();
    running = new Map();
    restoreAll;
    install() {
        const streams = [process.stdout, process.stderr];
        // Unbound on purpose: `restore` puts back the very function, and every call passes `this`.
        // eslint-disable-next-line @typescript-eslint/unbound-method
        const originals = streams.map((stream) => stream.write);
        const current = this.current;
        this.writeOut = (text) => void originals[0].call(process.stdout, text);
        const route = (original) => function (chunk, ...rest) {
            const buffer = current.getStore();
            // A mask applies from the moment it is written: it never waits in a buffer.
            if (!buffer || isMask(chunk))
                return original.call(this, chunk, ...rest);
            buffer.append(chunk);
            const callback = rest.find((arg) => typeof arg === 'function');
            if (callback)
                process.nextTick(callback);
            return true;
        };
        streams.forEach((stream, i) => (stream.write = route(originals[i])));
        const onSignal = (signal) => {
            this.flushRunning();
            this.restore();
            process.kill(process.pid, signal);
        };
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
        this.restoreAll = () => {
            streams.forEach((stream, i) => (stream.write = originals[i]));
            process.removeListener('SIGINT', onSignal);
            process.removeListener('SIGTERM', onSignal);
        };
    }
    restore() {
        this.restoreAll?.();
        this.restoreAll = undefined;
    }
    /**
     * Runs one session with its output held back, then writes it as one group: `label` (see
     * `sessionLabel`) and how it ended (`ending` of its result).
     */
    async run(label, work, ending) {
        const buffer = new SessionLogBuffer();
        this.running.set(buffer, label);
        let heading = `${label} (stopped by an error)`;
        try {
            const result = await this.current.run(buffer, work);
            heading = `${label} (${ending(result)})`;
            return result;
        }
        finally {
            this.running.delete(buffer);
            this.writeOut(groupBlock(heading, buffer.text()));
        }
    }
    writeOut = (text) => void process.stdout.write(text);
    flushRunning() {
        for (const [buffer, label] of this.running) {
            this.writeOut(groupBlock(`${label} (cut short)`, buffer.text()));
        }
        this.running.clear();
    }
}

// EXTERNAL MODULE: ./src/sandbox.ts + 4 modules
var sandbox = __webpack_require__(5082);
// EXTERNAL MODULE: ./src/workflow-commands.ts
var workflow_commands = __webpack_require__(6137);
;// CONCATENATED MODULE: ./src/session-results.ts
/**
 * What a `sessions` step reports: the `results` output (JSON, one object per session, in list
 * order) and the job summary's table (one row per session). Pure, so that the tests can feed it
 * repository names and error texts that try to open markup.
 */

/** Longest error text kept in `results`: 256 sessions of it stay far below an output's 1 MiB. */
const RESULTS_ERROR_MAX = 2000;
/** Longest error text in a summary row: 256 rows of it, escaped, stay below the summary's 1 MiB. */
const SUMMARY_ERROR_MAX = 300;
/** Cuts `text` to at most `max` code points, saying how much was left out. */
function clip(text, max) {
    const points = [...text];
    if (points.length <= max)
        return text;
    const note = ` … (${points.length - max} more characters)`;
    return points.slice(0, Math.max(0, max - [...note].length)).join('') + note;
}
function resultOf(outcome) {
    return {
        repo: outcome.repo,
        'target-branch': outcome.targetBranch,
        operation: outcome.error === undefined ? outcome.operation : 'failed',
        'pull-request-number': outcome.pullRequest?.number ?? null,
        'pull-request-url': outcome.pullRequest?.url ?? '',
        pushed: outcome.pushed,
        'head-sha': outcome.headSha ?? '',
        error: outcome.error === undefined ? '' : clip(outcome.error, RESULTS_ERROR_MAX)
    };
}
/** The `results` output: a JSON array, one object per session, in list order. */
function resultsOutput(outcomes) {
    return JSON.stringify(outcomes.map(resultOf));
}
/** The step fails when any session failed (after all have run). */
function failedCount(outcomes) {
    return outcomes.filter((outcome) => outcome.error !== undefined).length;
}
/**
 * The summary table, header first, one row per session: repository, target branch, operation,
 * pull request link, pushed, error. Every outside text (names, error messages, the URL) goes
 * through `summaryText` or an attribute escape, so none of it renders as a tag, a link, a heading
 * or a table cell of its own; a URL that is not https is shown, not linked.
 */
function sessionsSummaryRows(outcomes) {
    const header = [
        'Repository',
        'Target branch',
        'Operation',
        'Pull request',
        'Pushed',
        'Error'
    ].map((data) => ({ data, header: true }));
    return [
        header,
        ...outcomes.map((outcome) => {
            const result = resultOf(outcome);
            return [
                (0,log_text/* summaryText */.g5)(outcome.repo),
                outcome.targetBranch ? (0,log_text/* summaryText */.g5)(outcome.targetBranch) : '—',
                (0,log_text/* summaryText */.g5)(result.operation),
                (0,log_text/* pullRequestLink */.Zl)(outcome.pullRequest),
                outcome.pushed ? 'yes' : 'no',
                outcome.error === undefined ? '' : (0,log_text/* summaryText */.g5)(clip(outcome.error, SUMMARY_ERROR_MAX))
            ];
        })
    ];
}
/** One line above the table: how many sessions ran and how many failed. */
function sessionsSummaryLine(outcomes) {
    const failed = failedCount(outcomes);
    const total = outcomes.length;
    return `${total} session${total === 1 ? '' : 's'}: ${total - failed} succeeded, ${failed} failed.`;
}

;// CONCATENATED MODULE: ./src/input-names.ts
/**
 * The action's input names by role, for the `sessions` step (src/sessions-run.ts).
 * __tests__/unit/action-contract.test.ts checks them against action.yml.
 */
/** The inputs of one publish (what parseInputs reads): what a session may set, `path` aside. */
const PUBLISH_INPUTS = [
    'repo',
    'target-branch',
    'mode',
    'branch',
    'branch-suffix',
    'path',
    'outbox',
    'outbox-max-changes',
    'outbox-max-bytes',
    'allow-workflow-changes',
    'run',
    'add-paths',
    'commit-message',
    'title',
    'body',
    'body-path',
    'labels',
    'draft',
    'author',
    'committer',
    'signoff',
    'dry-run',
    'sign-commits',
    'max-wait',
    'push-timeout',
    'push-attempts',
    'overwrite-foreign-commits',
    'delete-branch',
    'reviewers',
    'team-reviewers',
    'assignees',
    'milestone',
    'maintainer-can-modify',
    'auto-merge',
    'push-to-fork'
];
/** The inputs of a sessions step as a whole, read by src/sessions-run.ts, never by parseInputs. */
const SESSIONS_STEP_INPUTS = (/* unused pure expression or super */ null && (['sessions', 'max-parallel', 'shard']));
/** The one output of a sessions step (the single publish's outputs are not set there). */
const RESULTS_OUTPUT = 'results';

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/branch-suffix.ts
var branch_suffix = __webpack_require__(2061);
;// CONCATENATED MODULE: ./src/session-key.ts
/**
 * What a session of a `sessions` step writes to: the key that two sessions may not share, and
 * that `shard` hashes (src/shards.ts), with its description for the error naming two entries.
 */


/**
 * What a session writes to: in push mode the target branch, else the pull request branch (its
 * `branch` input, or `outbox/<target-branch>` as the single publish defaults it). Repository names
 * are case-insensitive on GitHub, so the key is lowercased there. An empty target stands for the
 * repository's default branch, which only the API knows, so `main` and "default" do not collide
 * here even when they are the same branch.
 */
function sessionKey(get) {
    const repo = get('repo').trim().toLowerCase();
    const target = get('target-branch').trim();
    if (get('mode').trim() === 'push')
        return `push\n${repo}\n${target}`;
    const branch = (0,branch_suffix/* pullRequestBranch */.Vl)(get('branch').trim(), target);
    return `pull-request\n${repo}\n${branch}`;
}
function describeKey(get) {
    const target = get('target-branch').trim();
    if (get('mode').trim() === 'push') {
        return target ? `by pushing to ${(0,log_text/* quotedName */.aH)(target)}` : 'by pushing to the default branch';
    }
    const branch = get('branch').trim();
    if (branch)
        return `through the branch ${(0,log_text/* quotedName */.aH)(branch)}`;
    return target
        ? `through the branch ${(0,log_text/* quotedName */.aH)((0,branch_suffix/* pullRequestBranch */.Vl)(undefined, target))}`
        : 'through the default branch of outbox/';
}

;// CONCATENATED MODULE: ./src/sessions.ts
/**
 * The `sessions` input: many repositories published by one step. Pure: the caller reads the file
 * when the input names one (`sessionsSource` says which), hands the text to `parseSessions`, and
 * gets back each session's own input getter, which answers from the session first and from the
 * step's inputs second. Everything the runner would pass as a step input is a string, so every
 * value in a session is one too: lists are joined the way the step input is split, and YAML is
 * read with the failsafe schema, so `1.10`, `yes` or `0x1F` stay exactly as written.
 */




/**
 * Most sessions one step takes. 256 is also the most jobs a GitHub Actions matrix may generate per
 * workflow run, so one `sessions` step replaces the largest matrix of single publishes, and `shard`
 * across a matrix (256 x 256) covers any realistic fleet. It also keeps the one-row-per-session job
 * summary and the `results` output far below the runner's 1 MiB limits (errors are capped below).
 */
const MAX_SESSIONS = 256;
/**
 * Inputs that belong to the step, never to one session: the list itself and how it is run, and
 * `path`, because every session gets a clone of its own under RUNNER_TEMP.
 */
const STEP_ONLY_INPUTS = ['sessions', 'max-parallel', 'shard', 'path'];
/** Inputs whose step value is a list split on commas and newlines: a session may give a YAML/JSON list. */
const LIST_INPUTS = ['labels', 'reviewers', 'team-reviewers', 'assignees', 'add-paths'];
/**
 * What the `sessions` input holds: `{ file }` when it names a .json/.yml/.yaml file (one line, no
 * list syntax), else `{ text }` for an inline list, or undefined when it is empty. Reading the
 * file, and refusing one outside the workspace, is the caller's job.
 */
function sessionsSource(value) {
    const trimmed = value.trim();
    if (!trimmed)
        return undefined;
    if (!trimmed.includes('\n') && /\.(?:json|ya?ml)$/i.test(trimmed) && !/^[[{-]/.test(trimmed)) {
        return { file: trimmed };
    }
    return { text: value };
}
/** Parses the sessions list (JSON is YAML, so one parser reads both). */
function parseSessions(text, options) {
    const stepOnly = new Set(options.stepOnlyInputs ?? STEP_ONLY_INPUTS);
    const known = new Set(options.knownInputs);
    const lists = new Set(options.listInputs ?? LIST_INPUTS);
    const maxSessions = options.maxSessions ?? MAX_SESSIONS;
    let document;
    try {
        // failsafe: every scalar is a string as written; uniqueKeys refuses `{a: 1, a: 2}`; no
        // aliases, so that a small text cannot expand into a huge one (shared values belong on the
        // step, which every session falls back to).
        document = (0,dist/* parse */.qg)(text, { schema: 'failsafe', uniqueKeys: true, maxAliasCount: 0, prettyErrors: false });
    }
    catch (error) {
        throw new errors/* InputError */.dz('sessions', `is not valid JSON or YAML: ${error.message.split('\n')[0]}`, 'Give a list of objects, for example [{"repo": "octo-org/app", "target-branch": "main"}].');
    }
    if (!Array.isArray(document)) {
        throw new errors/* InputError */.dz('sessions', 'is not a list', 'Give a list of objects, for example [{"repo": "octo-org/app", "target-branch": "main"}].');
    }
    if (document.length === 0) {
        throw new errors/* InputError */.dz('sessions', 'is an empty list', 'List at least one session, or leave the input empty.');
    }
    if (document.length > maxSessions) {
        throw new errors/* InputError */.dz('sessions', `lists ${document.length} sessions, more than ${maxSessions}`, `Split the list across a matrix with the 'shard' input (i/n), or across several steps.`);
    }
    const sessions = [];
    const byKey = new Map();
    document.forEach((entry, position) => {
        const index = position + 1;
        const where = `entry ${index}`;
        if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
            throw new errors/* InputError */.dz('sessions', `${where} is not an object`, "Each entry is an object of inputs, at least 'repo'.");
        }
        const inputs = new Map();
        for (const [key, value] of Object.entries(entry)) {
            if (!known.has(key)) {
                const hyphenated = key.replace(/_/g, '-');
                const hint = known.has(hyphenated) ? ` Did you mean '${hyphenated}'?` : '';
                throw new errors/* InputError */.dz('sessions', `${where} has the key ${(0,log_text/* quotedName */.aH)(key)}, which is not an input of this action`, `Keys are the action's input names, such as 'repo', 'target-branch', 'title'.${hint}`);
            }
            if (stepOnly.has(key)) {
                throw new errors/* InputError */.dz('sessions', `${where} has the key '${key}', which applies to the whole step, not to one session`, `Set '${key}' on the step's 'with:' instead.`);
            }
            inputs.set(key, sessions_valueOf(value, key, where, lists.has(key)));
        }
        const repo = (inputs.get('repo') ?? '').trim();
        if (!repo) {
            throw new errors/* InputError */.dz('sessions', `${where} has no 'repo'`, "Give each session a 'repo' as 'owner/name'.");
        }
        const repoProblem = repositoryProblem(repo);
        if (repoProblem) {
            throw new errors/* InputError */.dz('sessions', `${where}: 'repo' ${(0,log_text/* quotedName */.aH)(repo)} ${repoProblem}`, "Give the repository as 'owner/name'.");
        }
        const getInput = (name) => inputs.get(name) ?? options.stepInput(name);
        const key = sessionKey(getInput);
        const earlier = byKey.get(key);
        if (earlier !== undefined) {
            throw new errors/* InputError */.dz('sessions', `entries ${earlier} and ${index} both publish to ${(0,log_text/* quotedName */.aH)(repo)} ${describeKey(getInput)}`, "Give each session its own 'branch' (or 'target-branch' in push mode), or merge the two entries.");
        }
        byKey.set(key, index);
        sessions.push({ index, repo, inputs, getInput, key });
    });
    return sessions;
}
/** A session value as the step input would hold it. */
function sessions_valueOf(value, key, where, isList) {
    if (typeof value === 'string')
        return value;
    if (Array.isArray(value)) {
        if (!isList) {
            throw new errors/* InputError */.dz('sessions', `${where}: '${key}' is a list, and '${key}' takes one value`, `Give '${key}' as a string.`);
        }
        return value
            .map((item) => {
            if (typeof item !== 'string') {
                throw new errors/* InputError */.dz('sessions', `${where}: '${key}' holds an item that is not a string`, `Give '${key}' as a list of names.`);
            }
            if (/[,\n]/.test(item)) {
                throw new errors/* InputError */.dz('sessions', `${where}: '${key}' holds the item ${(0,log_text/* quotedName */.aH)(item)}, with a comma or line break that would split it in two`, `Give one name per item.`);
            }
            return item;
        })
            .join('\n');
    }
    throw new errors/* InputError */.dz('sessions', `${where}: '${key}' is an object`, `Give '${key}' as a string${isList ? ' or a list of strings' : ''}.`);
}
/** Why `value` is not `owner/name` (GitHub's rules for each part), or undefined. */
function repositoryProblem(value) {
    const parts = value.split('/');
    if (parts.length !== 2)
        return "is not of the form 'owner/name'";
    const [owner, name] = parts;
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/.test(owner)) {
        return 'has an owner that is not a GitHub owner name (letters, digits and single hyphens, at most 39)';
    }
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(name) || name === '.' || name === '..' || /\.git$/i.test(name)) {
        return "has a name that is not a GitHub repository name (letters, digits, '.', '-', '_', no '.git')";
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./src/shards.ts
/**
 * How a `sessions` step runs its list: `max-parallel` (how many at once) and `shard: i/n` (which
 * part of the list this matrix job takes). Pure, like src/sessions.ts.
 */



const DEFAULT_MAX_PARALLEL = 4;
/**
 * The most sessions at work at once. Each runs git and gh processes and several API calls; GitHub
 * allows at most 100 concurrent API requests per token (secondary rate limit), and a 2- or 4-core
 * runner gains nothing past a few dozen clones at once.
 */
const MAX_PARALLEL = 32;
/** `shard: i/n` splits a list across a matrix, which has at most 256 jobs. */
const MAX_SHARDS = 256;
/** `max-parallel`: how many sessions run at once, `DEFAULT_MAX_PARALLEL` when empty. */
function parseMaxParallel(value) {
    const trimmed = value.trim();
    if (!trimmed)
        return DEFAULT_MAX_PARALLEL;
    if (!/^\d+$/.test(trimmed) || Number(trimmed) < 1 || Number(trimmed) > MAX_PARALLEL) {
        throw new errors/* InputError */.dz('max-parallel', `${(0,log_text/* quotedName */.aH)(trimmed)} is not a whole number from 1 to ${MAX_PARALLEL}`, `Give how many sessions may run at once, for example ${DEFAULT_MAX_PARALLEL}.`);
    }
    return Number(trimmed);
}
/** `shard: i/n` (1 <= i <= n <= 256), or undefined when empty: every session. */
function parseShard(value) {
    const trimmed = value.trim();
    if (!trimmed)
        return undefined;
    const match = /^(\d{1,3})\s*\/\s*(\d{1,3})$/.exec(trimmed);
    const index = match ? Number(match[1]) : NaN;
    const count = match ? Number(match[2]) : NaN;
    if (!match || index < 1 || count < 1 || index > count || count > MAX_SHARDS) {
        throw new errors/* InputError */.dz('shard', `${(0,log_text/* quotedName */.aH)(trimmed)} is not of the form 'i/n' with 1 <= i <= n <= ${MAX_SHARDS}`, "In a matrix, give for example shard: '${{ matrix.shard }}/4' with shard: [1, 2, 3, 4].");
    }
    return { index, count };
}
/**
 * The shard (1..count) a session belongs to: a hash of what it writes to (`sessionKey`), not its
 * position. Each matrix job may build the list on its own (from a file in the repository, or from
 * an API listing); by position, one added or reordered entry would shift every later one, and a
 * session could be published by two shards or by none. By key, a session's shard depends on itself
 * alone. The price is balance: shards differ in size as a random split would (about sqrt(n) apart).
 */
function shardOf(key, count) {
    const digest = (0,external_node_crypto_.createHash)('sha256').update(key, 'utf8').digest();
    return (digest.readUInt32BE(0) % count) + 1;
}
/** The sessions of `shard`, in list order; all of them when there is no shard. */
function selectShard(sessions, shard) {
    if (!shard)
        return [...sessions];
    return sessions.filter((session) => shardOf(session.key, shard.count) === shard.index);
}

// EXTERNAL MODULE: ./src/state.ts
var state = __webpack_require__(2462);
;// CONCATENATED MODULE: ./src/sessions-run.ts
/**
 * A `sessions` step: the single publish (src/publish-one.ts) once per entry of the list, at most
 * `max-parallel` at once, each with its own inputs, sandbox and clone. A session that fails never
 * stops the others; the step fails after all have run, naming how many failed.
 */




















async function publishSessions(token, early) {
    const listed = await readSessions();
    const selected = selectShard(listed, parseShard(workflow_commands/* getInput */.V4('shard')));
    const maxParallel = parseMaxParallel(workflow_commands/* getInput */.V4('max-parallel'));
    // Every session's inputs are read before any publishes: a bad one fails the step with nothing pushed.
    const sessions = [];
    for (const session of selected)
        sessions.push({ session, read: await readSessionInputs(session) });
    const context = (0,runner_context/* readRunnerContext */.g)(process.env);
    // Every session's sandbox lives in this one folder, recorded for the post step before any
    // session starts: a killed step leaves the post step one folder to remove.
    const parent = await sandbox/* Sandbox */.a.create(context.runnerTemp, workflow_commands/* info */.pq);
    workflow_commands/* saveState */.LZ(state/* STATE */.c.sandboxDir, parent.dir);
    // gh logs in once per host for every session with a `run` script, inside `parent`.
    const shared = { ...early, gh: new gh_login.GhLogins(parent.dir, workflow_commands/* info */.pq, early.ghVersion) };
    let outcomes;
    // Each session's lines in one group of its own, written when it ends (src/session-log.ts).
    const logs = new SessionLogs();
    try {
        workflow_commands/* info */.pq(`Publishing ${sessions.length} sessions, at most ${maxParallel} at once.`);
        logs.install();
        const settled = await (0,pool/* runPool */.k)(sessions, maxParallel, async (prepared) => {
            const { index, repo } = prepared.session;
            const outcome = await logs.run(
            // Numbered in the whole list, which a shard takes only part of.
            sessionLabel(index, listed.length, repo), () => publishSession(prepared, token, parent.dir, shared), (ended) => ended.operation);
            // After its group, so that a failure shows without opening the group.
            if (outcome.error !== undefined)
                warnFailed(prepared.session, outcome.error);
            return outcome;
        });
        outcomes = settled.map((result, i) => {
            if (result.status === 'fulfilled')
                return result.value;
            warnFailed(sessions[i].session, (0,errors/* describeError */.Uc)(result.reason));
            return failedOutcome(sessions[i].session, '', result.reason);
        });
    }
    finally {
        logs.restore();
        const removal = new cleanup/* SandboxRemoval */.W(parent);
        removal.start();
        await removal.finished();
    }
    workflow_commands/* setOutput */.uH(RESULTS_OUTPUT, resultsOutput(outcomes));
    await writeSessionsSummary(outcomes);
    const failed = failedCount(outcomes);
    if (failed > 0) {
        workflow_commands/* setFailed */.C1(`${failed} of ${outcomes.length} session${outcomes.length === 1 ? '' : 's'} failed (see the job summary and the 'results' output).`);
    }
}
async function readSessions() {
    const source = sessionsSource(workflow_commands/* getInput */.V4('sessions'));
    let text;
    if (source && 'file' in source) {
        const { context, realPaths } = await (0,real_paths/* resolveRealPaths */.l)((0,runner_context/* readRunnerContext */.g)(process.env), (name) => workflow_commands/* getInput */.V4(name), ['sessions']);
        const file = (0,input_values/* parsePath */.Rr)('sessions', source.file, context, { mayBeRoot: false }, realPaths.sessions);
        text = await promises_.readFile(file, 'utf8').catch((error) => {
            throw new errors/* InputError */.dz('sessions', `names the file ${(0,log_text/* quotedName */.aH)(source.file)}, which cannot be read (${error.code})`);
        });
    }
    else {
        text = source?.text ?? '';
    }
    return parseSessions(text, {
        knownInputs: PUBLISH_INPUTS,
        stepInput: (name) => workflow_commands/* getInput */.V4(name)
    });
}
async function readSessionInputs(session) {
    // Each session gets a fresh clone under RUNNER_TEMP: `path` is the step's, never a session's.
    const get = (name) => (name === 'path' ? '' : session.getInput(name));
    try {
        return await (0,read_inputs/* readInputs */.K)(process.env, get);
    }
    catch (error) {
        if (!(error instanceof errors/* ActionError */.lZ))
            throw error;
        throw new errors/* ActionError */.lZ(`Session ${session.index} (${(0,log_text/* quoteName */.AB)(session.repo)}): ${error.message}`);
    }
}
/** One session, never throwing: its failure is its outcome. */
async function publishSession({ session, read }, token, sandboxParent, early) {
    let target = session.getInput('target-branch').trim();
    try {
        const { inputs, context, outbox } = read;
        const report = await (0,publish_one/* publishOne */.Y)({
            ...{ token, inputs, context, outbox, sandboxParent, ...early },
            onTarget: (resolved) => (target = resolved)
        });
        return {
            repo: session.repo,
            targetBranch: report.targetBranch,
            operation: report.operation,
            pullRequest: report.pullRequest,
            pushed: report.pushed,
            headSha: report.headSha,
            error: undefined
        };
    }
    catch (error) {
        return failedOutcome(session, target, error);
    }
}
function warnFailed(session, message) {
    workflow_commands/* warning */.$e(`Session ${session.index} (${(0,log_text/* quoteName */.AB)(session.repo)}) failed: ${message}`);
}
function failedOutcome(session, target, error) {
    const message = (0,errors/* describeError */.Uc)(error);
    return {
        repo: session.repo,
        targetBranch: target,
        operation: 'failed',
        pullRequest: undefined,
        pushed: false,
        headSha: undefined,
        error: message
    };
}
async function writeSessionsSummary(outcomes) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await new job_summary/* JobSummary */.c()
        .addHeading('outbox-publisher', 2)
        .addRaw(sessionsSummaryLine(outcomes), true)
        .addTable(sessionsSummaryRows(outcomes))
        .write()
        .catch((error) => workflow_commands/* warning */.$e(`Could not write the job summary: ${error.message}`));
}


/***/ })

};

//# sourceMappingURL=533.index.js.map