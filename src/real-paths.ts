import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { RunnerContext } from './runner-context.js';

/**
 * `file` (absolute) with every symbolic link resolved in the part of it that exists; the part
 * that does not exist yet is appended as given. The inside-the-workspace check compares these,
 * so that a link inside the workspace cannot lead a clone or an outbox outside it.
 */
async function realPathOf(file: string): Promise<string> {
  const missing: string[] = [];
  let existing = path.resolve(file);
  for (;;) {
    try {
      return path.join(await fs.realpath(existing), ...missing.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return path.resolve(file);
      missing.push(path.basename(existing));
      existing = parent;
    }
  }
}

/**
 * The runner's folders as real paths, and the real paths of the inputs `names` (by default `path`,
 * `outbox` and `body-path`, for parseInputs).
 */
export async function resolveRealPaths<Name extends string = 'path' | 'outbox' | 'body-path'>(
  context: RunnerContext,
  get: (name: string) => string,
  names: readonly Name[] = ['path', 'outbox', 'body-path'] as Name[]
): Promise<{ context: RunnerContext; realPaths: Partial<Record<Name, string>> }> {
  const [workspace, runnerTemp] = await Promise.all([
    realPathOf(context.workspace),
    realPathOf(context.runnerTemp)
  ]);
  const realPaths: Partial<Record<Name, string>> = {};
  for (const input of names) {
    const value = get(input).trim();
    if (value) realPaths[input] = await realPathOf(path.resolve(workspace, value));
  }
  return { context: { ...context, workspace, runnerTemp }, realPaths };
}
