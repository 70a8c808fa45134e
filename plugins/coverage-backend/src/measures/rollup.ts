import {
  EntityCompleteness,
  MeasureId,
  Measures,
  MeasureValue,
  MissingRepository,
  ProductionService,
  ScopeReport,
} from '@internal/plugin-coverage-common';
import { CatalogView } from './catalogView';

/** The ref of the organisation-wide scope (GET /trend?scope=organisation). */
export const ORGANISATION_SCOPE = 'organisation';

export function measureValue(
  numerator: number,
  denominator: number,
): MeasureValue {
  return {
    numerator,
    denominator,
    ratio: denominator === 0 ? null : numerator / denominator,
  };
}

interface Tally {
  services: number;
  matched: number;
  entities: Set<string>;
}

const ENTITY_MEASURES: Exclude<MeasureId, 'coverage'>[] = [
  'ownership',
  'documentation',
  'operability',
  'hygiene',
];

/**
 * Adds up the measures per scope: the organisation, every Group (rolled up
 * through the Group tree: a department counts its teams' services) and every
 * System. A production service belongs to its Component's owner and System; a
 * service missing from the catalog belongs to the Group its owner was guessed
 * to be (it has no System). An entity counts once per scope however many
 * sources reported it.
 */
export function rollUp(options: {
  catalog: CatalogView;
  services: ProductionService[];
  entities: Map<string, EntityCompleteness>;
  missing: MissingRepository[];
  organisationTitle: string;
}): {
  organisation: ScopeReport;
  teams: ScopeReport[];
  systems: ScopeReport[];
} {
  const { catalog, services, entities } = options;
  const tallies = new Map<string, Tally>();
  const tally = (scope: string) => {
    let t = tallies.get(scope);
    if (!t) {
      t = { services: 0, matched: 0, entities: new Set() };
      tallies.set(scope, t);
    }
    return t;
  };
  const guesses = new Map(
    options.missing.map(m => [m.repoSlug, m.ownerGuess?.ref]),
  );

  for (const service of services) {
    const entity = service.entityRef
      ? entities.get(service.entityRef)
      : undefined;
    const owner = entity
      ? entity.owner
      : service.repoSlug && guesses.get(service.repoSlug);
    const scopes = new Set([ORGANISATION_SCOPE]);
    if (owner) for (const g of catalog.ancestry(owner)) scopes.add(g);
    if (entity?.system) scopes.add(entity.system);
    for (const scope of scopes) {
      const t = tally(scope);
      t.services += 1;
      if (entity) {
        t.matched += 1;
        t.entities.add(entity.entityRef);
      }
    }
  }

  const report = (
    ref: string,
    kind: ScopeReport['kind'],
    title: string,
    parentRef?: string,
  ): ScopeReport => {
    const t = tallies.get(ref) ?? {
      services: 0,
      matched: 0,
      entities: new Set<string>(),
    };
    const list = [...t.entities].map(r => entities.get(r)!);
    const measures = {
      coverage: measureValue(t.matched, t.services),
    } as Measures;
    for (const m of ENTITY_MEASURES) {
      measures[m] = measureValue(
        list.filter(e => e.measures[m]).length,
        list.length,
      );
    }
    const failedChecks = list.reduce(
      (sum, e) => sum + e.checks.filter(c => !c.ok).length,
      0,
    );
    return {
      ref,
      kind,
      title,
      ...(parentRef ? { parentRef } : {}),
      measures,
      gap: t.services - t.matched + failedChecks,
    };
  };

  const teams = [...catalog.groups.values()]
    .map(g => report(g.ref, 'group', g.title, g.parentRef))
    .sort((a, b) => b.gap - a.gap || a.ref.localeCompare(b.ref));
  const systems = [...catalog.systems.entries()]
    .map(([ref, title]) => report(ref, 'system', title))
    .sort((a, b) => b.gap - a.gap || a.ref.localeCompare(b.ref));
  return {
    organisation: report(
      ORGANISATION_SCOPE,
      'organisation',
      options.organisationTitle,
    ),
    teams,
    systems,
  };
}
