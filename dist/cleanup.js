import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
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
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  W: () => (/* binding */ SandboxRemoval),
  U: () => (/* binding */ runPostStep)
});

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/workflow-commands.ts



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
    process.stdout.write(`::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${external_node_os_namespaceObject.EOL}`);
}
/** A `name<<delimiter` block of GITHUB_OUTPUT or GITHUB_STATE, or the older stdout command without one. */
function setValue(file, command, name, value) {
    const filePath = process.env[`GITHUB_${file}`] ?? '';
    if (!filePath) {
        if (file === 'OUTPUT')
            process.stdout.write(external_node_os_namespaceObject.EOL);
        issue(command, value, { name });
        return;
    }
    if (!(0,external_node_fs_namespaceObject.existsSync)(filePath))
        throw new Error(`Missing file at path: ${filePath}`);
    const delimiter = `ghadelimiter_${(0,external_node_crypto_namespaceObject.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`Unexpected input: name or value contains the delimiter "${delimiter}"`);
    (0,external_node_fs_namespaceObject.appendFileSync)(filePath, `${name}<<${delimiter}${external_node_os_namespaceObject.EOL}${value}${external_node_os_namespaceObject.EOL}${delimiter}${external_node_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
/** An input's value (`INPUT_<NAME>`), trimmed; '' when not set. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function info(message) {
    process.stdout.write(message + external_node_os_namespaceObject.EOL);
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

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/log-text.ts
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
function log_text_logText(text) {
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

;// CONCATENATED MODULE: ./src/errors.ts

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
        return logText(error.message);
    if (error instanceof Error)
        return logText(`Unexpected error: ${error.message}`);
    return logText(`Unexpected error: ${String(error)}`);
}

;// CONCATENATED MODULE: ./src/command-result.ts


function settle(tool, args, outcome, options) {
    const result = {
        exitCode: outcome.exitCode,
        stdout: outcome.stdout.toString('utf8'),
        stderr: outcome.stderr.toString('utf8')
    };
    if (result.exitCode !== 0 && !options.allowFailure) {
        throw new CommandError(commandLine(tool, args), result.exitCode, result.stderr || result.stdout, options.fix);
    }
    return result;
}
/** The error for a tool that is not on PATH, with how to install it. */
function toolNotFound(tool) {
    return new ActionError(`'${tool}' was not found on PATH.`, INSTALL_HINTS[tool]);
}
const INSTALL_HINTS = {
    gh: 'Install the GitHub CLI before this step: it is preinstalled on GitHub-hosted runners; on Debian or Ubuntu run `sudo apt-get install -y gh` (see https://cli.github.com for other systems).',
    git: 'Install git before this step (on Debian or Ubuntu: `sudo apt-get install -y git`).',
    bash: 'This action needs bash to run the `run` script.'
};

;// CONCATENATED MODULE: ./src/found-tools.ts


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
    for (const dir of searchPath.split(external_node_path_namespaceObject.delimiter).filter((entry) => entry !== '')) {
        for (const extension of extensions) {
            const candidate = external_node_path_namespaceObject.resolve(dir, name + extension);
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
    const given = external_node_path_namespaceObject.extname(name);
    return given !== '' && runnable.some((extension) => extension.toLowerCase() === given.toLowerCase())
        ? ['']
        : runnable;
}
/** A PATH entry may be missing, a file, or unreadable: none of that is an error. */
function isFile(file) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(file).isFile();
    }
    catch {
        return false;
    }
}
function isExecutable(file) {
    try {
        (0,external_node_fs_namespaceObject.accessSync)(file, external_node_fs_namespaceObject.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}

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
            const folderMissing = error.code === 'ENOENT' && options.cwd !== undefined && !(0,external_node_fs_namespaceObject.existsSync)(options.cwd);
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
            exitCode = code ?? 128 + (signal ? (external_node_os_namespaceObject.constants.signals[signal] ?? 0) : 0);
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
    return { DBUS_SESSION_BUS_ADDRESS: `unix:path=${external_node_path_namespaceObject.join(privateDir, 'no-keyring-bus')}` };
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
        await promises_namespaceObject.mkdir(runnerTemp, { recursive: true });
        const dir = await promises_namespaceObject.mkdtemp(external_node_path_namespaceObject.join(runnerTemp, 'outbox-publisher-auth-'));
        await promises_namespaceObject.chmod(dir, 0o700);
        const sandbox = new Sandbox(dir, log);
        await promises_namespaceObject.mkdir(sandbox.ghConfigDir, { mode: 0o700 });
        await promises_namespaceObject.writeFile(sandbox.gitConfigFile, '', { mode: 0o600 });
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
        const base = process.env.RUNNER_TEMP && (0,external_node_fs_namespaceObject.existsSync)(process.env.RUNNER_TEMP) ? process.env.RUNNER_TEMP : external_node_os_namespaceObject.tmpdir();
        const privateDir = (0,external_node_fs_namespaceObject.mkdtempSync)(external_node_path_namespaceObject.join(base, 'outbox-publisher-probe-'));
        const env = {
            ...inheritedEnv(),
            ...NON_INTERACTIVE,
            ...noKeyringBus(privateDir),
            GH_CONFIG_DIR: external_node_path_namespaceObject.join(privateDir, 'none')
        };
        const outcome = start(tool, args, { env });
        // Also handles a failure until `finish` reports it (or nothing does: main failed first).
        const removeDir = () => (0,external_node_fs_namespaceObject.rmSync)(privateDir, { recursive: true, force: true });
        outcome.then(removeDir, removeDir);
        return { tool, args, outcome };
    }
    get ghConfigDir() {
        return external_node_path_namespaceObject.join(this.dir, 'gh');
    }
    get gitConfigFile() {
        return external_node_path_namespaceObject.join(this.dir, 'gitconfig');
    }
    /**
     * Appends to the sandbox's global git config in one step, a whole new file renamed over it, so
     * that git running meanwhile (the clone's fetch) reads it before or after, never half written.
     */
    async appendGitConfig(text) {
        const next = `${this.gitConfigFile}.next`;
        await promises_namespaceObject.writeFile(next, (await promises_namespaceObject.readFile(this.gitConfigFile, 'utf8')) + text, { mode: 0o600 });
        await promises_namespaceObject.rename(next, this.gitConfigFile);
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
            this.log(`[command]${commandLine(tool, args)}`);
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
        this.log(`[command]${commandLine(early.tool, early.args)}`);
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
            throw new CommandError(commandLine(tool, args), exitCode, stderr.toString('utf8'));
        return stdout;
    }
    /**
     * Runs the workflow author's script with bash in strict mode. The script goes into a file in
     * the sandbox so the log shows one short command line rather than the whole script.
     */
    async runScript(script, cwd, env) {
        const file = external_node_path_namespaceObject.join(this.dir, 'run.sh');
        await promises_namespaceObject.writeFile(file, script, { mode: 0o600 });
        await this.run('bash', ['--noprofile', '--norc', '-e', '-u', '-o', 'pipefail', file], {
            cwd,
            env,
            stream: true,
            fix: "The 'run' script failed; its output is above. Nothing was committed or pushed."
        });
    }
    async remove() {
        await promises_namespaceObject.rm(this.dir, { recursive: true, force: true });
    }
}
/**
 * Runs `tool`, found on PATH, with runProcess; `streamed` first logs its command line as the
 * `run` script's output follows it, with the file that runs.
 */
async function start(tool, args, options) {
    const file = findTool(tool);
    if (file === undefined)
        throw toolNotFound(tool);
    if (options.streamed)
        process.stdout.write(`[command]${commandLine(file, args)}\n`);
    return runProcess(file, args, options).catch((error) => {
        // The file found earlier in the step is gone.
        if (error.code === 'ENOENT' && !(0,external_node_fs_namespaceObject.existsSync)(file))
            throw toolNotFound(tool);
        throw error;
    });
}

;// CONCATENATED MODULE: ./src/state.ts
/** Names under which main records, with core.saveState, what its post step must undo. */
const STATE = {
    sandboxDir: 'sandbox-dir',
    /** Set once main has deleted the sandbox itself, leaving the post step nothing to do. */
    removed: 'sandbox-removed'
};

;// CONCATENATED MODULE: ./src/cleanup.ts




/**
 * Deletes the sandbox folder, which holds gh's and git's config and with them the token. That
 * is the whole logout: `gh auth logout` (gh 2.24+) deletes the host's entries in the OS user's
 * keyring, which may hold the machine's own gh login.
 */
async function removeSandbox(sandbox) {
    await sandbox.remove();
    info('Removed the sandbox with gh and git credentials.');
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
        this.removing ??= removeSandbox(this.sandbox).then(() => saveState(STATE.removed, 'true'), (error) => warning(`Could not remove the sandbox yet (the post step tries again): ${error.message}`));
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
    const dir = getState(STATE.sandboxDir);
    if (!dir) {
        info('Nothing to clean up: the main step created no sandbox.');
        return;
    }
    // The state file is the runner's, but a path from it is still checked before a recursive delete.
    if (!external_node_path_namespaceObject.basename(dir).startsWith('outbox-publisher-auth-')) {
        throw new Error(`Refusing to delete '${dir}': it is not a sandbox folder of this action.`);
    }
    await removeSandbox(Sandbox.attach(dir, info));
}
/** The post step's slow path (dist/cleanup.js, loaded by dist/post.js only when there is work). */
async function runPostStep() {
    try {
        await cleanup();
    }
    catch (error) {
        setFailed(`Cleaning up failed: ${error instanceof Error ? error.message : String(error)}`);
    }
}

var __webpack_exports__SandboxRemoval = __webpack_exports__.W;
var __webpack_exports__runPostStep = __webpack_exports__.U;
export { __webpack_exports__SandboxRemoval as SandboxRemoval, __webpack_exports__runPostStep as runPostStep };

//# sourceMappingURL=cleanup.js.map
