import { MembershipStore } from '../database/MembershipStore';
import { OrgModel } from './OrgModel';
import { OrgSource } from './CatalogOrgSource';

/**
 * The organisation, with GitHub membership dates as the start date of people
 * whose User entity has no start-date annotation (the annotation wins).
 */
export class MembershipOrgSource implements OrgSource {
  constructor(
    private readonly inner: OrgSource & { refresh?(): Promise<OrgModel> },
    private readonly memberships: MembershipStore,
  ) {}

  async get(): Promise<OrgModel> {
    return this.withDates(await this.inner.get());
  }

  async refresh(): Promise<OrgModel> {
    return this.withDates(await (this.inner.refresh?.() ?? this.inner.get()));
  }

  private async withDates(model: OrgModel): Promise<OrgModel> {
    const joined = await this.memberships.all();
    if (joined.size === 0) return model;
    const users = [...model.users.values()].map(u => {
      const at =
        !u.startDate && u.githubLogin
          ? joined.get(u.githubLogin.toLowerCase())
          : undefined;
      return at ? { ...u, startDate: at.toISOString().slice(0, 10) } : u;
    });
    return new OrgModel([...model.groups.values()], users);
  }
}
