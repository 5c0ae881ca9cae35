/**
 * Whether a repository may carry the pull request's branch for another: `push-to-fork` must name
 * a fork of the target repository, or a sibling (a fork of the same parent), as
 * peter-evans/create-pull-request requires. Pure: the facts come from GET /repos of each.
 */

/** A repository by owner and name, as the inputs give it. */
export interface RepositoryName {
  owner: string;
  repo: string;
}

export interface RepositoryLineage {
  fullName: string;
  /** The full name of the repository it was forked from, when it is a fork. */
  parent: string | undefined;
}

/** `fork`'s relation to `target`: its fork, its sibling, or neither (GitHub names are case-insensitive). */
export function forkRelation(
  fork: RepositoryLineage,
  target: RepositoryLineage
): 'fork' | 'sibling' | 'unrelated' {
  const same = (a: string | undefined, b: string | undefined) =>
    a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
  if (same(fork.parent, target.fullName)) return 'fork';
  if (same(fork.parent, target.parent)) return 'sibling';
  return 'unrelated';
}
