import crypto from 'node:crypto';

/** A GitHub user as the stand-in knows it. */
export interface GithubUser {
  login: string;
  /** GitHub's numeric id. */
  id: number;
  name?: string;
  email?: string;
  bio?: string;
  avatarUrl?: string;
}

/** A team of an organisation; `parent` is the parent team's slug. */
export interface GithubTeam {
  slug: string;
  name: string;
  description?: string;
  parent?: string;
  /** Logins of the team's direct members. */
  members: string[];
}

/** One commit: the whole tree of files at that point, path to content. */
export interface GithubCommit {
  sha: string;
  parent?: string;
  message: string;
  author: string;
  date: string;
  files: ReadonlyMap<string, Buffer>;
}

/** A repository of an organisation. */
export interface GithubRepo {
  id: number;
  owner: string;
  name: string;
  description?: string;
  archived: boolean;
  fork: boolean;
  visibility: 'public' | 'private' | 'internal';
  topics: string[];
  defaultBranch: string;
  createdAt: string;
  /** Branch name to its head commit. */
  branches: Map<string, GithubCommit>;
  /** Every commit by sha, for `?ref=<sha>` and the commits API. */
  commits: Map<string, GithubCommit>;
}

export interface GithubOrg {
  login: string;
  id: number;
  repos: Map<string, GithubRepo>;
  teams: Map<string, GithubTeam>;
  /** Logins of the organisation's members. */
  members: string[];
}

/** What a new repository starts with. */
export interface RepoInit {
  name: string;
  files?: Record<string, string | Buffer>;
  description?: string;
  archived?: boolean;
  fork?: boolean;
  visibility?: GithubRepo['visibility'];
  topics?: string[];
  defaultBranch?: string;
  /** When the first commit was made (default: now). */
  date?: string;
  author?: string;
}

/** Git's object id of a blob: sha1 of `blob <size>\0<content>`. */
export function gitBlobSha(content: Buffer): string {
  return crypto
    .createHash('sha1')
    .update(`blob ${content.length}\0`)
    .update(content)
    .digest('hex');
}

function toBuffer(content: string | Buffer): Buffer {
  return typeof content === 'string' ? Buffer.from(content) : content;
}

/**
 * The stand-in's world: organisations with repositories (files and commits),
 * teams and members, and the users they refer to. Tests and benchmarks build it,
 * change it between runs (a push, a rename, a deletion), and the servers read it.
 */
export class GithubWorld {
  readonly orgs = new Map<string, GithubOrg>();
  readonly users = new Map<string, GithubUser>();
  private nextId = 1000;

  addOrg(login: string): GithubOrg {
    const existing = this.orgs.get(login.toLowerCase());
    if (existing) return existing;
    const org: GithubOrg = {
      login,
      id: this.nextId++,
      repos: new Map(),
      teams: new Map(),
      members: [],
    };
    this.orgs.set(login.toLowerCase(), org);
    return org;
  }

  org(login: string): GithubOrg {
    const org = this.orgs.get(login.toLowerCase());
    if (!org) throw new Error(`stand-in: no organisation ${login}`);
    return org;
  }

  findRepo(owner: string, name: string): GithubRepo | undefined {
    return this.orgs.get(owner.toLowerCase())?.repos.get(name.toLowerCase());
  }

  repo(owner: string, name: string): GithubRepo {
    const repo = this.findRepo(owner, name);
    if (!repo) throw new Error(`stand-in: no repository ${owner}/${name}`);
    return repo;
  }

  addUser(user: Omit<GithubUser, 'id'> & { id?: number }): GithubUser {
    const full = { ...user, id: user.id ?? this.nextId++ };
    this.users.set(user.login.toLowerCase(), full);
    return full;
  }

  /** Adds a user (when new) and makes them a member of the organisation. */
  addMember(org: string, user: Omit<GithubUser, 'id'>): GithubUser {
    const known =
      this.users.get(user.login.toLowerCase()) ?? this.addUser(user);
    const o = this.org(org);
    if (!o.members.includes(known.login)) o.members.push(known.login);
    return known;
  }

  addTeam(org: string, team: GithubTeam): GithubTeam {
    this.org(org).teams.set(team.slug, { ...team });
    return team;
  }

  addRepo(owner: string, init: RepoInit): GithubRepo {
    const org = this.addOrg(owner);
    const branch = init.defaultBranch ?? 'main';
    const repo: GithubRepo = {
      id: this.nextId++,
      owner: org.login,
      name: init.name,
      description: init.description,
      archived: init.archived ?? false,
      fork: init.fork ?? false,
      visibility: init.visibility ?? 'internal',
      topics: init.topics ?? [],
      defaultBranch: branch,
      createdAt: init.date ?? new Date().toISOString(),
      branches: new Map(),
      commits: new Map(),
    };
    org.repos.set(init.name.toLowerCase(), repo);
    if (init.files) {
      this.commit(owner, init.name, init.files, {
        message: 'Initial commit',
        author: init.author,
        date: init.date,
      });
    }
    return repo;
  }

  /**
   * Commits changes to a branch (default: the default branch): a path mapped to
   * content adds or replaces the file, to `null` deletes it.
   */
  commit(
    owner: string,
    name: string,
    changes: Record<string, string | Buffer | null>,
    options: {
      branch?: string;
      message?: string;
      author?: string;
      date?: string;
    } = {},
  ): GithubCommit {
    const repo = this.repo(owner, name);
    const branch = options.branch ?? repo.defaultBranch;
    const head = repo.branches.get(branch);
    const files = new Map(head?.files ?? []);
    for (const [path, content] of Object.entries(changes)) {
      const clean = path.replace(/^\/+/, '');
      if (content === null) files.delete(clean);
      else files.set(clean, toBuffer(content));
    }
    const date = options.date ?? new Date().toISOString();
    const message = options.message ?? 'Update files';
    const hash = crypto.createHash('sha1');
    hash.update(`${head?.sha ?? ''}\n${message}\n${date}\n`);
    for (const path of [...files.keys()].sort()) {
      hash.update(`${path}\0${gitBlobSha(files.get(path)!)}\n`);
    }
    const commit: GithubCommit = {
      sha: hash.digest('hex'),
      parent: head?.sha,
      message,
      author: options.author ?? 'standin-bot',
      date,
      files,
    };
    repo.commits.set(commit.sha, commit);
    repo.branches.set(branch, commit);
    return commit;
  }

  renameRepo(owner: string, from: string, to: string): GithubRepo {
    const org = this.org(owner);
    const repo = this.repo(owner, from);
    org.repos.delete(from.toLowerCase());
    repo.name = to;
    org.repos.set(to.toLowerCase(), repo);
    return repo;
  }

  deleteRepo(owner: string, name: string): void {
    this.repo(owner, name);
    this.org(owner).repos.delete(name.toLowerCase());
  }

  /** The commit a ref names: a branch, a full or short sha, or HEAD. */
  resolveRef(repo: GithubRepo, ref?: string): GithubCommit | undefined {
    if (!ref || ref === 'HEAD') return repo.branches.get(repo.defaultBranch);
    const branch = repo.branches.get(ref.replace(/^refs\/heads\//, ''));
    if (branch) return branch;
    if (/^[0-9a-f]{7,40}$/.test(ref)) {
      for (const commit of repo.commits.values()) {
        if (commit.sha.startsWith(ref)) return commit;
      }
    }
    return undefined;
  }
}
