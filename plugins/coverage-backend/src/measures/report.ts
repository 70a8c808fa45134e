import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CoverageReport,
  EntityCompleteness,
  MissingRepository,
  ProductionService,
  SourceStatus,
} from '@internal/plugin-coverage-common';
import { CatalogView } from './catalogView';
import { CheckContext, completeness } from './checks';
import {
  EntityIndex,
  matchProductionServices,
  SourceRecords,
} from './matching';
import { rollUp } from './rollup';

/** The catalog matched against the production services, before owner guesses. */
export interface Assessment {
  catalog: CatalogView;
  services: ProductionService[];
  /** Completeness of every Component matched to a production service. */
  entities: Map<string, EntityCompleteness>;
  /** Production repositories without an entity (owner not guessed yet). */
  missing: MissingRepository[];
}

/** Matches the sources' services to the catalog and checks the matched entities. */
export function assess(options: {
  entities: Entity[];
  sources: SourceRecords[];
  docsBuilt: CheckContext['docsBuilt'];
  fixUrl: CheckContext['fixUrl'];
}): Assessment {
  const catalog = new CatalogView(options.entities);
  const services = matchProductionServices(
    options.sources,
    new EntityIndex(options.entities),
  );
  const ctx: CheckContext = {
    catalog,
    docsBuilt: options.docsBuilt,
    fixUrl: options.fixUrl,
  };
  const byRef = new Map<string, Entity>();
  for (const e of options.entities) {
    byRef.set(stringifyEntityRef(e), e);
  }
  const entities = new Map<string, EntityCompleteness>();
  for (const s of services) {
    if (s.entityRef && !entities.has(s.entityRef)) {
      entities.set(
        s.entityRef,
        completeness(byRef.get(s.entityRef)!, ctx, true),
      );
    }
  }
  const missing = services
    .filter(s => !s.entityRef && s.repoSlug)
    .map(s => ({
      repoSlug: s.repoSlug!,
      name: s.name,
      ...(s.url ? { url: s.url } : {}),
      sources: s.sources,
    }));
  return { catalog, services, entities, missing };
}

/** The snapshot's report, from an assessment whose missing repositories carry their owner guesses. */
export function buildReport(options: {
  assessment: Assessment;
  sources: SourceStatus[];
  threshold: number;
  day: string;
  takenAt: string;
  organisationTitle: string;
}): CoverageReport {
  const { assessment } = options;
  const scopes = rollUp({
    catalog: assessment.catalog,
    services: assessment.services,
    entities: assessment.entities,
    missing: assessment.missing,
    organisationTitle: options.organisationTitle,
  });
  return {
    day: options.day,
    takenAt: options.takenAt,
    threshold: options.threshold,
    ...scopes,
    sources: options.sources,
    missingSources: options.sources.filter(s => !s.ok).map(s => s.id),
  };
}
