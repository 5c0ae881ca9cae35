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
// answer is built here in receive-pack's own format (report-status inside side-band 1, the
// messages on side-band 2), so git prints it exactly as it prints GitHub's.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';

/** GitHub's limit for one file in a push (larger files need Git LFS). */
export const GITHUB_MAX_FILE_SIZE = 100 * 1024 * 1024;

const ZERO_OID = '0'.repeat(40);
const WORKFLOWS_DIR = '.github/workflows/';
const BLOCKED_PUSH_DOCS =
  'https://docs.github.com/code-security/secret-scanning/working-with-secret-scanning-and-push-protection/working-with-push-protection-from-the-command-line#resolving-a-blocked-push';

/** runs git on the repository (with the pushed objects in quarantine) and returns its stdout */
type Git = (args: string[], input?: string | Buffer) => string;
/** a file a pushed commit writes or deletes */
interface Change {
  commit: string;
  path: string;
  blob: string;
  mode: string;
  status: string;
}
type PushToken = {
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

/** GitHub's names and shapes for a few secrets push protection blocks by default. */
export const DEFAULT_SECRET_PATTERNS = [
  { name: 'GitHub Personal Access Token', pattern: /\bghp_[A-Za-z0-9]{36}\b/ },
  { name: 'GitHub Personal Access Token', pattern: /\bgithub_pat_[A-Za-z0-9_]{82}\b/ },
  { name: 'GitHub OAuth Access Token', pattern: /\bgho_[A-Za-z0-9]{36}\b/ },
  { name: 'Amazon AWS Access Key ID', pattern: /\bAKIA[0-9A-Z]{16}\b/ }
];

/**
 * The commands, capabilities and pack of a receive-pack request body (protocol v0/v1: pushes
 * never use v2).
 * @param {Buffer} body
 */
export function parseReceivePackRequest(body: Buffer) {
  /** @type {Array<{ oldOid: string, newOid: string, ref: string }>} */
  const commands: Array<{ oldOid: string; newOid: string; ref: string }> = [];
  /** @type {string[]} */
  let capabilities: string[] = [];
  let at = 0;
  const next = () => {
    if (at + 4 > body.length) throw new Error('truncated pkt-line');
    const length = parseInt(body.subarray(at, at + 4).toString('latin1'), 16);
    if (Number.isNaN(length)) throw new Error('bad pkt-line length');
    if (length === 0) {
      at += 4;
      return null;
    }
    const line = body
      .subarray(at + 4, at + length)
      .toString('utf8')
      .replace(/\n$/, '');
    at += length;
    return line;
  };
  for (let line = next(); line !== null; line = next()) {
    const nul = line.indexOf('\0');
    if (nul >= 0) {
      capabilities = line
        .slice(nul + 1)
        .trim()
        .split(' ');
      line = line.slice(0, nul);
    }
    if (line.startsWith('shallow ')) continue;
    const [oldOid, newOid, ref] = line.split(' ');
    commands.push({ oldOid, newOid, ref });
  }
  if (capabilities.includes('push-options') && commands.some((c) => c.newOid !== ZERO_OID)) {
    while (next() !== null);
  }
  return { commands, capabilities, pack: body.subarray(at) };
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
    const newCommits = updates.length
      ? git(['rev-list', '--reverse', '--topo-order', ...updates.map((c) => c.newOid), '--not', '--all'])
          .split('\n')
          .filter(Boolean)
      : [];
    const changes = changedFiles(git, newCommits);
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
      const reachable =
        command.newOid === ZERO_OID
          ? new Set()
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
 * Every file each new commit writes or deletes, against each of its parents (all of them for a
 * merge, nothing for a commit with nothing new).
 * @param {(args: string[], input?: string) => string} git
 * @param {string[]} commits
 */
function changedFiles(git: Git, commits: string[]): Change[] {
  /** @type {Array<{ commit: string, path: string, blob: string, mode: string, status: string }>} */
  const out: Change[] = [];
  if (commits.length === 0) return out;
  const fields = git(
    ['diff-tree', '--stdin', '-r', '--root', '-m', '-z', '--no-renames'],
    commits.join('\n') + '\n'
  ).split('\0');
  let commit = '';
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i].replace(/^\n/, '');
    if (/^[0-9a-f]{40}( \(from [0-9a-f]{40}\))?$/.test(field)) commit = field.slice(0, 40);
    else if (field.startsWith(':')) {
      const [, newMode, , blob, status] = field.slice(1).split(' ');
      out.push({ commit, path: fields[++i], blob, mode: newMode, status });
    }
  }
  return out;
}

/** @param {number} bytes */
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

