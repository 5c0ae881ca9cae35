// What GitHub checks in receive-pack before it moves a ref, and how it says no.
//
// The emulator hands every push (the POST to git-receive-pack) to `checkPush` before `git
// http-backend` sees it. The pack is indexed into a quarantine folder next to the repository's
// objects, as receive-pack does, and the new commits are checked against the repository's rules:
//
//   GH001   a file over the size limit (100 MB on github.com): `remote: error:` lines, the ref
//           gets "pre-receive hook declined"
//   GH013   push protection found a secret: the "GITHUB PUSH PROTECTION" block with each
//           secret's commit and path:line and an unblock URL; "push declined due to repository
//           rule violations"
//   GH006   a protected branch (pull request required, required status checks, no force
//           pushes, no deletion): "protected branch hook declined"
//   workflow files changed by a token that may not change them: no `remote:` lines, the whole
//           message is the ref's reason ("refusing to allow a GitHub App to create or update
//           workflow `PATH` without `workflows` permission"; OAuth apps and personal access
//           tokens are told about the `workflow` scope). A file that exists with the same path and
//           contents on another branch is exempt, as GitHub documents for the `workflow` scope.
//   a custom pre-receive hook (GitHub Enterprise Server): its output as `remote:` lines,
//           "pre-receive hook declined"
//
// The texts are GitHub's as users report them (peter-evans/create-pull-request,
// stefanzweifel/git-auto-commit-action and other trackers). A refused push changes no ref; the
// answer is in receive-pack's own format (report-status inside side-band 1, the messages on
// side-band 2), so git prints it exactly as it prints GitHub's.
//
// Here: the rules' types and the walk over a push. The checks are in push-checks.ts, the wire
// format (parsing the request, writing the refusal) in receive-pack.ts.

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { customHook, largeFiles, protectedBranch, secrets, workflowChange } from './push-checks.js';
import type { parseReceivePackRequest } from './receive-pack.js';

/** GitHub's limit for one file in a push (larger files need Git LFS). */
export const GITHUB_MAX_FILE_SIZE = 100 * 1024 * 1024;

const ZERO_OID = '0'.repeat(40);

/** runs git on the repository (with the pushed objects in quarantine) and returns its stdout */
export type Git = (args: string[], input?: string | Buffer) => string;
/** a file a pushed commit writes or deletes */
export interface Change {
  commit: string;
  path: string;
  blob: string;
  mode: string;
  status: string;
}
export type PushToken = {
  token: string;
  login: string;
  scopes: string | null;
  permissions?: Record<string, string>;
};

export interface ProtectedBranch {
  /** "Require a pull request before merging" */
  requirePullRequest?: boolean;
  /** implies a pull request */
  requiredApprovingReviews?: number;
  /** contexts that must pass (none ever has here) */
  requiredStatusChecks?: string[];
  /** default false */
  allowForcePushes?: boolean;
  /** default false */
  allowDeletions?: boolean;
  /** logins the rule does not apply to */
  bypass?: string[];
}

export interface SecretPattern {
  /** the secret type as GitHub names it, e.g. 'GitHub Personal Access Token' */
  name: string;
  pattern: RegExp;
}

export interface PushRules {
  /** by branch name */
  protectedBranches?: Record<string, ProtectedBranch>;
  /** true: GitHub's patterns for a few common secrets */
  pushProtection?: boolean | SecretPattern[];
  /** bytes; GitHub's 100 MB when absent (tests may set less) */
  maxFileSize?: number;
  /** a GitHub Enterprise Server pre-receive hook: the text it prints when it declines (a string: declines every push; a function: declines when it returns text) */
  preReceiveHook?: string | ((update: RefUpdate) => string | undefined | null);
}

export interface RefUpdate {
  ref: string;
  oldOid: string;
  newOid: string;
  /** oldest first */
  newCommits: string[];
  /** who pushes */
  login: string;
}

export interface PushVerdict {
  ref: string;
  /** what git shows in parentheses after "[remote rejected]" */
  reason: string;
  /** lines git shows as "remote: ..." */
  messages: string[];
  rule: 'GH001' | 'GH013' | 'GH006' | 'workflow' | 'pre-receive';
}

/**
 * Checks a push against the rules; returns the verdicts of the refs GitHub would refuse (empty:
 * the push may go ahead).
 * @param {object} push
 * @param {string} push.bareDir
 * @param {string} push.tmpDir           where the quarantine folder may go
 * @param {string} push.fullName
 * @param {string} push.web              web base URL, e.g. https://github.com
 * @param {NodeJS.ProcessEnv} push.gitEnv
 * @param {{ token: string, login: string, scopes: string | null, permissions?: Record<string, string> }} push.token
 * @param {PushRules} push.rules
 * @param {ReturnType<typeof parseReceivePackRequest>} push.request
 * @returns {PushVerdict[]}
 */
