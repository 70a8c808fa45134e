import { ResponseError } from '@backstage/errors';
import { MembershipStore } from '../database/MembershipStore';

interface AuditLogEntry {
  action: string;
  user?: string;
  created_at?: number;
  '@timestamp'?: number;
}

/**
 * Reads when people joined the GitHub organisation from its audit log
 * (`GET /orgs/{org}/audit-log?phrase=action:org.add_member`, GitHub
 * Enterprise Cloud): GitHub's membership API has no join date. The audit log
 * keeps 180 days of git events but all of these, so the first run reads it
 * all, and later runs stop at the first page with nothing new.
 */
export class GithubMembershipCollector {
  constructor(
    private readonly options: {
      apiBaseUrl: string;
      token?: string;
      org: string;
      store: MembershipStore;
    },
  ) {}

  async run(): Promise<number> {
    const { apiBaseUrl, token, org, store } = this.options;
    const known = await store.all();
    const joins: { login: string; joinedAt: Date }[] = [];
    for (let page = 1; page <= 100; page++) {
      const res = await fetch(
        `${apiBaseUrl}/orgs/${encodeURIComponent(
          org,
        )}/audit-log?phrase=${encodeURIComponent(
          'action:org.add_member',
        )}&per_page=100&page=${page}`,
        {
          headers: {
            Accept: 'application/vnd.github+json',
            ...(token ? { Authorization: `Bearer ${token}` } : {}),
          },
        },
      );
      if (!res.ok) throw await ResponseError.fromResponse(res);
      const entries = (await res.json()) as AuditLogEntry[];
      const fresh = entries
        .filter(e => e.action === 'org.add_member' && e.user)
        .map(e => ({
          login: e.user!.toLowerCase(),
          joinedAt: new Date(e.created_at ?? e['@timestamp'] ?? 0),
        }))
        .filter(
          j => !(known.get(j.login) && known.get(j.login)! >= j.joinedAt),
        );
      joins.push(...fresh);
      // Newest first: a page with nothing new means the rest is known.
      if (entries.length < 100 || fresh.length === 0) break;
    }
    await store.put(joins);
    return joins.length;
  }
}
