import { Knex } from 'knex';
import { chunk, toDate } from './util';

/** When GitHub logins joined the organisation. */
export class MembershipStore {
  constructor(private readonly db: Knex) {}

  /** Keeps, per login, the latest join. */
  async put(joins: { login: string; joinedAt: Date }[]): Promise<void> {
    const latest = new Map<string, Date>();
    for (const j of joins) {
      const login = j.login.toLowerCase();
      const seen = latest.get(login);
      if (!seen || j.joinedAt > seen) latest.set(login, j.joinedAt);
    }
    const known = new Map(
      (await this.db('github_memberships')).map(r => [
        r.login as string,
        toDate(r.joined_at),
      ]),
    );
    const rows = [...latest]
      .filter(([login, at]) => !known.has(login) || at > known.get(login)!)
      .map(([login, at]) => ({ login, joined_at: at }));
    for (const part of chunk(rows, 200)) {
      await this.db('github_memberships')
        .insert(part)
        .onConflict('login')
        .merge(['joined_at']);
    }
  }

  async all(): Promise<Map<string, Date>> {
    const rows = await this.db('github_memberships');
    return new Map(rows.map(r => [r.login as string, toDate(r.joined_at)]));
  }
}
