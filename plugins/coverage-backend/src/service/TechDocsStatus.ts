import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { DocsStatus } from './SnapshotService';
import { mapPool } from './pool';

/**
 * Whether an entity's docs build, as the TechDocs backend knows it: docs that
 * built are published, and the publisher serves their techdocs_metadata.json.
 * A build that failed publishes nothing (the portal's prebuilder builds every
 * entity's docs at start and then on a schedule, so "not published" means the
 * build failed or has not run yet).
 */
export class TechDocsStatus implements DocsStatus {
  constructor(
    private readonly deps: {
      discovery: DiscoveryService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  async built(entities: Entity[]): Promise<Set<string>> {
    const { discovery, auth, logger } = this.deps;
    const result = new Set<string>();
    if (entities.length === 0) return result;
    let base: string;
    let token: string;
    try {
      base = await discovery.getBaseUrl('techdocs');
      ({ token } = await auth.getPluginRequestToken({
        onBehalfOf: await auth.getOwnServiceCredentials(),
        targetPluginId: 'techdocs',
      }));
    } catch (error) {
      logger.warn(`coverage cannot reach TechDocs: ${error}`);
      return result;
    }
    await mapPool(entities, 8, async entity => {
      const path = [
        entity.metadata.namespace ?? 'default',
        entity.kind,
        entity.metadata.name,
      ]
        // The publisher stores docs under lower-case paths by default.
        .map(part => encodeURIComponent(part.toLocaleLowerCase('en-US')))
        .join('/');
      try {
        const res = await fetch(
          `${base}/static/docs/${path}/techdocs_metadata.json`,
          { headers: { Authorization: `Bearer ${token}` } },
        );
        if (res.ok) result.add(stringifyEntityRef(entity));
        await res.body?.cancel();
      } catch (error) {
        logger.warn(
          `coverage could not ask TechDocs about ${stringifyEntityRef(
            entity,
          )}: ${error}`,
        );
      }
    });
    return result;
  }
}
