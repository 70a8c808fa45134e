/** What a token may be refused, as a token without those scopes is on GitHub. */
export type GithubTokenRight = 'push' | 'delete';

/**
 * Rights taken away from tokens the stand-in otherwise accepts: `push` (a
 * token that may create repositories but not write to them: `git push` is
 * refused with 403) and `delete` (a classic token without the `delete_repo`
 * scope: `DELETE /repos/{owner}/{repo}` answers 403).
 */
export class GithubTokenLimits {
  private readonly denied = new Map<string, Set<GithubTokenRight>>();

  deny(token: string, ...rights: GithubTokenRight[]) {
    const set = this.denied.get(token) ?? new Set();
    rights.forEach(r => set.add(r));
    this.denied.set(token, set);
  }

  /** Gives back every right, to one token or to all. */
  clear(token?: string) {
    if (token) this.denied.delete(token);
    else this.denied.clear();
  }

  allows(token: string | undefined, right: GithubTokenRight): boolean {
    return !token || !this.denied.get(token)?.has(right);
  }
}
