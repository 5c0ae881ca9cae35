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
;// CONCATENATED MODULE: external "string_decoder"
const external_string_decoder_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");
;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("os");
;// CONCATENATED MODULE: external "events"
const external_events_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("events");
;// CONCATENATED MODULE: external "child_process"
const external_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("child_process");
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");
;// CONCATENATED MODULE: external "assert"
const external_assert_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("assert");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io-util.js
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


const { chmod, copyFile, lstat, mkdir, open: io_util_open, readdir, rename, rm, rmdir, stat, symlink, unlink } = external_fs_namespaceObject.promises;
// export const {open} = 'fs'
const IS_WINDOWS = process.platform === 'win32';
/**
 * Custom implementation of readlink to ensure Windows junctions
 * maintain trailing backslash for backward compatibility with Node.js < 24
 *
 * In Node.js 20, Windows junctions (directory symlinks) always returned paths
 * with trailing backslashes. Node.js 24 removed this behavior, which breaks
 * code that relied on this format for path operations.
 *
 * This implementation restores the Node 20 behavior by adding a trailing
 * backslash to all junction results on Windows.
 */
function readlink(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        const result = yield fs.promises.readlink(fsPath);
        // On Windows, restore Node 20 behavior: add trailing backslash to all results
        // since junctions on Windows are always directory links
        if (IS_WINDOWS && !result.endsWith('\\')) {
            return `${result}\\`;
        }
        return result;
    });
}
// See https://github.com/nodejs/node/blob/d0153aee367422d0858105abec186da4dff0a0c5/deps/uv/include/uv/win.h#L691
const UV_FS_O_EXLOCK = 0x10000000;
const READONLY = external_fs_namespaceObject.constants.O_RDONLY;
function exists(fsPath) {
    return __awaiter(this, void 0, void 0, function* () {
        try {
            yield stat(fsPath);
        }
        catch (err) {
            if (err.code === 'ENOENT') {
                return false;
            }
            throw err;
        }
        return true;
    });
}
function isDirectory(fsPath_1) {
    return __awaiter(this, arguments, void 0, function* (fsPath, useStat = false) {
        const stats = useStat ? yield stat(fsPath) : yield lstat(fsPath);
        return stats.isDirectory();
    });
}
/**
 * On OSX/Linux, true if path starts with '/'. On Windows, true for paths like:
 * \, \hello, \\hello\share, C:, and C:\hello (and corresponding alternate separator cases).
 */
function isRooted(p) {
    p = normalizeSeparators(p);
    if (!p) {
        throw new Error('isRooted() parameter "p" cannot be empty');
    }
    if (IS_WINDOWS) {
        return (p.startsWith('\\') || /^[A-Z]:/i.test(p) // e.g. \ or \hello or \\hello
        ); // e.g. C: or C:\hello
    }
    return p.startsWith('/');
}
/**
 * Best effort attempt to determine whether a file exists and is executable.
 * @param filePath    file path to check
 * @param extensions  additional file extensions to try
 * @return if file exists and is executable, returns the file path. otherwise empty string.
 */
function tryGetExecutablePath(filePath, extensions) {
    return __awaiter(this, void 0, void 0, function* () {
        let stats = undefined;
        try {
            // test file exists
            stats = yield stat(filePath);
        }
        catch (err) {
            if (err.code !== 'ENOENT') {
                // eslint-disable-next-line no-console
                console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
            }
        }
        if (stats && stats.isFile()) {
            if (IS_WINDOWS) {
                // on Windows, test for valid extension
                const upperExt = external_path_namespaceObject.extname(filePath).toUpperCase();
                if (extensions.some(validExt => validExt.toUpperCase() === upperExt)) {
                    return filePath;
                }
            }
            else {
                if (isUnixExecutable(stats)) {
                    return filePath;
                }
            }
        }
        // try each extension
        const originalFilePath = filePath;
        for (const extension of extensions) {
            filePath = originalFilePath + extension;
            stats = undefined;
            try {
                stats = yield stat(filePath);
            }
            catch (err) {
                if (err.code !== 'ENOENT') {
                    // eslint-disable-next-line no-console
                    console.log(`Unexpected error attempting to determine if executable file exists '${filePath}': ${err}`);
                }
            }
            if (stats && stats.isFile()) {
                if (IS_WINDOWS) {
                    // preserve the case of the actual file (since an extension was appended)
                    try {
                        const directory = external_path_namespaceObject.dirname(filePath);
                        const upperName = external_path_namespaceObject.basename(filePath).toUpperCase();
                        for (const actualName of yield readdir(directory)) {
                            if (upperName === actualName.toUpperCase()) {
                                filePath = external_path_namespaceObject.join(directory, actualName);
                                break;
                            }
                        }
                    }
                    catch (err) {
                        // eslint-disable-next-line no-console
                        console.log(`Unexpected error attempting to determine the actual case of the file '${filePath}': ${err}`);
                    }
                    return filePath;
                }
                else {
                    if (isUnixExecutable(stats)) {
                        return filePath;
                    }
                }
            }
        }
        return '';
    });
}
function normalizeSeparators(p) {
    p = p || '';
    if (IS_WINDOWS) {
        // convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // remove redundant slashes
        return p.replace(/\\\\+/g, '\\');
    }
    // remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
// on Mac/Linux, test the execute bit
//     R   W  X  R  W X R W X
//   256 128 64 32 16 8 4 2 1
function isUnixExecutable(stats) {
    return ((stats.mode & 1) > 0 ||
        ((stats.mode & 8) > 0 &&
            process.getgid !== undefined &&
            stats.gid === process.getgid()) ||
        ((stats.mode & 64) > 0 &&
            process.getuid !== undefined &&
            stats.uid === process.getuid()));
}
// Get the path of cmd.exe in windows
function getCmdPath() {
    var _a;
    return (_a = process.env['COMSPEC']) !== null && _a !== void 0 ? _a : `cmd.exe`;
}
//# sourceMappingURL=io-util.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/io/lib/io.js
var io_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};



