import { AUTO_MERGE_NOT_ALLOWED, isSafeRefName, isoNow } from './common.js';
import { GraphQLObjects } from './graphql-objects.js';
import {
  GqlSyntaxError,
  gqlArgs,
  gqlFields,
  gqlProject,
  gqlValue,
  parseGraphQL,
  type GqlDocument,
  type GqlField
} from './graphql-query.js';
import { graphqlLib } from './graphql-lib.js';
import type { RepoInfo, RequestLogEntry, Site, Stored, TokenInfo } from './types.js';

/** What a root field resolves to: a value, an error next to the data, or an error that ends the request. */
export type GqlResult = { value: unknown } | { error: { type: string; message: string } } | { fatal: string };

/** The GraphQL API: the root fields the emulator knows, over the objects of graphql-objects.ts. */
export class GraphQLApi extends GraphQLObjects {
  /**
   * Answers a GraphQL request body ({ query, variables, operationName }). Root fields:
   * query `viewer`; mutations `enablePullRequestAutoMerge`, `disablePullRequestAutoMerge`,
   * `createCommitOnBranch`.
   * @param entry  gets operation, operationName, operationType and variables
   */
  graphql(body: Stored, site: Site, me: TokenInfo, entry: RequestLogEntry): Record<string, unknown> {
    entry.operation = null;
    if (!body || typeof body !== 'object' || typeof body.query !== 'string') {
      return { errors: [{ message: 'A query attribute must be specified and must be a string.' }] };
    }
    let vars = body.variables ?? {};
    if (typeof vars === 'string') {
      try {
        vars = vars.trim() ? JSON.parse(vars) : {};
      } catch {
        vars = null;
      }
    }
    if (!vars || typeof vars !== 'object' || Array.isArray(vars))
      return { errors: [{ message: 'Variables are invalid JSON.' }] };
    entry.variables = vars;
    let doc: GqlDocument;
    try {
      doc = parseGraphQL(body.query);
    } catch (err) {
      if (err instanceof GqlSyntaxError)
        return { errors: [{ message: err.message, ...(err.locations ? { locations: err.locations } : {}) }] };
      throw err;
    }
    const wanted = typeof body.operationName === 'string' && body.operationName ? body.operationName : null;
    const op = wanted
      ? doc.operations.find((o) => o.name === wanted)
      : doc.operations.length === 1
        ? doc.operations[0]
        : undefined;
    if (!op)
      return {
        errors: [{ message: wanted ? `No operation named "${wanted}"` : 'An operation name is required' }]
      };
    entry.operationType = op.type;
    entry.operationName = op.name;
    const allVars: Record<string, unknown> = {};
    for (const [k, def] of Object.entries(op.variables)) if (def) allVars[k] = gqlValue(def, {});
    Object.assign(allVars, vars);
    const rootType =
      op.type === 'mutation' ? 'Mutation' : op.type === 'subscription' ? 'Subscription' : 'Query';
    let fields: GqlField[];
    try {
      fields = gqlFields(op.selections, doc, allVars, rootType);
    } catch (err) {
      if (err instanceof GqlSyntaxError) return { errors: [{ message: err.message }] };
      throw err;
    }
    entry.operation =
      [...new Set(fields.filter((f) => f.name !== '__typename').map((f) => f.name))].join(',') || null;

    const resolvers: Record<string, (args: Stored, field: GqlField) => GqlResult> =
      op.type === 'query'
        ? { viewer: () => ({ value: this.gqlUser(me.login, site) }) }
        : op.type === 'mutation'
          ? {
              enablePullRequestAutoMerge: (args) => this.gqlAutoMerge(args, true, site, me),
              disablePullRequestAutoMerge: (args) => this.gqlAutoMerge(args, false, site, me),
              createCommitOnBranch: (args, field) => this.gqlCreateCommitOnBranch(args, field, site, me)
            }
          : {};
    const unsupported = fields.filter((f) => f.name !== '__typename' && !Object.hasOwn(resolvers, f.name));
    if (unsupported.length) {
      return {
        errors: unsupported.map((f) => ({
          message: 'not supported by emulator',
          path: [f.alias ?? f.name],
          locations: [{ line: f.line, column: f.column }]
        }))
      };
    }
    const data: Record<string, unknown> = {};
    const errors: Array<Record<string, unknown>> = [];
    for (const f of fields) {
      const key = f.alias ?? f.name;
      if (f.name === '__typename') {
        data[key] = rootType;
        continue;
      }
      const r = resolvers[f.name](gqlArgs(f.args, allVars), f);
      const locations = [{ line: f.line, column: f.column }];
      if ('fatal' in r) return { errors: [{ path: [key], locations, message: r.fatal }] };
      if ('error' in r) {
        data[key] = null;
        errors.push({ type: r.error.type, path: [key], locations, message: r.error.message });
      } else {
        data[key] = gqlProject(r.value, f.selections, doc, allVars);
      }
    }
    return errors.length ? { data, errors } : { data };
  }

