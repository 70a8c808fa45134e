import { GithubCommit, GithubOrg, GithubRepo, GithubUser } from './model';

/** Where the stand-in answers: the REST base (`.../api/v3`) and the web root. */
export interface GithubUrls {
  api: string;
  web: string;
  /** Where git's smart HTTP answers (`clone_url`); default: `web`. */
  git?: string;
}

/** A user as GitHub's REST API shows one. */
export function userJson(urls: GithubUrls, user: GithubUser) {
  return {
    login: user.login,
    id: user.id,
    node_id: Buffer.from(`04:User${user.id}`).toString('base64'),
    avatar_url: user.avatarUrl ?? `${urls.web}/avatars/u/${user.id}?v=4`,
    url: `${urls.api}/users/${user.login}`,
    html_url: `${urls.web}/${user.login}`,
    type: 'User',
    site_admin: false,
    name: user.name ?? null,
    email: user.email ?? null,
    bio: user.bio ?? null,
  };
}

export function orgJson(urls: GithubUrls, org: GithubOrg) {
  return {
    login: org.login,
    id: org.id,
    node_id: Buffer.from(`012:Organization${org.id}`).toString('base64'),
    url: `${urls.api}/orgs/${org.login}`,
    repos_url: `${urls.api}/orgs/${org.login}/repos`,
    avatar_url: `${urls.web}/avatars/o/${org.id}?v=4`,
    type: 'Organization',
  };
}

/** A repository as GitHub's REST API shows one (the fields clients read). */
export function repoJson(urls: GithubUrls, repo: GithubRepo) {
  const base = `${urls.api}/repos/${repo.owner}/${repo.name}`;
  const head = repo.branches.get(repo.defaultBranch);
  return {
    id: repo.id,
    node_id: Buffer.from(`010:Repository${repo.id}`).toString('base64'),
    name: repo.name,
    full_name: `${repo.owner}/${repo.name}`,
    private: repo.visibility !== 'public',
    owner: {
      login: repo.owner,
      type: 'Organization',
      url: `${urls.api}/orgs/${repo.owner}`,
    },
    html_url: `${urls.web}/${repo.owner}/${repo.name}`,
    description: repo.description ?? null,
    fork: repo.fork,
    url: base,
    archive_url: `${base}/{archive_format}{/ref}`,
    trees_url: `${base}/git/trees{/sha}`,
    blobs_url: `${base}/git/blobs{/sha}`,
    contents_url: `${base}/contents/{+path}`,
    commits_url: `${base}/commits{/sha}`,
    clone_url: `${urls.git ?? urls.web}/${repo.owner}/${repo.name}.git`,
    created_at: repo.createdAt,
    updated_at: head?.date ?? repo.createdAt,
    pushed_at: head?.date ?? repo.createdAt,
    size: head
      ? Math.ceil(
          [...head.files.values()].reduce((n, f) => n + f.length, 0) / 1024,
        )
      : 0,
    archived: repo.archived,
    disabled: false,
    visibility: repo.visibility,
    topics: repo.topics,
    default_branch: repo.defaultBranch,
  };
}

/** A commit as the commits API lists it. */
export function commitJson(
  urls: GithubUrls,
  repo: GithubRepo,
  commit: GithubCommit,
  author?: GithubUser,
) {
  const signature = {
    name: author?.name ?? commit.author,
    email: author?.email ?? `${commit.author}@users.noreply.github.com`,
    date: commit.date,
  };
  return {
    sha: commit.sha,
    node_id: Buffer.from(`06:Commit${commit.sha}`).toString('base64'),
    url: `${urls.api}/repos/${repo.owner}/${repo.name}/commits/${commit.sha}`,
    html_url: `${urls.web}/${repo.owner}/${repo.name}/commit/${commit.sha}`,
    commit: {
      message: commit.message,
      author: signature,
      committer: signature,
    },
    author: author ? userJson(urls, author) : null,
    committer: author ? userJson(urls, author) : null,
    parents: commit.parent ? [{ sha: commit.parent }] : [],
  };
}