/**
 * Copies a file or folder.
 * Based off of shelljs - https://github.com/shelljs/shelljs/blob/9237f66c52e5daa40458f94f9565e18e8132f5a6/src/cp.js
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See CopyOptions.
 */
function cp(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        const { force, recursive, copySourceDirectory } = readCopyOptions(options);
        const destStat = (yield ioUtil.exists(dest)) ? yield ioUtil.stat(dest) : null;
        // Dest is an existing file, but not forcing
        if (destStat && destStat.isFile() && !force) {
            return;
        }
        // If dest is an existing directory, should copy inside.
        const newDest = destStat && destStat.isDirectory() && copySourceDirectory
            ? path.join(dest, path.basename(source))
            : dest;
        if (!(yield ioUtil.exists(source))) {
            throw new Error(`no such file or directory: ${source}`);
        }
        const sourceStat = yield ioUtil.stat(source);
        if (sourceStat.isDirectory()) {
            if (!recursive) {
                throw new Error(`Failed to copy. ${source} is a directory, but tried to copy without recursive flag.`);
            }
            else {
                yield cpDirRecursive(source, newDest, 0, force);
            }
        }
        else {
            if (path.relative(source, newDest) === '') {
                // a file cannot be copied to itself
                throw new Error(`'${newDest}' and '${source}' are the same file`);
            }
            yield io_copyFile(source, newDest, force);
        }
    });
}
/**
 * Moves a path.
 *
 * @param     source    source path
 * @param     dest      destination path
 * @param     options   optional. See MoveOptions.
 */
function mv(source_1, dest_1) {
    return io_awaiter(this, arguments, void 0, function* (source, dest, options = {}) {
        if (yield ioUtil.exists(dest)) {
            let destExists = true;
            if (yield ioUtil.isDirectory(dest)) {
                // If dest is directory copy src into dest
                dest = path.join(dest, path.basename(source));
                destExists = yield ioUtil.exists(dest);
            }
            if (destExists) {
                if (options.force == null || options.force) {
                    yield rmRF(dest);
                }
                else {
                    throw new Error('Destination already exists');
                }
            }
        }
        yield mkdirP(path.dirname(dest));
        yield ioUtil.rename(source, dest);
    });
}
/**
 * Remove a path recursively with force
 *
 * @param inputPath path to remove
 */
function rmRF(inputPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (ioUtil.IS_WINDOWS) {
            // Check for invalid characters
            // https://docs.microsoft.com/en-us/windows/win32/fileio/naming-a-file
            if (/[*"<>|]/.test(inputPath)) {
                throw new Error('File path must not contain `*`, `"`, `<`, `>` or `|` on Windows');
            }
        }
        try {
            // note if path does not exist, error is silent
            yield ioUtil.rm(inputPath, {
                force: true,
                maxRetries: 3,
                recursive: true,
                retryDelay: 300
            });
        }
        catch (err) {
            throw new Error(`File was unable to be removed ${err}`);
        }
    });
}
/**
 * Make a directory.  Creates the full path with folders in between
 * Will throw if it fails
 *
 * @param   fsPath        path to create
 * @returns Promise<void>
 */
function mkdirP(fsPath) {
    return io_awaiter(this, void 0, void 0, function* () {
        ok(fsPath, 'a path argument must be provided');
        yield ioUtil.mkdir(fsPath, { recursive: true });
    });
}
/**
 * Returns path of a tool had the tool actually been invoked.  Resolves via paths.
 * If you check and the tool does not exist, it will throw.
 *
 * @param     tool              name of the tool
 * @param     check             whether to check if tool exists
 * @returns   Promise<string>   path to tool
 */
