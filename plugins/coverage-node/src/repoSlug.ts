/**
 * The `owner/repo` slug of a git repository URL, or undefined when the URL
 * does not name one repository on one of `hosts` (default: github.com).
 *
 * Accepts the forms sources report: `https://github.com/acme/payments(.git)`,
 * `git@github.com:acme/payments.git`, `ssh://git@github.com/acme/payments`,
 * and a link into the repository (`.../acme/payments/tree/main/deploy`).
 * The case is kept as written; compare slugs case-insensitively, as GitHub does.
 */
export function repoSlugFromUrl(
  url: string,
  hosts: string[] = ['github.com'],
): string | undefined {
  const wanted = new Set(hosts.map(h => h.toLowerCase()));
  const scp = url.trim().match(/^[\w.-]+@([^:/]+):(.+)$/);
  let host: string;
  let path: string;
  if (scp) {
    [, host, path] = scp;
  } else {
    try {
      const parsed = new URL(url.trim());
      host = parsed.host;
      path = parsed.pathname;
    } catch {
      return undefined;
    }
  }
  if (!wanted.has(host.toLowerCase())) return undefined;
  const [owner, repo] = path
    .replace(/^\/+/, '')
    .split('/')
    .map(s => s.replace(/\.git$/, ''));
  const part = /^[A-Za-z0-9_.-]+$/;
  if (!owner || !repo || !part.test(owner) || !part.test(repo)) {
    return undefined;
  }
  return `${owner}/${repo}`;
}

/** Every distinct repository slug named by a GitHub URL in free text. */
export function repoSlugsInText(
  text: string,
  hosts: string[] = ['github.com'],
): string[] {
  const slugs = new Map<string, string>();
  for (const match of text.matchAll(/https?:\/\/[^\s<>()"'\]]+/g)) {
    const slug = repoSlugFromUrl(match[0].replace(/[.,;:!?]+$/, ''), hosts);
    if (slug && !slugs.has(slug.toLowerCase())) {
      slugs.set(slug.toLowerCase(), slug);
    }
  }
  return [...slugs.values()];
}

/** `acme/payments` -> `{ owner: 'acme', repo: 'payments' }`; throws on anything else. */
export function splitRepoSlug(repoSlug: string): {
  owner: string;
  repo: string;
} {
  const [owner, repo, ...rest] = repoSlug.split('/');
  if (!owner || !repo || rest.length) {
    throw new Error(`"${repoSlug}" is not a repository slug (owner/repo)`);
  }
  return { owner, repo };
}
