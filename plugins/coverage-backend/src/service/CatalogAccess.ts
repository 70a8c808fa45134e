import { AuthService } from '@backstage/backend-plugin-api';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { CatalogService } from '@backstage/plugin-catalog-node';

const FIELDS = [
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
  'metadata.annotations',
  'metadata.links',
  'spec.type',
  'spec.owner',
  'spec.system',
  'spec.lifecycle',
  'spec.parent',
  'spec.profile',
  'spec.memberOf',
  'relations',
  'status',
];
const PAGE = 1000;

/** Reads the catalog with the plugin's own service credentials. */
export class CatalogAccess {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
  ) {}

  /** Every entity, the fields the measures read, a page at a time. */
  async loadAll(): Promise<Entity[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const all: Entity[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.catalog.queryEntities(
        cursor
          ? { cursor, limit: PAGE, fields: FIELDS }
          : { limit: PAGE, fields: FIELDS, totalItems: 'exclude' },
        { credentials },
      );
      all.push(...page.items);
      cursor = page.pageInfo.nextCursor;
    } while (cursor);
    return all;
  }

  async get(ref: string): Promise<Entity | undefined> {
    const credentials = await this.auth.getOwnServiceCredentials();
    return this.catalog.getEntityByRef(ref, { credentials });
  }

  /**
   * One entity and what its checks need: its owner Group and the Users that
   * are its members, its System and every entity its relations point at that
   * exists.
   */
  async neighbourhood(entity: Entity): Promise<Entity[]> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const refs = new Set((entity.relations ?? []).map(r => r.targetRef));
    const owner = entity.spec?.owner;
    if (typeof owner === 'string') {
      try {
        refs.add(
          stringifyEntityRef(
            parseEntityRef(owner, {
              defaultKind: 'group',
              defaultNamespace: entity.metadata.namespace ?? 'default',
            }),
          ),
        );
      } catch {
        // An owner that is not a ref fails the check; nothing to fetch.
      }
    }
    const { items } = await this.catalog.getEntitiesByRefs(
      { entityRefs: [...refs] },
      { credentials },
    );
    return items.filter((e): e is Entity => Boolean(e));
  }
}
