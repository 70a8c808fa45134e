/** A group of the organisation, from the catalog. */
export interface OrgGroup {
  ref: string;
  title: string;
  type: string;
  parent: string | null;
  children: string[];
}

/** A person of the organisation, from the catalog. */
export interface OrgUser {
  ref: string;
  /** Groups the person is a direct member of. */
  groups: string[];
  /** `YYYY-MM-DD`, from the start-date annotation (or GitHub, when configured). */
  startDate?: string;
  githubLogin?: string;
  emails: string[];
}

/**
 * The organisation as the metrics need it: the group tree, and who is in it.
 * Built from the catalog (see CatalogOrgSource) or by hand in tests.
 */
export class OrgModel {
  readonly groups: ReadonlyMap<string, OrgGroup>;
  readonly users: ReadonlyMap<string, OrgUser>;
  /** Children of each group; the key null holds the top-level groups. */
  readonly childrenOf: ReadonlyMap<string | null, string[]>;
  private readonly byIdentity = new Map<string, string>();

  constructor(groups: OrgGroup[], users: OrgUser[]) {
    const groupMap = new Map(
      groups.map(g => [g.ref, { ...g, children: [] as string[] }]),
    );
    // A parent that is not in the catalog makes the group top-level.
    for (const g of groupMap.values()) {
      if (g.parent && !groupMap.has(g.parent)) g.parent = null;
    }
    const childrenOf = new Map<string | null, string[]>([[null, []]]);
    for (const g of groupMap.values()) {
      childrenOf.set(g.ref, childrenOf.get(g.ref) ?? []);
      const list = childrenOf.get(g.parent) ?? [];
      list.push(g.ref);
      childrenOf.set(g.parent, list);
    }
    for (const [ref, children] of childrenOf) {
      children.sort();
      if (ref) groupMap.get(ref)!.children = children;
    }
    this.groups = groupMap;
    this.childrenOf = childrenOf;
    this.users = new Map(users.map(u => [u.ref, u]));
    for (const u of users) {
      this.byIdentity.set(u.ref.toLowerCase(), u.ref);
      this.byIdentity.set(
        u.ref.replace(/^user:default\//, '').toLowerCase(),
        u.ref,
      );
      if (u.githubLogin)
        this.byIdentity.set(u.githubLogin.toLowerCase(), u.ref);
      for (const email of u.emails)
        this.byIdentity.set(email.toLowerCase(), u.ref);
    }
  }

  /** The group and every group below it. */
  descendantsOf(ref: string): Set<string> {
    const result = new Set<string>();
    const visit = (r: string) => {
      if (result.has(r)) return;
      result.add(r);
      for (const c of this.childrenOf.get(r) ?? []) visit(c);
    };
    visit(ref);
    return result;
  }

  /** Every group, depth first from the top-level groups. */
  descendantsOfRoot(): string[] {
    return (this.childrenOf.get(null) ?? []).flatMap(top => [
      ...this.descendantsOf(top),
    ]);
  }

  /** The given groups and every group above them. */
  withAncestors(refs: readonly string[]): Set<string> {
    const result = new Set<string>();
    for (let ref of refs) {
      let guard = 0;
      while (ref && this.groups.has(ref) && !result.has(ref) && guard++ < 100) {
        result.add(ref);
        ref = this.groups.get(ref)!.parent ?? '';
      }
    }
    return result;
  }

  /** People who are (directly or through a sub-group) in the group. */
  membersOf(ref: string): Set<string> {
    const groups = this.descendantsOf(ref);
    const result = new Set<string>();
    for (const u of this.users.values()) {
      if (u.groups.some(g => groups.has(g))) result.add(u.ref);
    }
    return result;
  }

  /**
   * The User a commit author or reporter names: an entity ref, an entity
   * name, a GitHub login (`github.com/user-login`) or an email address.
   */
  resolveUser(identity: string): string | undefined {
    return this.byIdentity.get(identity.trim().toLowerCase());
  }
}