export function checkPush({
  bareDir,
  tmpDir,
  fullName,
  web,
  gitEnv,
  token,
  rules,
  request
}: {
  bareDir: string;
  tmpDir: string;
  fullName: string;
  web: string;
  gitEnv: NodeJS.ProcessEnv;
  token: PushToken;
  rules: PushRules;
  request: ReturnType<typeof parseReceivePackRequest>;
}): PushVerdict[] {
  const quarantine = mkdtempSync(path.join(tmpDir, 'quarantine-'));
  try {
    const objects = path.join(quarantine, 'objects');
    mkdirSync(path.join(objects, 'pack'), { recursive: true });
    const env = {
      ...gitEnv,
      GIT_OBJECT_DIRECTORY: objects,
      GIT_ALTERNATE_OBJECT_DIRECTORIES: path.join(bareDir, 'objects')
    };
    /** @param {string[]} args @param {string | Buffer} [input] */
    const git: Git = (args, input) =>
      execFileSync('git', ['--git-dir', bareDir, ...args], {
        env,
        input,
        encoding: 'utf8',
        maxBuffer: 512 * 1024 * 1024,
        stdio: ['pipe', 'pipe', 'pipe']
      });
    if (request.pack.length > 0)
      git(
        ['index-pack', '--stdin', '--fix-thin', path.join(objects, 'pack', 'pack-incoming.pack')],
        request.pack
      );

    const updates = request.commands.filter((c) => c.newOid !== ZERO_OID);
    const { newCommits, changes } = newHistory(
      git,
      updates.map((c) => c.newOid)
    );
    /** @type {(sizes: string[]) => Map<string, number>} */
    const sizesOf: (sizes: string[]) => Map<string, number> = (blobs): Map<string, number> => {
      if (blobs.length === 0) return new Map();
      const out = git(['cat-file', '--batch-check=%(objectname) %(objectsize)'], blobs.join('\n') + '\n');
      return new Map(
        out
          .split('\n')
          .filter(Boolean)
          .map((line) => [line.split(' ')[0], Number(line.split(' ')[1])])
      );
    };
    const written = changes.filter((c) => c.blob !== ZERO_OID && c.mode !== '160000');
    const sizes = sizesOf([...new Set(written.map((c) => c.blob))]);

    /** @type {PushVerdict[]} */
    const verdicts: PushVerdict[] = [];
    for (const command of request.commands) {
      // One ref updated (most pushes): its new commits are all of them, without another rev-list.
      const reachable =
        command.newOid === ZERO_OID
          ? new Set()
          : updates.length === 1
            ? new Set(newCommits)
            : new Set(git(['rev-list', command.newOid, '--not', '--all']).split('\n').filter(Boolean));
      const ours = written.filter((c) => reachable.has(c.commit));
      const update = {
        ...command,
        newCommits: newCommits.filter((c) => reachable.has(c)),
        login: token.login
      };
      const verdict =
        largeFiles(command.ref, ours, sizes, rules.maxFileSize ?? GITHUB_MAX_FILE_SIZE) ??
        secrets(command.ref, ours, sizes, rules.pushProtection, { git, fullName, web }) ??
        protectedBranch(command, rules.protectedBranches, token.login, git) ??
        workflowChange(
          command.ref,
          changes.filter((c) => reachable.has(c.commit)),
          token,
          git
        ) ??
        customHook(command.ref, rules.preReceiveHook, update);
      if (verdict) verdicts.push(verdict);
    }
    return verdicts;
  } finally {
    rmSync(quarantine, { recursive: true, force: true });
  }
}

/**
 * The commits the push brings (reachable from `tips` and from no ref yet), oldest first, and
 * every file each of them writes or deletes, against each of its parents (all of them for a
 * merge, nothing for a commit with nothing new): one `git log`, which lists every commit, with
 * or without changes, once per parent of a merge.
 */
function newHistory(git: Git, tips: string[]): { newCommits: string[]; changes: Change[] } {
  const newCommits: string[] = [];
  const changes: Change[] = [];
  if (tips.length === 0) return { newCommits, changes };
  const fields = git([
    ...['log', '--reverse', '--topo-order', '-m', '--root', '--raw', '--no-renames', '--no-abbrev'],
    ...['-z', '--format=%x01%H', ...tips, '--not', '--all']
  ]).split('\0');
  let commit = '';
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i].replace(/^\n/, '');
    if (field.startsWith('\x01')) {
      commit = field.slice(1).trim();
      if (newCommits.at(-1) !== commit) newCommits.push(commit);
    } else if (field.startsWith(':')) {
      const [, newMode, , blob, status] = field.slice(1).split(' ');
      changes.push({ commit, path: fields[++i], blob, mode: newMode, status });
    }
  }
  return { newCommits, changes };
}
