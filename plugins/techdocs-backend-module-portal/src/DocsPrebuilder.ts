import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { CatalogService } from '@backstage/plugin-catalog-node';

/** What one prebuild pass did. */
export interface PrebuildResult {
  /** Entities whose docs were built (or rebuilt) in this pass. */
  built: string[];
  /** Entities whose docs were already up to date. */
  upToDate: string[];
  /** Entities whose docs failed to build, with the reason. */
  failed: { entityRef: string; reason: string }[];
  /** In a pass over new docs only: entities whose docs were already there. */
  skipped?: string[];
}

/** The last event of a TechDocs sync event stream: `finish` or `error`. */
export function lastSyncEvent(
  stream: string,
): { type: string; data: unknown } | undefined {
  const events = stream
    .split('\n\n')
    .map(block => {
      const type = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (!type) return undefined;
      try {
        return { type, data: data ? JSON.parse(data) : undefined };
      } catch {
        return { type, data };
      }
    })
    .filter((e): e is { type: string; data: unknown } => Boolean(e));
  return events.at(-1);
}

/**
 * Builds the docs of every entity that has them, through the TechDocs backend's
 * own sync endpoint, so that docs exist (and are searchable) before anyone
 * opens them. The sync endpoint skips docs that are up to date, so a pass over
 * unchanged docs costs one request per entity.
 *
 * Builds run one at a time: MkDocs is CPU-bound and the portal must stay
 * responsive while a pass runs.
 */
export class DocsPrebuilder {
  constructor(
    private readonly options: {
      catalog: CatalogService;
      auth: AuthService;
      discovery: DiscoveryService;
      logger: LoggerService;
    },
  ) {}

  /**
   * One pass. With `onlyNew`, only entities whose docs were never published
   * are built (a cheap check against the TechDocs backend, which reaches no
   * repository): new services' docs are then searchable within minutes, while
   * the full pass, which asks every repository whether it changed, stays rare.
   */
  async run(options: { onlyNew?: boolean } = {}): Promise<PrebuildResult> {
    const { catalog, auth, discovery, logger } = this.options;
    const credentials = await auth.getOwnServiceCredentials();
    const { items } = await catalog.getEntities(
      {
        filter: {
          'metadata.annotations.backstage.io/techdocs-ref':
            CATALOG_FILTER_EXISTS,
        },
        fields: ['kind', 'metadata.namespace', 'metadata.name'],
      },
      { credentials },
    );
    const base = await discovery.getBaseUrl('techdocs');
    const result: PrebuildResult = { built: [], upToDate: [], failed: [] };
    if (options.onlyNew) result.skipped = [];

    for (const entity of items) {
      const namespace = entity.metadata.namespace ?? 'default';
      const kind = entity.kind.toLocaleLowerCase('en-US');
      const name = entity.metadata.name;
      const ref = `${kind}:${namespace}/${name}`;
      const { token } = await auth.getPluginRequestToken({
        onBehalfOf: credentials,
        targetPluginId: 'techdocs',
      });
      const path = `${encodeURIComponent(namespace)}/${encodeURIComponent(
        kind,
      )}/${encodeURIComponent(name)}`;
      const headers = { Authorization: `Bearer ${token}` };
      try {
        if (options.onlyNew) {
          const published = await fetch(`${base}/metadata/techdocs/${path}`, {
            headers,
          });
          if (published.ok) {
            result.skipped!.push(ref);
            continue;
          }
        }
        const res = await fetch(`${base}/sync/${path}`, { headers });
        if (!res.ok) {
          throw new Error(`sync answered ${res.status} ${res.statusText}`);
        }
        const last = lastSyncEvent(await res.text());
        if (last?.type === 'finish') {
          const updated = (last.data as { updated?: boolean })?.updated;
          (updated ? result.built : result.upToDate).push(ref);
        } else {
          throw new Error(
            last?.type === 'error'
              ? String(last.data)
              : 'the sync stream ended without a result',
          );
        }
      } catch (e) {
        const reason = e instanceof Error ? e.message : String(e);
        result.failed.push({ entityRef: ref, reason });
        logger.warn(`Docs of ${ref} did not build: ${reason}`);
      }
    }
    if (!options.onlyNew || result.built.length || result.failed.length) {
      logger.info(
        `Docs prebuild${options.onlyNew ? ' (new docs)' : ''}: ${
          result.built.length
        } built, ${result.upToDate.length} up to date, ${
          result.failed.length
        } failed`,
      );
    }
    return result;
  }
}
