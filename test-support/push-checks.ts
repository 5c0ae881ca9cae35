// The rules GitHub's receive-pack applies to a push, one function each, in the order GitHub
// reports them: GH001 (a file over the size limit), GH013 (push protection found a secret),
// GH006 (a protected branch), a workflow file changed without the right to, and a custom
// pre-receive hook. Each returns the verdict for one ref, or undefined when the rule lets it
// through; push-rules.ts runs them on every ref of a push. The texts are GitHub's.
import { createHash } from 'node:crypto';
import type { Change, Git, PushRules, PushToken, RefUpdate } from './push-rules.js';

const ZERO_OID = '0'.repeat(40);
const WORKFLOWS_DIR = '.github/workflows/';
const BLOCKED_PUSH_DOCS =
  'https://docs.github.com/code-security/secret-scanning/working-with-secret-scanning-and-push-protection/working-with-push-protection-from-the-command-line#resolving-a-blocked-push';

/** GitHub's names and shapes for a few secrets push protection blocks by default. */
export const DEFAULT_SECRET_PATTERNS = [
  { name: 'GitHub Personal Access Token', pattern: /\bghp_[A-Za-z0-9]{36}\b/ },
  { name: 'GitHub Personal Access Token', pattern: /\bgithub_pat_[A-Za-z0-9_]{82}\b/ },
  { name: 'GitHub OAuth Access Token', pattern: /\bgho_[A-Za-z0-9]{36}\b/ },
  { name: 'Amazon AWS Access Key ID', pattern: /\bAKIA[0-9A-Z]{16}\b/ }
];

/** @param {number} bytes */
const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

/** GH001: each file over the limit is named, then the push is declined. */
export function largeFiles(ref: string, written: Change[], sizes: Map<string, number>, limit: number) {
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
export function secrets(
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
export function protectedBranch(
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
export function workflowChange(ref: string, changes: Change[], token: PushToken, git: Git) {
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
export function customHook(ref: string, hook: PushRules['preReceiveHook'], update: RefUpdate) {
  const text = typeof hook === 'function' ? hook(update) : hook;
  if (!text) return undefined;
  return {
    ref,
    rule: 'pre-receive' as const,
    reason: 'pre-receive hook declined',
    messages: String(text).replace(/\n$/, '').split('\n')
  };
}
