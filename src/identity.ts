/** A git author or committer, as the inputs give it. */
export interface Identity {
  name: string;
  email: string;
}

/** The variables that make git write `author` (when given, dated `authorDate`) and `committer`. */
export function identityEnv(
  author: Identity | undefined,
  committer: Identity,
  authorDate?: string
): Record<string, string> {
  return {
    ...(author ? { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email } : {}),
    ...(authorDate ? { GIT_AUTHOR_DATE: authorDate } : {}),
    GIT_COMMITTER_NAME: committer.name,
    GIT_COMMITTER_EMAIL: committer.email
  };
}

/** The line `git commit --signoff` adds for `committer` (the DCO's sign-off). */
export function signoffTrailer(committer: Identity): string {
  return `Signed-off-by: ${committer.name} <${committer.email}>`;
}
