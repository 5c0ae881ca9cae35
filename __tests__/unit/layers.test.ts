/**
 * The layering of src/: a module imports only from its own layer or the ones below. The table
 * follows the flow token → inputs → sandbox/auth → work tree → changes → deliver → report, with
 * the shared types and pure helpers at the bottom and the entry points at the top; a new module
 * must be placed in it. Type-only imports count: a type from above is a dependency on above.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const LAYERS: string[][] = [
  // Shared types and pure helpers that know nothing of the rest.
  [
    'errors',
    'log-text',
    'identity',
    'state',
    'refname',
    'token-facts',
    'mbox',
    'push-rejection',
    'workflow-policy',
    'runner-context',
    'sandbox-env',
    'git-config-text',
    'input-names',
    'fork-check',
    'pull-request-data',
    'workflow-commands',
    'job-summary',
    'process-runner'
  ],
  // The one process spawner, git plumbing, API error reading, pure parsing and planning helpers.
  [
    'sandbox',
    'found-tools',
    'command-result',
    'git',
    'git-init',
    'git-attributes',
    'change-facts',
    'api-errors',
    'input-values',
    'lfs-data',
    'add-paths',
    'staging',
    'branch-suffix',
    'pr-body',
    'git-data',
    'signing-plan',
    'pool',
    'session-key',
    'sessions',
    'shards',
    'session-results',
    'request-pace'
  ],
  // Clients and readers: git remote and work tree commands, the GitHub API client, gh, inputs, token.
  [
    'git-remote',
    'git-worktree',
    'github-pulls',
    'github-git-data',
    'https-fetch',
    'octokit',
    'github',
    'github-fork',
    'gh-auth',
    'gh-credential-helper',
    'gh-login',
    'existing-clone',
    'clone-work-tree',
    'outbox-git',
    'outbox',
    'lfs-objects',
    'event-session',
    'inputs',
    'token',
    'real-paths'
  ],
  // The steps' parts: the planner, the work tree, outbox application, LFS, signed commits, pushes, the PR.
  [
    'plan',
    'carry-over',
    'worktree',
    'outbox-apply',
    'lfs',
    'signed-rest',
    'signed',
    'branch-push',
    'pull-request'
  ],
  // The steps of the flow, as main calls them.
  ['read-inputs', 'connect', 'changes', 'deliver', 'report', 'cleanup', 'session-log'],
  // One publish, and a sessions step's many.
  ['publish-one', 'sessions-run'],
  // Entry points.
  ['main', 'post', 'index', 'post-entry']
];

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'src');

function layerOf(module: string): number {
  return LAYERS.findIndex((layer) => layer.includes(module));
}

/** The src modules `file` imports (static, type-only and dynamic imports alike). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(SRC, file), 'utf8');
  const found = [...text.matchAll(/(?:from\s+|import\s*\(\s*(?:\/\*.*?\*\/\s*)?)'\.\/([\w-]+)\.js'/g)];
  return found.map((match) => match[1]);
}

const modules = fs
  .readdirSync(SRC)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.replace(/\.ts$/, ''));

describe('layering of src/', () => {
  test('every module has a layer', () => {
    expect(modules.filter((module) => layerOf(module) < 0)).toEqual([]);
  });

  test('no module imports from a layer above its own', () => {
    const upward: string[] = [];
    for (const module of modules) {
      for (const imported of importsOf(`${module}.ts`)) {
        if (layerOf(imported) > layerOf(module)) upward.push(`${module} → ${imported}`);
      }
    }
    expect(upward).toEqual([]);
  });

  test('the import scan sees imports', () => {
    // A scan that found nothing would pass the test above whatever src/ does.
    expect(importsOf('main.ts')).toEqual(expect.arrayContaining(['read-inputs', 'publish-one', 'report']));
    expect(importsOf('publish-one.ts')).toEqual(expect.arrayContaining(['deliver', 'connect', 'worktree']));
    expect(importsOf('post.ts')).toEqual(expect.arrayContaining(['state', 'cleanup']));
  });
});
