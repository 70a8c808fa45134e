import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CheckId,
  CheckResult,
  EntityCompleteness,
  MeasureId,
} from '@internal/plugin-coverage-common';
import { CatalogView } from './catalogView';

export const TECHDOCS_ANNOTATION = 'backstage.io/techdocs-ref';
export const PAGERDUTY_ANNOTATIONS = [
  'pagerduty.com/service-id',
  'pagerduty.com/integration-key',
];
export const ARGOCD_ANNOTATIONS = ['argocd/app-name', 'argocd/app-selector'];
export const EDIT_URL_ANNOTATION = 'backstage.io/edit-url';

type EntityMeasure = Exclude<MeasureId, 'coverage'>;

/** An entity as the catalog API returns it, with its processing status. */
type EntityWithStatus = Entity & {
  status?: { items?: { level: string; message: string }[] };
};

/** What the checks need beyond the entity itself. */
export interface CheckContext {
  catalog: CatalogView;
  /** Whether the entity's TechDocs built (published); false when unknown. */
  docsBuilt(entityRef: string): boolean;
  /** The link to the docs section that says how to fix a check. */
  fixUrl(check: CheckId): string;
}

/** Which measure each check belongs to, in the order the card lists them. */
export const CHECK_MEASURES: Record<CheckId, EntityMeasure> = {
  'owner-resolves': 'ownership',
  'owner-has-members': 'ownership',
  'techdocs-annotation': 'documentation',
  'techdocs-builds': 'documentation',
  pagerduty: 'operability',
  argocd: 'operability',
  runbook: 'operability',
  lifecycle: 'hygiene',
  system: 'hygiene',
  'relations-resolve': 'hygiene',
  'no-processing-error': 'hygiene',
};

const FIXES: Record<CheckId, string> = {
  'owner-resolves':
    'Set spec.owner to a Group that exists in the catalog (e.g. owner: team-payments).',
  'owner-has-members':
    'Add members to the owning Group (spec.members, or spec.memberOf on its Users), or hand the entity to a Group that has people.',
  'techdocs-annotation':
    'Add mkdocs.yml and docs/index.md to the repository and the annotation backstage.io/techdocs-ref: dir:.',
  'techdocs-builds':
    "Open the entity's Docs tab: the build log says what failed (mkdocs.yml, a missing page, a plugin the portal does not have).",
  pagerduty:
    'Add the annotation pagerduty.com/service-id with the id of the PagerDuty service that pages for it.',
  argocd:
    'Add the annotation argocd/app-name with the name of the Argo CD application that deploys it.',
  runbook:
    'Add a link with type: runbook (metadata.links) pointing at the runbook.',
  lifecycle: 'Set spec.lifecycle (experimental, production or deprecated).',
  system: 'Set spec.system to the System the entity belongs to.',
  'relations-resolve':
    'Fix or remove the references to entities that do not exist (owner, system, dependsOn, providesApis, consumesApis).',
  'no-processing-error':
    "Fix the error shown on the entity's page (About card) or on the catalog health page.",
};

function hasAny(entity: Entity, keys: string[]) {
  const annotations = entity.metadata.annotations ?? {};
  return keys.some(k => Boolean(annotations[k]?.trim()));
}

/** A runbook link: metadata.links with type runbook, or titled "Runbook". */
export function runbookLink(entity: Entity): string | undefined {
  return entity.metadata.links?.find(
    l =>
      l.type?.toLocaleLowerCase('en-US') === 'runbook' ||
      /runbook/i.test(l.title ?? ''),
  )?.url;
}