  /**
   * enablePullRequestAutoMerge / disablePullRequestAutoMerge
   */
  gqlAutoMerge(args: Stored, enable: boolean, site: Site, me: TokenInfo): GqlResult {
    const inputType = enable ? 'EnablePullRequestAutoMergeInput' : 'DisablePullRequestAutoMergeInput';
    const field = enable ? 'enablePullRequestAutoMerge' : 'disablePullRequestAutoMerge';
    const input = args.input;
    if (!input || typeof input !== 'object' || Array.isArray(input)) {
      return {
        fatal: `Argument 'input' on Field '${field}' has an invalid value (${JSON.stringify(input ?? null)}). Expected type '${inputType}!'.`
      };
    }
    if (typeof input.pullRequestId !== 'string' || input.pullRequestId === '') {
      return {
        fatal: `Argument 'pullRequestId' on InputObject '${inputType}' is required. Expected type ID!`
      };
    }
    const mergeMethod = input.mergeMethod ?? 'MERGE'; // GitHub's default
    if (enable && !['MERGE', 'SQUASH', 'REBASE'].includes(mergeMethod)) {
      return {
        fatal: `Argument 'mergeMethod' on InputObject '${inputType}' has an invalid value (${JSON.stringify(mergeMethod)}). Expected type 'PullRequestMergeMethod'.`
      };
    }
    const pr = this.pulls.find((x) => x.node_id === input.pullRequestId);
    if (!pr)
      return {
        error: {
          type: 'NOT_FOUND',
          message: `Could not resolve to a node with the global id of '${input.pullRequestId}'.`
        }
      };
    const repo = this.repo(pr.base.repo.full_name);
    this.syncPulls(repo);
    if (enable) {
      if (!repo.allowAutoMerge) return { error: { type: 'UNPROCESSABLE', message: AUTO_MERGE_NOT_ALLOWED } };
      pr.auto_merge = {
        enabled_by: this.userBrief(me.login),
        merge_method: mergeMethod.toLowerCase(),
        // Without a headline GitHub fills in the one the merge method would use (REST types both as strings).
        commit_title:
          typeof input.commitHeadline === 'string'
            ? input.commitHeadline
            : mergeMethod === 'MERGE'
              ? `Merge pull request #${pr.number} from ${pr.head.label.replace(':', '/')}`
              : `${pr.title} (#${pr.number})`,
        commit_message: typeof input.commitBody === 'string' ? input.commitBody : '',
        author_email: typeof input.authorEmail === 'string' ? input.authorEmail : null,
        enabled_at: isoNow()
      };
      this.event(repo, pr, 'auto_merge_enabled', mergeMethod.toLowerCase());
    } else {
      pr.auto_merge = null;
    }
    pr.updated_at = isoNow();
    return {
      value: {
        __typename: enable ? 'EnablePullRequestAutoMergePayload' : 'DisablePullRequestAutoMergePayload',
        clientMutationId: typeof input.clientMutationId === 'string' ? input.clientMutationId : null,
        actor: this.gqlUser(me.login, site),
        pullRequest: this.gqlPull(pr, site)
      }
    };
  }

