import crypto from 'node:crypto';

/** A commit of the stand-in's linear history of a repository. */
export interface CommitRecord {
  sha: string;
  message: string;
  authorLogin?: string;
  authorEmail: string;
  authorName: string;
  date: string;
}

export interface DeploymentStatusRecord {
  id: number;
  state:
    | 'error'
    | 'failure'
    | 'inactive'
    | 'in_progress'
    | 'queued'
    | 'pending'
    | 'success';
  created_at: string;
  log_url?: string;
}

/** An entry of an organisation's audit log, as GitHub Enterprise Cloud returns it. */
export interface AuditLogEntry {
  '@timestamp': number;
  _document_id: string;
  action: string;
  actor: string;
  created_at: number;
  org: string;
  user: string;
  permission?: string;
}

export interface DeploymentRecord {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  created_at: string;
  creatorLogin: string;
  statuses: DeploymentStatusRecord[];
}

const iso = (d: Date) => d.toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * Repositories with a linear commit history and GitHub deployments. Commits
 * and deployments get ids and SHAs the way GitHub gives them out.
 */
export class GithubDeploymentsWorld {
  readonly commits = new Map<string, CommitRecord[]>();
  readonly deployments = new Map<string, DeploymentRecord[]>();
  /** Organisation audit log entries (`org.add_member`, `org.remove_member`). */
  readonly auditLog: AuditLogEntry[] = [];
  private nextId = 1000;

  /** Records that `login` joined (or left) the organisation at `at`. */
  membership(
    org: string,
    login: string,
    at: Date,
    action: 'org.add_member' | 'org.remove_member' = 'org.add_member',
  ) {
    this.auditLog.push({
      '@timestamp': at.getTime(),
      _document_id: crypto.randomUUID(),
      action,
      actor: 'hr-sync[bot]',
      created_at: at.getTime(),
      org,
      user: login,
      permission: 'read',
    });
  }

  /** Adds a commit at the head of `owner/repo`; returns its SHA. */
  commit(
    repo: string,
    options: {
      login?: string;
      email?: string;
      name?: string;
      message?: string;
      at?: Date;
    } = {},
  ): string {
    const list = this.commits.get(repo) ?? [];
    const sha = crypto
      .createHash('sha1')
      .update(
        `${repo}:${list.length}:${options.message ?? ''}:${Math.random()}`,
      )
      .digest('hex');
    list.push({
      sha,
      message: options.message ?? `change ${list.length + 1}`,
      authorLogin: options.login,
      authorEmail:
        options.email ??
        `${options.login ?? 'someone'}@users.noreply.github.com`,
      authorName: options.name ?? options.login ?? 'Someone',
      date: iso(options.at ?? new Date()),
    });
    this.commits.set(repo, list);
    return sha;
  }

  /** A deployment of `sha` with its statuses (e.g. in_progress, then success). */
  deploy(
    repo: string,
    options: {
      sha: string;
      environment?: string;
      at: Date;
      creator?: string;
      statuses?: { state: DeploymentStatusRecord['state']; at: Date }[];
    },
  ): DeploymentRecord {
    const d: DeploymentRecord = {
      id: this.nextId++,
      sha: options.sha,
      ref: 'main',
      environment: options.environment ?? 'production',
      created_at: iso(options.at),
      creatorLogin: options.creator ?? 'github-actions[bot]',
      statuses: (
        options.statuses ?? [
          { state: 'success', at: new Date(options.at.getTime() + 120_000) },
        ]
      ).map(s => ({
        id: this.nextId++,
        state: s.state,
        created_at: iso(s.at),
        log_url: `https://github.com/${repo}/actions/runs/${this.nextId}`,
      })),
    };
    this.deployments.set(repo, [...(this.deployments.get(repo) ?? []), d]);
    return d;
  }

  /** Adds a status to an existing deployment (a deployment that finishes later). */
  addStatus(
    repo: string,
    id: number,
    state: DeploymentStatusRecord['state'],
    at: Date,
  ) {
    const d = this.deployments.get(repo)?.find(x => x.id === id);
    if (!d) throw new Error(`no deployment ${id} in ${repo}`);
    d.statuses.push({ id: this.nextId++, state, created_at: iso(at) });
  }
}