/** GH001: each file over the limit is named, then the push is declined. */
function largeFiles(ref: string, written: Change[], sizes: Map<string, number>, limit: number) {
  const seen = new Set<string>();
  const large = written.filter(
    (c) => (sizes.get(c.blob) ?? 0) > limit && !seen.has(c.path) && seen.add(c.path)
  );
  if (large.length === 0) return undefined;
  const trace = createHash('sha256')
    .update(large.map((c) => c.blob).join(','))
    .digest('hex');
  return {
    ref,
    rule: 'GH001' as const,
    reason: 'pre-receive hook declined',
    messages: [
      `error: Trace: ${trace}`,
      'error: See https://gh.io/lfs for more information.',
      ...large.map(
        (c) =>
          `error: File ${c.path} is ${megabytes(sizes.get(c.blob) ?? 0)} MB; this exceeds GitHub's file size limit of ${megabytes(limit)} MB`
      ),
      'error: GH001: Large files detected. You may want to try Git Large File Storage - https://git-lfs.github.com.'
    ]
  };
}

/** GH013 from push protection: where each secret is, and the URL that allows it. */
function secrets(
  ref: string,
  written: Change[],
  sizes: Map<string, number>,
  setting: PushRules['pushProtection'],
  { git, fullName, web }: { git: Git; fullName: string; web: string }
) {
  if (!setting) return undefined;
  const patterns = setting === true ? DEFAULT_SECRET_PATTERNS : setting;
  /** @type {Map<string, { name: string, locations: string[], secret: string }>} */
  const found: Map<string, { name: string; locations: string[]; secret: string }> = new Map();
  for (const change of written) {
    if ((sizes.get(change.blob) ?? 0) > 1024 * 1024) continue;
    const lines = git(['cat-file', 'blob', change.blob]).split('\n');
    lines.forEach((line, index) => {
      for (const { name, pattern } of patterns) {
        const match = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(line);
        if (!match) continue;
        const entry = found.get(match[0]) ?? { name, locations: [], secret: match[0] };
        entry.locations.push(
          `         - commit: ${change.commit}`,
          `           path: ${change.path}:${index + 1}`
        );
        found.set(match[0], entry);
      }
    });
  }
  if (found.size === 0) return undefined;
  const blocks = [...found.values()].flatMap(({ name, locations, secret }) => [
    `      —— ${name} ${'—'.repeat(Math.max(2, 52 - name.length))}`,
    '       locations:',
    ...locations,
    '',
    '       (?) To push, remove secret from commit(s) or follow this URL to allow the secret.',
    `       ${web}/${fullName}/security/secret-scanning/unblock-secret/${createHash('sha256').update(secret).digest('base64url').slice(0, 27)}`,
    '',
    ''
  ]);
  return {
    ref,
    rule: 'GH013' as const,
    reason: 'push declined due to repository rule violations',
    messages: [
      `error: GH013: Repository rule violations found for ${ref}.`,
      '',
      '- GITHUB PUSH PROTECTION',
      `  ${'—'.repeat(41)}`,
      '    Resolve the following violations before pushing again',
      '',
      '    - Push cannot contain secrets',
      '',
      '',
      '     (?) Learn how to resolve a blocked push',
      `     ${BLOCKED_PUSH_DOCS}`,
      '',
      '',
      ...blocks
    ]
  };
}

/** GH006: a protected branch takes only what its rule allows. */
function protectedBranch(
  command: { ref: string; oldOid: string; newOid: string },
  branches: PushRules['protectedBranches'],
  login: string,
  git: Git
) {
  if (!command.ref.startsWith('refs/heads/')) return undefined;
  const rule = branches?.[command.ref.slice('refs/heads/'.length)];
  if (!rule || rule.bypass?.includes(login)) return undefined;
  /** @type {string[]} */
  const problems: string[] = [];
  if (command.newOid === ZERO_OID) {
    if (!rule.allowDeletions) problems.push('Cannot delete this protected branch');
  } else {
    const forced = command.oldOid !== ZERO_OID && !isAncestor(git, command.oldOid, command.newOid);
    if (forced && !rule.allowForcePushes) problems.push('Cannot force-push to this branch');
    if (rule.requirePullRequest || (rule.requiredApprovingReviews ?? 0) > 0)
      problems.push('Changes must be made through a pull request.');
    const checks = rule.requiredStatusChecks ?? [];
    if (checks.length === 1) problems.push(`Required status check "${checks[0]}" is expected.`);
    else if (checks.length > 1)
      problems.push(`${checks.length} of ${checks.length} required status checks are expected.`);
  }
  if (problems.length === 0) return undefined;
  return {
    ref: command.ref,
    rule: 'GH006' as const,
    reason: 'protected branch hook declined',
    messages: [
      `error: GH006: Protected branch update failed for ${command.ref}.`,
      '',
      ...problems.map((p) => `- ${p}`)
    ]
  };
}