  /**
   * mutation createCommitOnBranch: one commit on top of the branch's tip, made of `fileChanges`
   * (deletions first, then additions: regular files, mode 100644), authored and committed by the
   * token's user now, recorded as signed by GitHub. Fails like GitHub when the branch is missing
   * (NOT_FOUND), when `expectedHeadOid` is not its tip (STALE_DATA) and when a deleted path does
   * not exist (NOT_FOUND).
   */
  gqlCreateCommitOnBranch(args: Stored, field: GqlField, site: Site, me: TokenInfo): GqlResult {
    const inputArg = field.args.input;
    const varName = inputArg?.kind === graphqlLib().Kind.VARIABLE ? inputArg.name.value : null;
    const NOT_NULL = 'Expected value to not be null';
    const bad = (at: string, problem: string) => ({
      fatal: varName
        ? `Variable $${varName} of type CreateCommitOnBranchInput! was provided invalid value${at ? ` for ${at}` : ''} (${problem})`
        : `Argument 'input' on Field 'createCommitOnBranch' has an invalid value${at ? ` for ${at}` : ''} (${problem}).`
    });
    const isObj = (x: unknown): x is Stored => x !== null && typeof x === 'object' && !Array.isArray(x);
    /** @param x GraphQL input coercion: a single value stands for a list of one */
    const list = (x: unknown) => (x === null || x === undefined ? [] : Array.isArray(x) ? x : [x]);
    const input = args.input;
    if (!isObj(input)) return bad('', NOT_NULL);
    if (!isObj(input.branch)) return bad('branch', NOT_NULL);
    if (!isObj(input.message)) return bad('message', NOT_NULL);
    const { headline, body } = input.message;
    if (typeof headline !== 'string')
      return bad(
        'message.headline',
        headline == null ? NOT_NULL : `Could not coerce value ${JSON.stringify(headline)} to String`
      );
    if (body != null && typeof body !== 'string')
      return bad('message.body', `Could not coerce value ${JSON.stringify(body)} to String`);
    const expected = input.expectedHeadOid;
    if (expected == null) return bad('expectedHeadOid', NOT_NULL);
    if (typeof expected !== 'string' || !/^[0-9a-f]{40}$/i.test(expected))
      return bad('expectedHeadOid', `Could not coerce value ${JSON.stringify(expected)} to GitObjectID`);
    if (input.fileChanges != null && !isObj(input.fileChanges))
      return bad('fileChanges', 'Expected value to be an object');
    const additions = list(input.fileChanges?.additions);
    const deletions = list(input.fileChanges?.deletions);
    for (const [i, a] of additions.entries()) {
      if (!isObj(a)) return bad(`fileChanges.additions.${i}`, NOT_NULL);
      if (typeof a.path !== 'string') return bad(`fileChanges.additions.${i}.path`, NOT_NULL);
      if (typeof a.contents !== 'string') return bad(`fileChanges.additions.${i}.contents`, NOT_NULL);
      if (
        !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(
          a.contents.replace(/\s+/g, '')
        )
      ) {
        return bad(
          `fileChanges.additions.${i}.contents`,
          `Could not coerce value ${JSON.stringify(a.contents.slice(0, 40))} to Base64String`
        );
      }
    }
    for (const [i, d] of deletions.entries()) {
      if (!isObj(d)) return bad(`fileChanges.deletions.${i}`, NOT_NULL);
      if (typeof d.path !== 'string') return bad(`fileChanges.deletions.${i}.path`, NOT_NULL);
    }

    let repo: RepoInfo | undefined;
    let branch = '';
    const b = input.branch;
    if (typeof b.id === 'string' && b.id) {
      const found = this.refByNodeId(b.id);
      if (!found || !found.ref.startsWith('heads/') || !this.refSha(found.repo, `refs/${found.ref}`)) {
        return {
          error: {
            type: 'NOT_FOUND',
            message: `Could not resolve to a node with the global id of '${b.id}'.`
          }
        };
      }
      repo = found.repo;
      branch = found.ref.slice('heads/'.length);
    } else {
      if (typeof b.repositoryNameWithOwner !== 'string' || typeof b.branchName !== 'string') {
        return {
          error: {
            type: 'UNPROCESSABLE',
            message: 'A branch must be given either by id or by repositoryNameWithOwner and branchName.'
          }
        };
      }
      repo = this.repos.get(b.repositoryNameWithOwner.toLowerCase());
      if (!repo)
        return {
          error: {
            type: 'NOT_FOUND',
            message: `Could not resolve to a Repository with the name '${b.repositoryNameWithOwner}'.`
          }
        };
      branch = b.branchName.replace(/^refs\/heads\//, '');
    }
    const ref = `refs/heads/${branch}`;
    const tip = branch && isSafeRefName(ref) ? this.refSha(repo, ref) : null;
    if (!tip) return { error: { type: 'NOT_FOUND', message: 'Branch not found' } };
    const stale = {
      error: {
        type: 'STALE_DATA',
        message: `Expected branch to point to "${expected}" but it did not. Pull and try again.`
      }
    };
    if (expected.toLowerCase() !== tip) return stale;

    const badPath = (p: string) =>
      p === '' ||
      /[\0\n\r]/.test(p) ||
      p.startsWith('/') ||
      p
        .split('/')
        .some((part) => part === '' || part === '.' || part === '..' || part.toLowerCase() === '.git');
    const invalidPath = [...additions, ...deletions].map((x) => x.path).find(badPath);
    if (invalidPath !== undefined)
      return { error: { type: 'UNPROCESSABLE', message: `Invalid path ${JSON.stringify(invalidPath)}.` } };
    if (deletions.length) {
      /** path -> object type */
      const existing: Map<string, string> = new Map();
      const listing = this.runGit([
        '--literal-pathspecs',
        '--git-dir',
        repo.bareDir,
        'ls-tree',
        '-z',
        tip,
        '--',
        ...deletions.map((d) => d.path)
      ]);
      for (const line of listing.split('\0')) {
        const tab = line.indexOf('\t');
        if (tab > 0) existing.set(line.slice(tab + 1), line.slice(0, tab).split(' ')[1]);
      }
      if (deletions.some((d) => existing.get(d.path) === undefined || existing.get(d.path) === 'tree')) {
        return {
          error: {
            type: 'NOT_FOUND',
            message: `A path was requested for deletion which does not exist as of commit oid \`${tip}\``
          }
        };
      }
    }
    const changes: Map<string, Buffer | null> = new Map();
    for (const d of deletions) changes.set(d.path, null);
    for (const a of additions) changes.set(a.path, Buffer.from(a.contents, 'base64'));
    const message = body ? `${headline}\n\n${body}` : headline;
    const identity = { name: me.login, email: `${me.userId}+${me.login}@users.noreply.github.com` };
    let sha: string;
    try {
      sha = this.writeCommit(
        repo.bareDir,
        branch,
        Object.fromEntries(changes),
        message,
        tip,
        tip,
        Math.floor(Date.now() / 1000),
        identity
      );
    } catch (err) {
      if (this.refSha(repo, ref) !== tip) return stale; // moved meanwhile (a push through git http-backend)
      return { error: { type: 'UNPROCESSABLE', message: err instanceof Error ? err.message : String(err) } };
    }
    this.verifiedCommits.add(sha);
    this.syncPulls(repo);
    const repoInfo = repo;
    return {
      value: {
        __typename: 'CreateCommitOnBranchPayload',
        clientMutationId: typeof input.clientMutationId === 'string' ? input.clientMutationId : null,
        commit: () => this.gqlCommit(repoInfo, sha, site),
        ref: this.gqlRef(repo, ref, site)
      }
    };
  }
}
