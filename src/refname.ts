/**
 * Branch name validation by the rules of `git check-ref-format --branch`, applied to
 * `refs/heads/<name>`, so that a bad name is refused before any process or request sees it,
 * plus the few names git takes that GitHub does not. The unit tests compare this function with
 * the real git on every case they hold.
 */
export function branchNameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name.startsWith('-')) return 'starts with "-"';
  // git takes a lone "@" for HEAD in most commands, and refuses "HEAD" as a branch name.
  if (name === '@' || name === 'HEAD') return `is "${name}", which git reserves for the current commit`;
  if (name.startsWith('/') || name.endsWith('/')) return 'starts or ends with "/"';
  if (name.includes('//')) return 'contains "//"';
  if (name.includes('..')) return 'contains ".."';
  if (name.includes('@{')) return 'contains "@{"';
  if (name.endsWith('.')) return 'ends with "."';
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || code === 0x7f) return 'contains a control character';
    if (' ~^:?*[\\'.includes(ch)) return `contains ${ch === ' ' ? 'a space' : `"${ch}"`}`;
  }
  // Names git accepts but GitHub refuses or that would read as something else there.
  if (name.startsWith('refs/')) return 'starts with "refs/"; give the short branch name';
  if (/^[0-9a-f]{40}$/i.test(name) || /^[0-9a-f]{64}$/i.test(name)) return 'looks like a commit SHA';
  for (const part of name.split('/')) {
    if (part.startsWith('.')) return `has a part "${part}" that starts with "."`;
    if (part.endsWith('.lock')) return `has a part "${part}" that ends with ".lock"`;
  }
  return undefined;
}
