import crypto from 'node:crypto';
import { GithubCommit, GithubWorld } from './model';
import { GithubUrls, orgJson, repoJson } from './shapes';

/** GitHub's signature of a delivery: `sha256=` HMAC of the raw body. */
export function signWebhook(secret: string, body: string): string {
  return `sha256=${crypto
    .createHmac('sha256', secret)
    .update(body)
    .digest('hex')}`;
}

/** The files a commit added, removed and modified against its parent. */
function diff(before: GithubCommit | undefined, after: GithubCommit) {
  const old = before?.files ?? new Map<string, Buffer>();
  const added: string[] = [];
  const modified: string[] = [];
  for (const [path, content] of after.files) {
    if (!old.has(path)) added.push(path);
    else if (!old.get(path)!.equals(content)) modified.push(path);
  }
  const removed = [...old.keys()].filter(p => !after.files.has(p));
  return { added, removed, modified };
}

/**
 * The `push` event GitHub delivers for a commit on a branch (the fields
 * webhook consumers read: ref, before/after, repository, organization,
 * commits with their added/removed/modified files).
 */
export function pushEventPayload(
  world: GithubWorld,
  urls: GithubUrls,
  owner: string,
  name: string,
  commit: GithubCommit,
  branch?: string,
) {
  const repo = world.repo(owner, name);
  const parent = commit.parent ? repo.commits.get(commit.parent) : undefined;
  const ref = `refs/heads/${branch ?? repo.defaultBranch}`;
  const pusher = world.users.get(commit.author.toLowerCase());
  return {
    ref,
    before: commit.parent ?? '0'.repeat(40),
    after: commit.sha,
    created: !commit.parent,
    deleted: false,
    forced: false,
    repository: {
      ...repoJson(urls, repo),
      owner: { login: repo.owner, name: repo.owner, type: 'Organization' },
      master_branch: repo.defaultBranch,
    },
    organization: orgJson(urls, world.org(owner)),
    pusher: { name: commit.author, email: pusher?.email ?? null },
    sender: { login: commit.author, type: 'User' },
    head_commit: null as unknown,
    commits: [
      {
        id: commit.sha,
        tree_id: commit.sha,
        distinct: true,
        message: commit.message,
        timestamp: commit.date,
        url: `${urls.web}/${repo.owner}/${repo.name}/commit/${commit.sha}`,
        author: { name: commit.author, username: commit.author },
        committer: { name: commit.author, username: commit.author },
        ...diff(parent, commit),
      },
    ],
  };
}

/** A delivery to a webhook receiver, signed as GitHub signs it. */
export async function deliverWebhook(options: {
  url: string;
  event: string;
  payload: unknown;
  /** The shared secret; a wrong one gives a bad signature. */
  secret: string;
}): Promise<{ status: number; body: string }> {
  const body = JSON.stringify(options.payload);
  const res = await fetch(options.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/standin',
      'x-github-event': options.event,
      'x-github-delivery': crypto.randomUUID(),
      'x-github-hook-id': '1',
      'x-hub-signature-256': signWebhook(options.secret, body),
    },
    body,
  });
  return { status: res.status, body: await res.text() };
}
