export const id = 19;
export const ids = [19];
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


/***/ })

};

//# sourceMappingURL=19.index.js.map