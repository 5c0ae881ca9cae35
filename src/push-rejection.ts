/**
 * A push git reports as rejected, read: either the ref moved under us (another run pushed), or
 * GitHub refused the push for a reason of its own (a workflow file without the permission, a
 * protected branch, push protection, a file over 100 MB, a pre-receive hook). Only the first is
 * "superseded" or worth a retry; the second is a failure, told with GitHub's words and the fix.
 * Pure functions: the caller runs git and reads the remote tip.
 */

export interface PushRejection {
  /** git's porcelain status of the ref, e.g. `[rejected] (stale info)`, `[remote rejected] (pre-receive hook declined)`. */
  status: string;
  /** The text in its parentheses. */
  reason: string;
  /** What the server printed (git's `remote: ` lines, prefix and padding removed). */
  remote: string[];
}

/**
 * `moved`: git saw the remote ref at another commit than expected; `maybe-moved`: the server
 * could not update the ref because it changed meanwhile, or says so in words that need the
 * remote tip to confirm; `refused`: the server would not take this push at all.
 */
export type RejectionKind = 'moved' | 'maybe-moved' | 'refused';

// git decides these itself from the refs the server advertised: the ref is not where we expected.
const MOVED = /^\[rejected\] \((stale info|fetch first|non-fast-forward|already exists)\)$/;
// receive-pack losing a race with another push to the same ref; or, for a shallow clone,
// "shallow update not allowed": the commit we built on is no longer reachable on the server
// (the ref was force-pushed away from it meanwhile). Either way only the remote tip tells.
const RACE =
  /^\[remote (rejected|failure)\] \((cannot lock ref|failed to (update|lock) ref|incorrect old value|reference already exists|failed to update|shallow update not allowed)/i;

/** The rejection of one ref from `git push --porcelain`'s status line and stderr. */
export function readRejection(status: string, stderr: string): PushRejection {
  const clean = plainText(status).trim();
  const reason = /\((.*)\)\s*$/.exec(clean)?.[1] ?? clean;
  const remote = stderr
    .split(/\r?\n|\r/)
    .filter((line) => line.startsWith('remote: ') || line === 'remote:')
    .map((line) => plainText(line.slice('remote:'.length)).replace(/^ /, '').trimEnd());
  while (remote.length > 0 && remote[remote.length - 1] === '') remote.pop();
  return { status: clean, reason, remote };
}

export function classifyRejection(rejection: PushRejection): RejectionKind {
  if (MOVED.test(rejection.status)) return 'moved';
  if (RACE.test(rejection.status)) return 'maybe-moved';
  return 'refused';
}

/** Server text without terminal escapes or control characters (git pads `remote:` lines with `ESC[K`). */
function plainText(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '');
}

const MAX_QUOTED_LINES = 40;

/**
 * GitHub's words, quoted as data: each line behind `remote: `, so that no line of it can start
 * with `::` (a runner command) however the log is split, and at most 40 lines of it.
 */
export function quoteRemote(rejection: PushRejection): string {
  const lines = rejection.remote.length > 0 ? rejection.remote : [];
  const shown = lines.slice(0, MAX_QUOTED_LINES).map((line) => `  remote: ${line.slice(0, 400)}`);
  if (lines.length > MAX_QUOTED_LINES)
    shown.push(`  remote: … (${lines.length - MAX_QUOTED_LINES} more lines)`);
  return shown.join('\n');
}

export interface Refusal {
  /** What GitHub refused and why, with its message quoted. */
  problem: string;
  /** What the workflow author can do about it. */
  fix: string;
}

/**
 * Explains a push GitHub refused. `mode` says whether a pull request could avoid the refusal
 * (push mode onto a protected branch).
 */
export function explainRefusal(
  rejection: PushRejection,
  where: { branch: string; mode: 'push' | 'pull-request' }
): Refusal {
  const { reason } = rejection;
  const text = [reason, ...rejection.remote].join('\n');
  const quoted = quoteRemote(rejection);
  const said = `GitHub refused the push to '${where.branch}' (${oneLine(reason)})${quoted ? `:\n${quoted}` : '.'}\nNothing was pushed.`;

  const workflow =
    /refusing to allow (a GitHub App|an OAuth App|a Personal Access Token) to create or update workflow `([^`]*)` without `(workflows?)` (permission|scope)/.exec(
      reason
    );
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
      fix:
        where.mode === 'push'
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
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 400);
}
