import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { AdoptionStore, ComponentSeenRow } from '../database/AdoptionStore';
import { MetaStore } from '../database/MetaStore';

/** Annotations the golden paths write into every component they create. */
export const SOURCE_TEMPLATE_ANNOTATION = 'backstage.io/source-template';
export const TEMPLATE_VERSION_ANNOTATION = 'acme-pay.example/template-version';

/**
 * Components that appear within this long after the portal first read the
 * catalog were already there (the catalog fills up over the first minutes
 * after a start): they are the baseline, not new components.
 */
const BASELINE_WINDOW_MS = 60 * 60_000;

/**
 * Records when each component first appeared and which template (and template
 * version) made it, and the current version of every template. The catalog
 * itself keeps no creation time, so the first sighting is the best evidence.
 */
export class CatalogCollector {
  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly store: AdoptionStore,
    private readonly meta: MetaStore,
    private readonly logger: LoggerService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async run(): Promise<void> {
    const credentials = await this.auth.getOwnServiceCredentials();
    const fields = [
      'kind',
      'metadata.name',
      'metadata.namespace',
      'metadata.title',
      'metadata.annotations',
      'spec.owner',
    ];
    const [{ items: templates }, { items: components }] = await Promise.all([
      this.catalog.getEntities(
        { filter: { kind: 'Template' }, fields },
        { credentials },
      ),
      this.catalog.getEntities(
        { filter: { kind: 'Component' }, fields },
        { credentials },
      ),
    ]);

    await this.store.putTemplates(
      templates.map(t => ({
        templateRef: stringifyEntityRef(t),
        title: t.metadata.title,
        currentVersion: t.metadata.annotations?.[TEMPLATE_VERSION_ANNOTATION],
        source: 'live' as const,
      })),
    );

    const now = this.now();
    let firstRead = await this.meta.get('catalog-first-read');
    if (!firstRead) {
      firstRead = now.toISOString();
      await this.meta.set('catalog-first-read', firstRead);
    }
    const baseline = now.getTime() - Date.parse(firstRead) < BASELINE_WINDOW_MS;
    const known = await this.store.knownComponents();
    const rows: ComponentSeenRow[] = components.map(c => {
      const ref = stringifyEntityRef(c);
      const seen = known.get(ref);
      return {
        entityRef: ref,
        firstSeenAt: seen?.firstSeenAt ?? now,
        baseline: seen?.baseline ?? baseline,
        ...templateOf(c),
        ownerRef: ownerOf(c),
        source: 'live',
      };
    });
    await this.store.putComponents(rows);
    const added = rows.filter(r => !known.has(r.entityRef)).length;
    if (added > 0) {
      this.logger.info(
        `Recorded ${added} new components${baseline ? ' (baseline)' : ''}`,
      );
    }
  }
}

function templateOf(c: Entity): {
  templateRef?: string;
  templateVersion?: string;
} {
  const source = c.metadata.annotations?.[SOURCE_TEMPLATE_ANNOTATION];
  if (!source) return {};
  try {
    return {
      templateRef: stringifyEntityRef(
        parseEntityRef(source, {
          defaultKind: 'template',
          defaultNamespace: 'default',
        }),
      ),
      templateVersion: c.metadata.annotations?.[TEMPLATE_VERSION_ANNOTATION],
    };
  } catch {
    return {};
  }
}

function ownerOf(c: Entity): string | undefined {
  const owner = (c.spec as { owner?: unknown } | undefined)?.owner;
  if (typeof owner !== 'string') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(owner, {
        defaultKind: 'group',
        defaultNamespace: c.metadata.namespace ?? 'default',
      }),
    );
  } catch {
    return undefined;
  }
}
