import {
  Entity,
  parseEntityRef,
  RELATION_CHILD_OF,
  RELATION_HAS_MEMBER,
  RELATION_MEMBER_OF,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** A Group as the roll-up sees it. */
export interface GroupNode {
  ref: string;
  title: string;
  parentRef?: string;
  /** Direct members (Users), by entity ref. */
  members: Set<string>;
}

/**
 * The parts of the catalog the measures read, indexed once per snapshot:
 * which entities exist, the Group tree with its members, and Systems.
 */
export class CatalogView {
  readonly refs = new Set<string>();
  readonly groups = new Map<string, GroupNode>();
  readonly systems = new Map<string, string>();
  /** GitHub logins, emails and names of Users, to their entity ref. */
  readonly usersByIdentity = new Map<string, string>();
  readonly userGroups = new Map<string, string[]>();

  constructor(readonly entities: Entity[]) {
    for (const e of entities) this.refs.add(stringifyEntityRef(e));
    for (const e of entities) {
      const ref = stringifyEntityRef(e);
      const kind = e.kind.toLocaleLowerCase('en-US');
      if (kind === 'group') this.addGroup(e, ref);
      if (kind === 'system') {
        this.systems.set(ref, e.metadata.title ?? e.metadata.name);
      }
    }
    for (const e of entities) {
      if (e.kind.toLocaleLowerCase('en-US') !== 'user') continue;
      const ref = stringifyEntityRef(e);
      const groups = new Set<string>();
      for (const r of e.relations ?? []) {
        if (r.type === RELATION_MEMBER_OF) groups.add(r.targetRef);
      }
      for (const name of (e.spec?.memberOf as string[] | undefined) ?? []) {
        groups.add(this.resolve(name, 'group', e));
      }
      this.userGroups.set(ref, [...groups].sort());
      for (const g of groups) this.groups.get(g)?.members.add(ref);
      const identities = [
        e.metadata.name,
        e.metadata.annotations?.['github.com/user-login'],
        (e.spec?.profile as { email?: string } | undefined)?.email,
      ];
      for (const id of identities) {
        if (id) this.usersByIdentity.set(id.toLocaleLowerCase('en-US'), ref);
      }
    }
  }

  private addGroup(e: Entity, ref: string) {
    const node: GroupNode = {
      ref,
      title:
        e.metadata.title ??
        (e.spec?.profile as { displayName?: string } | undefined)
          ?.displayName ??
        e.metadata.name,
      members: new Set(),
    };
    const parent =
      e.relations?.find(r => r.type === RELATION_CHILD_OF)?.targetRef ??
      (typeof e.spec?.parent === 'string'
        ? this.resolve(e.spec.parent, 'group', e)
        : undefined);
    if (parent) node.parentRef = parent;
    for (const r of e.relations ?? []) {
      if (r.type === RELATION_HAS_MEMBER) node.members.add(r.targetRef);
    }
    for (const m of (e.spec?.members as string[] | undefined) ?? []) {
      node.members.add(this.resolve(m, 'user', e));
    }
    this.groups.set(ref, node);
  }

  /** A shorthand ref (`team-a`, `group:team-a`) in full, as the catalog reads it. */
  resolve(ref: string, defaultKind: string, context: Entity): string {
    return stringifyEntityRef(
      parseEntityRef(ref, {
        defaultKind,
        defaultNamespace: context.metadata.namespace ?? 'default',
      }),
    );
  }

  /** The Group and every Group above it, nearest first (cycles cut). */
  ancestry(groupRef: string): string[] {
    const chain: string[] = [];
    let current: string | undefined = groupRef;
    while (current && this.groups.has(current) && !chain.includes(current)) {
      chain.push(current);
      current = this.groups.get(current)!.parentRef;
    }
    return chain;
  }

  /** The owner of an entity as a full ref, or undefined when it has none. */
  ownerOf(entity: Entity): string | undefined {
    const owner = entity.spec?.owner;
    if (typeof owner !== 'string' || !owner.trim()) return undefined;
    try {
      return this.resolve(owner, 'group', entity);
    } catch {
      return undefined;
    }
  }

  /** The System of an entity as a full ref, or undefined. */
  systemOf(entity: Entity): string | undefined {
    const system = entity.spec?.system;
    if (typeof system !== 'string' || !system.trim()) return undefined;
    try {
      return this.resolve(system, 'system', entity);
    } catch {
      return undefined;
    }
  }
}