function which(tool, check) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // recursive when check=true
        if (check) {
            const result = yield which(tool, false);
            if (!result) {
                if (IS_WINDOWS) {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also verify the file has a valid extension for an executable file.`);
                }
                else {
                    throw new Error(`Unable to locate executable file: ${tool}. Please verify either the file path exists or the file can be found within a directory specified by the PATH environment variable. Also check the file mode to verify the file is executable.`);
                }
            }
            return result;
        }
        const matches = yield findInPath(tool);
        if (matches && matches.length > 0) {
            return matches[0];
        }
        return '';
    });
}
/**
 * Returns a list of all occurrences of the given tool on the system path.
 *
 * @returns   Promise<string[]>  the paths of the tool
 */
function findInPath(tool) {
    return io_awaiter(this, void 0, void 0, function* () {
        if (!tool) {
            throw new Error("parameter 'tool' is required");
        }
        // build the list of extensions to try
        const extensions = [];
        if (IS_WINDOWS && process.env['PATHEXT']) {
            for (const extension of process.env['PATHEXT'].split(external_path_namespaceObject.delimiter)) {
                if (extension) {
                    extensions.push(extension);
                }
            }
        }
        // if it's rooted, return it if exists. otherwise return empty.
        if (isRooted(tool)) {
            const filePath = yield tryGetExecutablePath(tool, extensions);
            if (filePath) {
                return [filePath];
            }
            return [];
        }
        // if any path separators, return empty
        if (tool.includes(external_path_namespaceObject.sep)) {
            return [];
        }
        // build the list of directories
        //
        // Note, technically "where" checks the current directory on Windows. From a toolkit perspective,
        // it feels like we should not do this. Checking the current directory seems like more of a use
        // case of a shell, and the which() function exposed by the toolkit should strive for consistency
        // across platforms.
        const directories = [];
        if (process.env.PATH) {
            for (const p of process.env.PATH.split(external_path_namespaceObject.delimiter)) {
                if (p) {
                    directories.push(p);
                }
            }
        }
        // find all matches
        const matches = [];
        for (const directory of directories) {
            const filePath = yield tryGetExecutablePath(external_path_namespaceObject.join(directory, tool), extensions);
            if (filePath) {
                matches.push(filePath);
            }
        }
        return matches;
    });
}
function readCopyOptions(options) {
    const force = options.force == null ? true : options.force;
    const recursive = Boolean(options.recursive);
    const copySourceDirectory = options.copySourceDirectory == null
        ? true
        : Boolean(options.copySourceDirectory);
    return { force, recursive, copySourceDirectory };
}
function cpDirRecursive(sourceDir, destDir, currentDepth, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        // Ensure there is not a run away recursive copy
        if (currentDepth >= 255)
            return;
        currentDepth++;
        yield mkdirP(destDir);
        const files = yield ioUtil.readdir(sourceDir);
        for (const fileName of files) {
            const srcFile = `${sourceDir}/${fileName}`;
            const destFile = `${destDir}/${fileName}`;
            const srcFileStat = yield ioUtil.lstat(srcFile);
            if (srcFileStat.isDirectory()) {
                // Recurse
                yield cpDirRecursive(srcFile, destFile, currentDepth, force);
            }
            else {
                yield io_copyFile(srcFile, destFile, force);
            }
        }
        // Change the mode for the newly created directory
        yield ioUtil.chmod(destDir, (yield ioUtil.stat(sourceDir)).mode);
    });
}
// Buffered file copy
function io_copyFile(srcFile, destFile, force) {
    return io_awaiter(this, void 0, void 0, function* () {
        if ((yield ioUtil.lstat(srcFile)).isSymbolicLink()) {
            // unlink/re-link it
            try {
                yield ioUtil.lstat(destFile);
                yield ioUtil.unlink(destFile);
            }
            catch (e) {
                // Try to override file permission
                if (e.code === 'EPERM') {
                    yield ioUtil.chmod(destFile, '0666');
                    yield ioUtil.unlink(destFile);
                }
                // other errors = it doesn't exist, no work to do
            }
            // Copy over symlink
            const symlinkFull = yield ioUtil.readlink(srcFile);
            yield ioUtil.symlink(symlinkFull, destFile, ioUtil.IS_WINDOWS ? 'junction' : null);
        }
        else if (!(yield ioUtil.exists(destFile)) || force) {
            yield ioUtil.copyFile(srcFile, destFile);
        }
    });
}
//# sourceMappingURL=io.js.map
;// CONCATENATED MODULE: external "timers"
const external_timers_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("timers");
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/toolrunner.js
var toolrunner_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};







/* eslint-disable @typescript-eslint/unbound-method */
const toolrunner_IS_WINDOWS = process.platform === 'win32';
/*
 * Class for running command line tools. Handles quoting and arg parsing in a platform agnostic way.
 */
class ToolRunner extends external_events_namespaceObject.EventEmitter {
    constructor(toolPath, args, options) {
        super();
        if (!toolPath) {
            throw new Error("Parameter 'toolPath' cannot be null or empty.");
        }
        this.toolPath = toolPath;
        this.args = args || [];
        this.options = options || {};
    }
    _debug(message) {
        if (this.options.listeners && this.options.listeners.debug) {
            this.options.listeners.debug(message);
        }
    }
    _getCommandString(options, noPrefix) {
        const toolPath = this._getSpawnFileName();
        const args = this._getSpawnArgs(options);
        let cmd = noPrefix ? '' : '[command]'; // omit prefix when piped to a second tool
        if (toolrunner_IS_WINDOWS) {
            // Windows + cmd file
            if (this._isCmdFile()) {
                cmd += toolPath;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows + verbatim
            else if (options.windowsVerbatimArguments) {
                cmd += `"${toolPath}"`;
                for (const a of args) {
                    cmd += ` ${a}`;
                }
            }
            // Windows (regular)
            else {
                cmd += this._windowsQuoteCmdArg(toolPath);
                for (const a of args) {
                    cmd += ` ${this._windowsQuoteCmdArg(a)}`;
                }
            }
        }
        else {
            // OSX/Linux - this can likely be improved with some form of quoting.
            // creating processes on Unix is fundamentally different than Windows.
            // on Unix, execvp() takes an arg array.
            cmd += toolPath;
            for (const a of args) {
                cmd += ` ${a}`;
            }
        }
        return cmd;
    }
    _processLineBuffer(data, strBuffer, onLine) {
        try {
            let s = strBuffer + data.toString();
            let n = s.indexOf(external_os_namespaceObject.EOL);
            while (n > -1) {
                const line = s.substring(0, n);
                onLine(line);
                // the rest of the string ...
                s = s.substring(n + external_os_namespaceObject.EOL.length);
                n = s.indexOf(external_os_namespaceObject.EOL);
            }
            return s;
        }
        catch (err) {
            // streaming lines to console is best effort.  Don't fail a build.
            this._debug(`error processing line. Failed with error ${err}`);
            return '';
        }
    }
    _getSpawnFileName() {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                return process.env['COMSPEC'] || 'cmd.exe';
            }
        }
        return this.toolPath;
    }
    _getSpawnArgs(options) {
        if (toolrunner_IS_WINDOWS) {
            if (this._isCmdFile()) {
                let argline = `/D /S /C "${this._windowsQuoteCmdArg(this.toolPath)}`;
                for (const a of this.args) {
                    argline += ' ';
                    argline += options.windowsVerbatimArguments
                        ? a
                        : this._windowsQuoteCmdArg(a);
                }
                argline += '"';
                return [argline];
            }
        }
        return this.args;
    }
    _endsWith(str, end) {
        return str.endsWith(end);
    }
    _isCmdFile() {
        const upperToolPath = this.toolPath.toUpperCase();
        return (this._endsWith(upperToolPath, '.CMD') ||
            this._endsWith(upperToolPath, '.BAT'));
    }
    _windowsQuoteCmdArg(arg) {
        // for .exe, apply the normal quoting rules that libuv applies
        if (!this._isCmdFile()) {
            return this._uvQuoteCmdArg(arg);
        }
        // otherwise apply quoting rules specific to the cmd.exe command line parser.
        // the libuv rules are generic and are not designed specifically for cmd.exe
        // command line parser.
        //
        // for a detailed description of the cmd.exe command line parser, refer to
        // http://stackoverflow.com/questions/4094699/how-does-the-windows-command-interpreter-cmd-exe-parse-scripts/7970912#7970912
        // need quotes for empty arg
        if (!arg) {
            return '""';
        }
        // determine whether the arg needs to be quoted
        const cmdSpecialChars = [
            ' ',
            '\t',
            '&',
            '(',
            ')',
            '[',
            ']',
            '{',
            '}',
            '^',
            '=',
            ';',
            '!',
            "'",
            '+',
            ',',
            '`',
            '~',
            '|',
            '<',
            '>',
            '"'
        ];
        let needsQuotes = false;
        for (const char of arg) {
            if (cmdSpecialChars.some(x => x === char)) {
                needsQuotes = true;
                break;
            }
        }
        // short-circuit if quotes not needed
        if (!needsQuotes) {
            return arg;
        }
        // the following quoting rules are very similar to the rules that by libuv applies.
        //
        // 1) wrap the string in quotes
        //
        // 2) double-up quotes - i.e. " => ""
        //
        //    this is different from the libuv quoting rules. libuv replaces " with \", which unfortunately
        //    doesn't work well with a cmd.exe command line.
        //
        //    note, replacing " with "" also works well if the arg is passed to a downstream .NET console app.
        //    for example, the command line:
        //          foo.exe "myarg:""my val"""
        //    is parsed by a .NET console app into an arg array:
        //          [ "myarg:\"my val\"" ]
        //    which is the same end result when applying libuv quoting rules. although the actual
        //    command line from libuv quoting rules would look like:
        //          foo.exe "myarg:\"my val\""
        //
        // 3) double-up slashes that precede a quote,
        //    e.g.  hello \world    => "hello \world"
        //          hello\"world    => "hello\\""world"
        //          hello\\"world   => "hello\\\\""world"
        //          hello world\    => "hello world\\"
        //
        //    technically this is not required for a cmd.exe command line, or the batch argument parser.
        //    the reasons for including this as a .cmd quoting rule are:
        //
        //    a) this is optimized for the scenario where the argument is passed from the .cmd file to an
        //       external program. many programs (e.g. .NET console apps) rely on the slash-doubling rule.
        //
        //    b) it's what we've been doing previously (by deferring to node default behavior) and we
        //       haven't heard any complaints about that aspect.
        //
        // note, a weakness of the quoting rules chosen here, is that % is not escaped. in fact, % cannot be
        // escaped when used on the command line directly - even though within a .cmd file % can be escaped
        // by using %%.
        //
        // the saving grace is, on the command line, %var% is left as-is if var is not defined. this contrasts
        // the line parsing rules within a .cmd file, where if var is not defined it is replaced with nothing.
        //
        // one option that was explored was replacing % with ^% - i.e. %var% => ^%var^%. this hack would
        // often work, since it is unlikely that var^ would exist, and the ^ character is removed when the
        // variable is used. the problem, however, is that ^ is not removed when %* is used to pass the args
        // to an external program.
        //
        // an unexplored potential solution for the % escaping problem, is to create a wrapper .cmd file.
        // % can be escaped within a .cmd file.
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\'; // double the slash
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '"'; // double the quote
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _uvQuoteCmdArg(arg) {
        // Tool runner wraps child_process.spawn() and needs to apply the same quoting as
        // Node in certain cases where the undocumented spawn option windowsVerbatimArguments
        // is used.
        //
        // Since this function is a port of quote_cmd_arg from Node 4.x (technically, lib UV,
        // see https://github.com/nodejs/node/blob/v4.x/deps/uv/src/win/process.c for details),
        // pasting copyright notice from Node within this function:
        //
        //      Copyright Joyent, Inc. and other Node contributors. All rights reserved.
        //
        //      Permission is hereby granted, free of charge, to any person obtaining a copy
        //      of this software and associated documentation files (the "Software"), to
        //      deal in the Software without restriction, including without limitation the
        //      rights to use, copy, modify, merge, publish, distribute, sublicense, and/or
        //      sell copies of the Software, and to permit persons to whom the Software is
        //      furnished to do so, subject to the following conditions:
        //
        //      The above copyright notice and this permission notice shall be included in
        //      all copies or substantial portions of the Software.
        //
        //      THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
        //      IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
        //      FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
        //      AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
        //      LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
        //      FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS
        //      IN THE SOFTWARE.
        if (!arg) {
            // Need double quotation for empty argument
            return '""';
        }
        if (!arg.includes(' ') && !arg.includes('\t') && !arg.includes('"')) {
            // No quotation needed
            return arg;
        }
        if (!arg.includes('"') && !arg.includes('\\')) {
            // No embedded double quotes or backslashes, so I can just wrap
            // quote marks around the whole thing.
            return `"${arg}"`;
        }
        // Expected input/output:
        //   input : hello"world
        //   output: "hello\"world"
        //   input : hello""world
        //   output: "hello\"\"world"
        //   input : hello\world
        //   output: hello\world
        //   input : hello\\world
        //   output: hello\\world
        //   input : hello\"world
        //   output: "hello\\\"world"
        //   input : hello\\"world
        //   output: "hello\\\\\"world"
        //   input : hello world\
        //   output: "hello world\\" - note the comment in libuv actually reads "hello world\"
        //                             but it appears the comment is wrong, it should be "hello world\\"
        let reverse = '"';
        let quoteHit = true;
        for (let i = arg.length; i > 0; i--) {
            // walk the string in reverse
            reverse += arg[i - 1];
            if (quoteHit && arg[i - 1] === '\\') {
                reverse += '\\';
            }
            else if (arg[i - 1] === '"') {
                quoteHit = true;
                reverse += '\\';
            }
            else {
                quoteHit = false;
            }
        }
        reverse += '"';
        return reverse.split('').reverse().join('');
    }
    _cloneExecOptions(options) {
        options = options || {};
        const result = {
            cwd: options.cwd || process.cwd(),
            env: options.env || process.env,
            silent: options.silent || false,
            windowsVerbatimArguments: options.windowsVerbatimArguments || false,
            failOnStdErr: options.failOnStdErr || false,
            ignoreReturnCode: options.ignoreReturnCode || false,
            delay: options.delay || 10000
        };
        result.outStream = options.outStream || process.stdout;
        result.errStream = options.errStream || process.stderr;
        return result;
    }
    _getSpawnOptions(options, toolPath) {
        options = options || {};
        const result = {};
        result.cwd = options.cwd;
        result.env = options.env;
        result['windowsVerbatimArguments'] =
            options.windowsVerbatimArguments || this._isCmdFile();
        if (options.windowsVerbatimArguments) {
            result.argv0 = `"${toolPath}"`;
        }
        return result;
    }
    /**
     * Exec a tool.
     * Output will be streamed to the live console.
     * Returns promise with return code
     *
     * @param     tool     path to tool to exec
     * @param     options  optional exec options.  See ExecOptions
     * @returns   number
     */
    exec() {
        return toolrunner_awaiter(this, void 0, void 0, function* () {
            // root the tool path if it is unrooted and contains relative pathing
            if (!isRooted(this.toolPath) &&
                (this.toolPath.includes('/') ||
                    (toolrunner_IS_WINDOWS && this.toolPath.includes('\\')))) {
                // prefer options.cwd if it is specified, however options.cwd may also need to be rooted
                this.toolPath = external_path_namespaceObject.resolve(process.cwd(), this.options.cwd || process.cwd(), this.toolPath);
            }
            // if the tool is only a file name, then resolve it from the PATH
            // otherwise verify it exists (add extension on Windows if necessary)
            this.toolPath = yield which(this.toolPath, true);
            return new Promise((resolve, reject) => toolrunner_awaiter(this, void 0, void 0, function* () {
                this._debug(`exec tool: ${this.toolPath}`);
                this._debug('arguments:');
                for (const arg of this.args) {
                    this._debug(`   ${arg}`);
                }
                const optionsNonNull = this._cloneExecOptions(this.options);
                if (!optionsNonNull.silent && optionsNonNull.outStream) {
                    optionsNonNull.outStream.write(this._getCommandString(optionsNonNull) + external_os_namespaceObject.EOL);
                }
                const state = new ExecState(optionsNonNull, this.toolPath);
                state.on('debug', (message) => {
                    this._debug(message);
                });
                if (this.options.cwd && !(yield exists(this.options.cwd))) {
                    return reject(new Error(`The cwd: ${this.options.cwd} does not exist!`));
                }
                const fileName = this._getSpawnFileName();
                const cp = external_child_process_namespaceObject.spawn(fileName, this._getSpawnArgs(optionsNonNull), this._getSpawnOptions(this.options, fileName));
                let stdbuffer = '';
                if (cp.stdout) {
                    cp.stdout.on('data', (data) => {
                        if (this.options.listeners && this.options.listeners.stdout) {
                            this.options.listeners.stdout(data);
                        }
                        if (!optionsNonNull.silent && optionsNonNull.outStream) {
                            optionsNonNull.outStream.write(data);
                        }
                        stdbuffer = this._processLineBuffer(data, stdbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.stdline) {
                                this.options.listeners.stdline(line);
                            }
                        });
                    });
                }
                let errbuffer = '';
                if (cp.stderr) {
                    cp.stderr.on('data', (data) => {
                        state.processStderr = true;
                        if (this.options.listeners && this.options.listeners.stderr) {
                            this.options.listeners.stderr(data);
                        }
                        if (!optionsNonNull.silent &&
                            optionsNonNull.errStream &&
                            optionsNonNull.outStream) {
                            const s = optionsNonNull.failOnStdErr
                                ? optionsNonNull.errStream
                                : optionsNonNull.outStream;
                            s.write(data);
                        }
                        errbuffer = this._processLineBuffer(data, errbuffer, (line) => {
                            if (this.options.listeners && this.options.listeners.errline) {
                                this.options.listeners.errline(line);
                            }
                        });
                    });
                }
                cp.on('error', (err) => {
                    state.processError = err.message;
                    state.processExited = true;
                    state.processClosed = true;
                    state.CheckComplete();
                });
                cp.on('exit', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    this._debug(`Exit code ${code} received from tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                cp.on('close', (code) => {
                    state.processExitCode = code;
                    state.processExited = true;
                    state.processClosed = true;
                    this._debug(`STDIO streams have closed for tool '${this.toolPath}'`);
                    state.CheckComplete();
                });
                state.on('done', (error, exitCode) => {
                    if (stdbuffer.length > 0) {
                        this.emit('stdline', stdbuffer);
                    }
                    if (errbuffer.length > 0) {
                        this.emit('errline', errbuffer);
                    }
                    cp.removeAllListeners();
                    if (error) {
                        reject(error);
                    }
                    else {
                        resolve(exitCode);
                    }
                });
                if (this.options.input) {
                    if (!cp.stdin) {
                        throw new Error('child process missing stdin');
                    }
                    cp.stdin.end(this.options.input);
                }
            }));
        });
    }
}
/**
 * Convert an arg string to an array of args. Handles escaping
 *
 * @param    argString   string of arguments
 * @returns  string[]    array of arguments
 */
function argStringToArray(argString) {
    const args = [];
    let inQuotes = false;
    let escaped = false;
    let arg = '';
    function append(c) {
        // we only escape double quotes.
        if (escaped && c !== '"') {
            arg += '\\';
        }
        arg += c;
        escaped = false;
    }
    for (let i = 0; i < argString.length; i++) {
        const c = argString.charAt(i);
        if (c === '"') {
            if (!escaped) {
                inQuotes = !inQuotes;
            }
            else {
                append(c);
            }
            continue;
        }
        if (c === '\\' && escaped) {
            append(c);
            continue;
        }
        if (c === '\\' && inQuotes) {
            escaped = true;
            continue;
        }
        if (c === ' ' && !inQuotes) {
            if (arg.length > 0) {
                args.push(arg);
                arg = '';
            }
            continue;
        }
        append(c);
    }
    if (arg.length > 0) {
        args.push(arg.trim());
    }
    return args;
}
class ExecState extends external_events_namespaceObject.EventEmitter {
    constructor(options, toolPath) {
        super();
        this.processClosed = false; // tracks whether the process has exited and stdio is closed
        this.processError = '';
        this.processExitCode = 0;
        this.processExited = false; // tracks whether the process has exited
        this.processStderr = false; // tracks whether stderr was written to
        this.delay = 10000; // 10 seconds
        this.done = false;
        this.timeout = null;
        if (!toolPath) {
            throw new Error('toolPath must not be empty');
        }
        this.options = options;
        this.toolPath = toolPath;
        if (options.delay) {
            this.delay = options.delay;
        }
    }
    CheckComplete() {
        if (this.done) {
            return;
        }
        if (this.processClosed) {
            this._setResult();
        }
        else if (this.processExited) {
            this.timeout = (0,external_timers_namespaceObject.setTimeout)(ExecState.HandleTimeout, this.delay, this);
        }
    }
    _debug(message) {
        this.emit('debug', message);
    }
    _setResult() {
        // determine whether there is an error
        let error;
        if (this.processExited) {
            if (this.processError) {
                error = new Error(`There was an error when attempting to execute the process '${this.toolPath}'. This may indicate the process failed to start. Error: ${this.processError}`);
            }
            else if (this.processExitCode !== 0 && !this.options.ignoreReturnCode) {
                error = new Error(`The process '${this.toolPath}' failed with exit code ${this.processExitCode}`);
            }
            else if (this.processStderr && this.options.failOnStdErr) {
                error = new Error(`The process '${this.toolPath}' failed because one or more lines were written to the STDERR stream`);
            }
        }
        // clear the timeout
        if (this.timeout) {
            clearTimeout(this.timeout);
            this.timeout = null;
        }
        this.done = true;
        this.emit('done', error, this.processExitCode);
    }
    static HandleTimeout(state) {
        if (state.done) {
            return;
        }
        if (!state.processClosed && state.processExited) {
            const message = `The STDIO streams did not close within ${state.delay / 1000} seconds of the exit event from process '${state.toolPath}'. This may indicate a child process inherited the STDIO streams and has not yet exited.`;
            state._debug(message);
        }
        state._setResult();
    }
}
//# sourceMappingURL=toolrunner.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/exec/lib/exec.js
var exec_awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};


/**
 * Exec a command.
 * Output will be streamed to the live console.
 * Returns promise with return code
 *
 * @param     commandLine        command to execute (can include additional args). Must be correctly escaped.
 * @param     args               optional arguments for tool. Escaping is handled by the lib.
 * @param     options            optional exec options.  See ExecOptions
 * @returns   Promise<number>    exit code
 */
function exec(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        const commandArgs = argStringToArray(commandLine);
        if (commandArgs.length === 0) {
            throw new Error(`Parameter 'commandLine' cannot be null or empty.`);
        }
        // Path to tool to execute should be first arg
        const toolPath = commandArgs[0];
        args = commandArgs.slice(1).concat(args || []);
        const runner = new ToolRunner(toolPath, args, options);
        return runner.exec();
    });
}
/**
 * Exec a command and get the output.
 * Output will be streamed to the live console.
 * Returns promise with the exit code and collected stdout and stderr
 *
 * @param     commandLine           command to execute (can include additional args). Must be correctly escaped.
 * @param     args                  optional arguments for tool. Escaping is handled by the lib.
 * @param     options               optional exec options.  See ExecOptions
 * @returns   Promise<ExecOutput>   exit code, stdout, and stderr
 */
function getExecOutput(commandLine, args, options) {
    return exec_awaiter(this, void 0, void 0, function* () {
        var _a, _b;
        let stdout = '';
        let stderr = '';
        //Using string decoder covers the case where a mult-byte character is split
        const stdoutDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const stderrDecoder = new external_string_decoder_namespaceObject.StringDecoder('utf8');
        const originalStdoutListener = (_a = options === null || options === void 0 ? void 0 : options.listeners) === null || _a === void 0 ? void 0 : _a.stdout;
        const originalStdErrListener = (_b = options === null || options === void 0 ? void 0 : options.listeners) === null || _b === void 0 ? void 0 : _b.stderr;
        const stdErrListener = (data) => {
            stderr += stderrDecoder.write(data);
            if (originalStdErrListener) {
                originalStdErrListener(data);
            }
        };
        const stdOutListener = (data) => {
            stdout += stdoutDecoder.write(data);
            if (originalStdoutListener) {
                originalStdoutListener(data);
            }
        };
        const listeners = Object.assign(Object.assign({}, options === null || options === void 0 ? void 0 : options.listeners), { stdout: stdOutListener, stderr: stdErrListener });
        const exitCode = yield exec(commandLine, args, Object.assign(Object.assign({}, options), { listeners }));
        //flush any remaining characters
        stdout += stdoutDecoder.end();
        stderr += stderrDecoder.end();
        return {
            exitCode,
            stdout,
            stderr
        };
    });
}
//# sourceMappingURL=exec.js.map
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
    if (outcome instanceof Error) {
        if (/Unable to locate executable/.test(outcome.message))
            throw new ActionError(`'${tool}' was not found on PATH.`, INSTALL_HINTS[tool]);
        throw outcome;
    }
    if (outcome.exitCode !== 0 && !options.allowFailure) {
        throw new CommandError(commandLine(tool, args), outcome.exitCode, outcome.stderr || outcome.stdout, options.fix);
    }
    return { exitCode: outcome.exitCode, stdout: outcome.stdout, stderr: outcome.stderr };
}
const INSTALL_HINTS = {
    gh: 'Install the GitHub CLI before this step: it is preinstalled on GitHub-hosted runners; on Debian or Ubuntu run `sudo apt-get install -y gh` (see https://cli.github.com for other systems).',
    git: 'Install git before this step (on Debian or Ubuntu: `sudo apt-get install -y git`).',
    bash: 'This action needs bash to run the `run` script.'
};

;// CONCATENATED MODULE: ./src/found-tools.ts


/**
 * Where exec found each tool on PATH, by PATH and name. For a bare name, exec (@actions/io's
 * `which`) stats every PATH folder in turn on each run, about ten on a hosted runner for git;
 * given the file it found, it checks only that file. Its first debug line names the file.
 */
const found = new Map();
const key = (tool) => `${process.env.PATH ?? ''}\0${tool}`;
/** What to give exec for `tool`: the file found before (with the same PATH), or the name. */
function toolToExec(tool) {
    return found.get(key(tool)) ?? tool;
}
/**
 * A debug listener for exec's run of `tool` that keeps the file exec found for it, then calls
 * `then` (on every debug line, as a listener of its own would be).
 */
function learnToolPath(tool, then) {
    const at = key(tool);
    let first = true;
    return (message) => {
        if (first) {
            first = false;
            const file = /^exec tool: (\/.*)$/s.exec(message)?.[1];
            if (file !== undefined)
                found.set(at, file);
        }
        then?.();
    };
}
/** The first executable file named `name` on `searchPath`, as exec finds a tool; undefined if none. */
async function findOnPath(name, searchPath, platform = process.platform) {
    const extensions = platform === 'win32' ? ['', ...(process.env.PATHEXT ?? '.EXE').split(';')] : [''];
    for (const dir of searchPath.split(path.delimiter).filter((entry) => entry !== '')) {
        for (const extension of extensions) {
            const candidate = path.resolve(dir, name + extension);
            const stat = await fs.stat(candidate).catch(() => undefined);
            if (!stat?.isFile())
                continue;
            if (platform === 'win32' ||
                (await fs.access(candidate, fs.constants.X_OK).then(() => true, () => false)))
                return candidate;
        }
    }
    return undefined;
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
 * This is the only module that starts processes; each call is an argument array, no shell.
 */
class Sandbox {
    dir;
    log;
    extraEnv = {};
    gitConfigEntries = [];
    authenticatedGitEntries = [];
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
        let markStarted = () => { };
        const started = new Promise((resolve) => (markStarted = resolve));
        // exec looks the tool up on PATH asynchronously; its first debug line comes right before the
        // spawn, in the same tick, so that is when the child is running.
        const outcome = getExecOutput(toolToExec(tool), args, {
            env,
            silent: true,
            ignoreReturnCode: true,
            listeners: { debug: learnToolPath(tool, () => markStarted()) }
        })
            .catch((error) => error);
        void outcome.then(() => {
            markStarted();
            (0,external_node_fs_namespaceObject.rmSync)(privateDir, { recursive: true, force: true });
        });
        return { tool, args, outcome, started };
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
            ...inheritedEnv(),
            GH_CONFIG_DIR: this.ghConfigDir,
            GIT_CONFIG_GLOBAL: this.gitConfigFile,
            ...NON_INTERACTIVE,
            ...noKeyringBus(this.dir),
            ...this.extraEnv,
            ...gitConfigEnv(entries)
        };
    }
    async run(tool, args, options = {}) {
        // exec echoes the command line itself when it streams the output.
        // Arguments carry outside names (bundle files, branches): quoted so that none breaks the line.
        if (!options.stream)
            this.log(`[command]${commandLine(tool, args)}`);
        const authenticated = options.authenticated === true && tool === 'git';
        const outcome = await getExecOutput(toolToExec(tool), args, {
            cwd: options.cwd,
            env: { ...this.env(tool === 'git', authenticated), ...options.env },
            // exec's first debug line comes right before the spawn (see startEarly).
            listeners: { debug: learnToolPath(tool, authenticated ? () => this.markTalking() : undefined) },
            input: options.input === undefined
                ? undefined
                : Buffer.isBuffer(options.input)
                    ? options.input
                    : Buffer.from(options.input),
            silent: !options.stream,
            ignoreReturnCode: true
        })
            .catch((error) => error);
        if (authenticated)
            this.markTalking();
        return settle(tool, args, outcome, options);
    }
    /** The result of a command begun with `startEarly`, logged and checked as `run` would. */
    async finish(early) {
        this.log(`[command]${commandLine(early.tool, early.args)}`);
        return settle(early.tool, early.args, await early.outcome, {});
    }
    /** Runs a command whose standard output is binary (file contents), returned as bytes. */
    async runForBytes(tool, args, options = {}) {
        const chunks = [];
        let stderr = '';
        const exitCode = await exec(toolToExec(tool), args, {
            cwd: options.cwd,
            env: this.env(tool === 'git'),
            input: options.input === undefined ? undefined : Buffer.from(options.input),
            silent: true,
            ignoreReturnCode: true,
            listeners: {
                stdout: (data) => chunks.push(data),
                stderr: (data) => (stderr += data.toString()),
                debug: learnToolPath(tool)
            }
        });
        if (exitCode !== 0)
            throw new CommandError(commandLine(tool, args), exitCode, stderr);
        return Buffer.concat(chunks);
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