/** @param {(args: string[]) => string} git */
function isAncestor(git: Git, a: string, b: string) {
  try {
    git(['merge-base', '--is-ancestor', a, b]);
    return true;
  } catch {
    return false;
  }
}

/**
 * A change under .github/workflows/ needs the `workflows` permission (GitHub Apps, fine-grained
 * tokens: given to the emulator as `permissions: { workflows: 'write' }`) or the `workflow` scope
 * (OAuth apps, classic tokens). The reason names the first such file.
 */
function workflowChange(ref: string, changes: Change[], token: PushToken, git: Git) {
  const touched = changes.filter((c) => c.path.startsWith(WORKFLOWS_DIR));
  if (touched.length === 0) return undefined;
  const kind =
    token.token.startsWith('ghs_') || token.token.startsWith('ghu_')
      ? 'app'
      : token.token.startsWith('gho_')
        ? 'oauth'
        : 'pat';
  const byPermission = kind === 'app' || token.token.startsWith('github_pat_');
  const allowed = byPermission
    ? token.permissions?.workflows === 'write'
    : (token.scopes ?? '')
        .split(',')
        .map((s) => s.trim())
        .includes('workflow');
  if (allowed) return undefined;
  const heads = git(['for-each-ref', '--format=%(objectname)', 'refs/heads/']).split('\n').filter(Boolean);
  const existsElsewhere = (change: Change) => {
    if (change.blob === ZERO_OID || heads.length === 0) return false;
    const answer = git(
      ['cat-file', '--batch-check=%(objectname)'],
      heads.map((head) => `${head}:${change.path}`).join('\n') + '\n'
    );
    return answer.split('\n').includes(change.blob);
  };
  const refused = touched.find((change) => !existsElsewhere(change));
  if (!refused) return undefined;
  const who = { app: 'a GitHub App', oauth: 'an OAuth App', pat: 'a Personal Access Token' }[kind];
  const needs = kind === 'app' ? '`workflows` permission' : '`workflow` scope';
  return {
    ref,
    rule: 'workflow' as const,
    reason: `refusing to allow ${who} to create or update workflow \`${refused.path}\` without ${needs}`,
    messages: []
  };
}

/** A custom pre-receive hook that declines: what it printed, line by line. */
function customHook(ref: string, hook: PushRules['preReceiveHook'], update: RefUpdate) {
  const text = typeof hook === 'function' ? hook(update) : hook;
  if (!text) return undefined;
  return {
    ref,
    rule: 'pre-receive' as const,
    reason: 'pre-receive hook declined',
    messages: String(text).replace(/\n$/, '').split('\n')
  };
}

/** @param {string | Buffer} data */
function pkt(data: string | Buffer) {
  const payload = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return Buffer.concat([Buffer.from((payload.length + 4).toString(16).padStart(4, '0'), 'latin1'), payload]);
}

/**
 * receive-pack's answer to a push it refuses: the messages on side-band 2 ("remote: ..."), then
 * the report (unpack ok, one `ng` per ref) on side-band 1. Every ref of the push is refused;
 * those without a verdict of their own get the first one's reason, as with a declining hook.
 * @param {string[]} capabilities
 * @param {Array<{ ref: string }>} commands
 * @param {PushVerdict[]} verdicts
 * @returns {Buffer}
 */
export function refusalResponse(
  capabilities: string[],
  commands: Array<{ ref: string }>,
  verdicts: PushVerdict[]
): Buffer {
  const reasonOf = (ref: string) => (verdicts.find((v) => v.ref === ref) ?? verdicts[0]).reason;
  const report = Buffer.concat([
    pkt('unpack ok\n'),
    ...commands.map((c) => pkt(`ng ${c.ref} ${reasonOf(c.ref)}\n`)),
    Buffer.from('0000')
  ]);
  const bandSize = capabilities.includes('side-band-64k')
    ? 65515
    : capabilities.includes('side-band')
      ? 995
      : 0;
  if (bandSize === 0) return report;
  const parts = verdicts
    .flatMap((v) => v.messages)
    .map((line) => pkt(Buffer.concat([Buffer.from([2]), Buffer.from(`${line}\n`, 'utf8')])));
  for (let at = 0; at < report.length; at += bandSize)
    parts.push(pkt(Buffer.concat([Buffer.from([1]), report.subarray(at, at + bandSize)])));
  parts.push(Buffer.from('0000'));
  return Buffer.concat(parts);
}
