import { isoNow, nodeId, stableId } from './common.js';
import { HttpError, validationFailed } from './http.js';
import { PullHandlers } from './rest-pulls.js';
import type { Milestone, RepoInfo, Site, Stored, UserBrief } from './types.js';

/** REST: review requests and the issue side of a pull request (labels, assignees, milestone). */
export class IssueHandlers extends PullHandlers {
  /**
   * POST / DELETE /pulls/:n/requested_reviewers
   */
  requestReviewers(repo: RepoInfo, pr: Stored, method: 'POST' | 'DELETE', body: Stored, site: Site) {
    const doc =
      method === 'POST'
        ? 'pulls/review-requests#request-reviewers-for-a-pull-request'
        : 'pulls/review-requests#remove-requested-reviewers-from-a-pull-request';
    const users = body.reviewers ?? [];
    const teams = body.team_reviewers ?? [];
    const valid = (a: unknown) => Array.isArray(a) && a.every((x) => typeof x === 'string' && x !== '');
    if (!valid(users))
      throw validationFailed(doc, [{ resource: 'PullRequest', code: 'invalid', field: 'reviewers' }]);
    if (!valid(teams))
      throw validationFailed(doc, [{ resource: 'PullRequest', code: 'invalid', field: 'team_reviewers' }]);
    const logins: string[] = users;
    const slugs: string[] = teams;
    if (method === 'DELETE') {
      const dropUsers = new Set(logins.map((x) => x.toLowerCase()));
      const dropTeams = new Set(slugs.map((x) => x.toLowerCase()));
      pr.requested_reviewers = pr.requested_reviewers.filter(
        (u: UserBrief) => !dropUsers.has(u.login.toLowerCase())
      );
      pr.requested_teams = pr.requested_teams.filter(
        (t: { slug: string }) => !dropTeams.has(t.slug.toLowerCase())
      );
      pr.updated_at = isoNow();
      return { status: 200, body: this.pullJson(pr, site) };
    }
    if (logins.some((x) => x.toLowerCase() === pr.user.login.toLowerCase())) {
      throw new HttpError(422, {
        message: 'Review cannot be requested from pull request author.',
        documentation_url: `https://docs.github.com/rest/${doc}`
      });
    }
    // GitHub refuses the whole request when one reviewer is not a collaborator (nobody is asked).
    const strangers = logins.some((x) => !repo.collaborators.has(x.toLowerCase()));
    const noAccess = slugs.some((x) => !repo.teams.has(x.toLowerCase()));
    if (strangers || noAccess) {
      throw new HttpError(422, {
        message: `Reviews may only be requested from collaborators. One or more of the ${strangers ? 'users or teams' : 'teams'} you specified is not a collaborator of the ${repo.fullName} repository.`,
        documentation_url: `https://docs.github.com/rest/${doc}`
      });
    }
    for (const login of logins) {
      if (!pr.requested_reviewers.some((u: UserBrief) => u.login.toLowerCase() === login.toLowerCase())) {
        pr.requested_reviewers.push(this.userBrief(login));
        this.event(repo, pr, 'review_requested', login);
      }
    }
    for (const slug of slugs) {
      if (!pr.requested_teams.some((t: { slug: string }) => t.slug.toLowerCase() === slug.toLowerCase())) {
        const id = stableId(`team:${repo.owner.toLowerCase()}:${slug.toLowerCase()}`);
        pr.requested_teams.push({
          id,
          node_id: nodeId('T', id),
          slug,
          name: slug,
          description: null,
          privacy: 'closed',
          permission: 'pull',
          parent: null
        });
        this.event(repo, pr, 'review_requested', `team:${slug}`);
      }
    }
    pr.updated_at = isoNow();
    return { status: 201, body: this.pullJson(pr, site) };
  }

  /**
   * PATCH /issues/:n (only pull requests exist here, so the issue is always a pull request's).
   */
  updateIssue(repo: RepoInfo, pr: Stored, body: Stored, site: Site) {
    const doc = 'issues/issues#update-an-issue';
    const invalid = (field: string, value?: unknown) =>
      validationFailed(doc, [
        { ...(value === undefined ? {} : { value }), resource: 'Issue', field, code: 'invalid' }
      ]);
    if (body.state !== undefined && body.state !== 'open' && body.state !== 'closed')
      throw invalid('state', body.state);
    if (body.title !== undefined && (typeof body.title !== 'string' || body.title === ''))
      throw invalid('title', body.title);
    if (body.body !== undefined && body.body !== null && typeof body.body !== 'string') throw invalid('body');
    let milestone: Milestone | null | undefined;
    if (body.milestone === null) milestone = null;
    else if (body.milestone !== undefined) {
      const n =
        typeof body.milestone === 'number'
          ? body.milestone
          : typeof body.milestone === 'string' && /^\d+$/.test(body.milestone)
            ? Number(body.milestone)
            : NaN;
      milestone = repo.milestones.find((m) => m.number === n);
      if (!milestone) throw invalid('milestone', body.milestone);
    }
    let labels: string[] | undefined;
    if (body.labels !== undefined) {
      if (!Array.isArray(body.labels)) throw invalid('labels');
      labels = body.labels.map((l: unknown) => {
        const name =
          typeof l === 'string'
            ? l
            : l && typeof l === 'object' && typeof (l as Stored).name === 'string'
              ? (l as Stored).name
              : '';
        if (!name) throw invalid('labels');
        return name;
      });
    }
    let assignees: string[] | undefined;
    if (body.assignees !== undefined) {
      if (
        !Array.isArray(body.assignees) ||
        !body.assignees.every((x: unknown) => typeof x === 'string' && x !== '')
      )
        throw invalid('assignees');
      assignees = body.assignees;
    } else if (body.assignee !== undefined) {
      if (body.assignee !== null && typeof body.assignee !== 'string') throw invalid('assignee');
      assignees = body.assignee ? [body.assignee] : [];
    }
    const newState = body.state ?? pr.state;
    this.checkReopen(repo, pr, newState, pr.base.ref, doc);

    const edited = ['title', 'body'].filter((field) => body[field] !== undefined);
    if (edited.length > 0) this.event(repo, pr, 'edited', edited.join(','));
    if (milestone !== undefined)
      this.event(
        repo,
        pr,
        milestone ? 'milestoned' : 'demilestoned',
        milestone ? String(milestone.number) : undefined
      );
    if (labels) this.event(repo, pr, 'labeled', labels.join(','));
    if (assignees) this.event(repo, pr, 'assigned', assignees.join(','));
    if (body.title !== undefined) pr.title = body.title;
    if (body.body !== undefined) pr.body = body.body;
    if (milestone !== undefined)
      pr.milestone = milestone && { number: milestone.number, title: milestone.title };
    if (labels) {
      const next: Stored[] = [];
      for (const name of labels) {
        if (!next.some((x) => x.name.toLowerCase() === name.toLowerCase()))
          next.push(this.labelJson(repo, name, site));
      }
      pr.labels = next;
    }
    if (assignees) {
      const next: Stored[] = [];
      for (const login of assignees) {
        if (!next.some((x) => x.login.toLowerCase() === login.toLowerCase()))
          next.push(this.userBrief(login));
      }
      pr.assignees = next;
      pr.assignee = next[0] ?? null;
    }
    this.setPullState(repo, pr, newState);
    pr.updated_at = isoNow();
    return { status: 200, body: this.issueJson(repo, pr, site) };
  }
}
