import {
  authMode,
  findGh,
  logAuthMode,
  logInGh,
  tokenVariables,
  type AuthMode,
  type GhVersion
} from './gh-auth.js';
import { credentialHelperConfig, ghExecutablePath } from './gh-credential-helper.js';
import { Sandbox, type EarlyCommand, type LogLine } from './sandbox.js';

/** A gh login made once, and what a publish's sandbox takes from it. */
interface Login {
  /** gh's config folder holding the token (login mode); in env mode gh takes it from variables. */
  ghConfigDir: string | undefined;
  /** gh as git's credential helper for the host, as `gh auth setup-git` writes it. */
  helperConfig: string;
}

/**
 * gh for the `run` scripts of one step, and only for them: the action's own git authenticates
 * with a header (Sandbox.authenticateGit), so a publish without a `run` script starts no gh at
 * all. gh's version is asked once, and gh logs in once per host (and way of authenticating) in a
 * sandbox of its own inside `parentDir`, shared by every publish of the step that needs it: a
 * `sessions` step's 50 sessions make one login, not 50 (and in env mode, none). The login's
 * folder goes with `parentDir` (a single publish's sandbox, or a sessions step's folder), which
 * main deletes, or post when main was killed (src/state.ts).
 */
export class GhLogins {
  private version: Promise<GhVersion> | undefined;
  private readonly logins = new Map<string, Promise<Login>>();

  constructor(
    private readonly parentDir: string,
    private readonly log: LogLine,
    private readonly early?: EarlyCommand
  ) {}

  /**
   * Gives `sandbox` an authenticated gh and gh as git's credential helper: in login mode gh's
   * config folder of the shared login, in env mode the token variables (gh's own way). The helper
   * lines are appended to the sandbox's global git config once `configWritten` settles (git-lfs's
   * setup writes the same file); the login itself does not wait for it.
   */
  async provide(
    sandbox: Sandbox,
    options: { host: string; token: string; ghLoginAccepts: boolean; configWritten: Promise<unknown> }
  ): Promise<void> {
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

  private async logIn(host: string, token: string, mode: AuthMode): Promise<Login> {
    const [version, loginSandbox] = await Promise.all([
      this.version!,
      mode === 'login' ? Sandbox.create(this.parentDir, this.log) : undefined
    ]);
    // What `gh auth setup-git` would write, without its gh and four git processes.
    const helperConfig = credentialHelperConfig(host, await ghExecutablePath(version));
    if (loginSandbox) await logInGh(loginSandbox, { host, token, version });
    logAuthMode(mode, host);
    return { ghConfigDir: loginSandbox?.ghConfigDir, helperConfig };
  }
}