/** Runs every check on one entity. Pure: everything comes from the context. */
export function checkEntity(entity: Entity, ctx: CheckContext): CheckResult[] {
  const { catalog } = ctx;
  const ref = stringifyEntityRef(entity);
  const results: CheckResult[] = [];
  const add = (id: CheckId, ok: boolean, detail: string) =>
    results.push({
      id,
      measure: CHECK_MEASURES[id],
      ok,
      detail,
      fix: FIXES[id],
      fixUrl: ctx.fixUrl(id),
    });

  const owner = catalog.ownerOf(entity);
  const group = owner ? catalog.groups.get(owner) : undefined;
  add(
    'owner-resolves',
    Boolean(group),
    // eslint-disable-next-line no-nested-ternary
    !owner
      ? 'no spec.owner'
      : group
      ? `owner ${owner} is a Group in the catalog`
      : `owner ${owner} is not a Group in the catalog`,
  );
  const members = group?.members.size ?? 0;
  add(
    'owner-has-members',
    members > 0,
    group
      ? `${owner} has ${members} member${members === 1 ? '' : 's'}`
      : 'no owning Group to have members',
  );

  const hasDocs = hasAny(entity, [TECHDOCS_ANNOTATION]);
  add(
    'techdocs-annotation',
    hasDocs,
    hasDocs
      ? `${TECHDOCS_ANNOTATION}: ${
          entity.metadata.annotations![TECHDOCS_ANNOTATION]
        }`
      : `no ${TECHDOCS_ANNOTATION} annotation`,
  );
  const built = hasDocs && ctx.docsBuilt(ref);
  add(
    'techdocs-builds',
    built,
    // eslint-disable-next-line no-nested-ternary
    !hasDocs
      ? 'no docs to build'
      : built
      ? 'the docs are built and published'
      : 'the docs have not been built (the last build failed or never ran)',
  );

  const pd = hasAny(entity, PAGERDUTY_ANNOTATIONS);
  add(
    'pagerduty',
    pd,
    pd ? 'on-call: PagerDuty annotation set' : 'no PagerDuty annotation',
  );
  const argo = hasAny(entity, ARGOCD_ANNOTATIONS);
  add(
    'argocd',
    argo,
    argo ? 'deployment: Argo CD annotation set' : 'no Argo CD annotation',
  );
  const runbook = runbookLink(entity);
  add(
    'runbook',
    Boolean(runbook),
    runbook ? `runbook: ${runbook}` : 'no runbook link',
  );

  const lifecycle = entity.spec?.lifecycle;
  add(
    'lifecycle',
    typeof lifecycle === 'string' && lifecycle.trim() !== '',
    lifecycle ? `lifecycle: ${lifecycle}` : 'no spec.lifecycle',
  );
  const system = catalog.systemOf(entity);
  add(
    'system',
    Boolean(system),
    system ? `system: ${system}` : 'no spec.system',
  );

  const dangling = [
    ...new Set(
      (entity.relations ?? [])
        .map(r => r.targetRef)
        .filter(target => !catalog.refs.has(target)),
    ),
  ].sort();
  add(
    'relations-resolve',
    dangling.length === 0,
    dangling.length === 0
      ? 'every relation points at an existing entity'
      : `relations point at entities that do not exist: ${dangling.join(', ')}`,
  );

  // The catalog's processing errors: the last valid version of the entity stays,
  // with the error in status.items.
  const status = (entity as EntityWithStatus).status;
  const errors = (status?.items ?? []).filter(i => i.level === 'error');
  add(
    'no-processing-error',
    errors.length === 0,
    errors.length === 0
      ? 'no processing error'
      : errors.map(e => e.message).join('; '),
  );
  return results;
}

/** The entity's card: its checks and a pass/fail per measure. */
export function completeness(
  entity: Entity,
  ctx: CheckContext,
  production: boolean,
): EntityCompleteness {
  const checks = checkEntity(entity, ctx);
  const passes = (measure: EntityMeasure) =>
    checks.filter(c => c.measure === measure).every(c => c.ok);
  const editUrl = entity.metadata.annotations?.[EDIT_URL_ANNOTATION];
  return {
    entityRef: stringifyEntityRef(entity),
    title: entity.metadata.title,
    kind: entity.kind,
    type: typeof entity.spec?.type === 'string' ? entity.spec.type : undefined,
    owner: ctx.catalog.ownerOf(entity),
    system: ctx.catalog.systemOf(entity),
    production,
    measures: {
      ownership: passes('ownership'),
      documentation: passes('documentation'),
      operability: passes('operability'),
      hygiene: passes('hygiene'),
    },
    checks,
    ...(editUrl ? { editUrl } : {}),
  };
}
