import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  ProductionServiceRecord,
  repoSlugFromUrl,
} from '@internal/plugin-coverage-node';
import { ProductionService } from '@internal/plugin-coverage-common';

/** The annotation that names an entity's repository. */
export const PROJECT_SLUG_ANNOTATION = 'github.com/project-slug';

/**
 * Annotations that say where an entity was read from, most specific first.
 * An entity discovered from a repository's catalog-info.yaml belongs to that
 * repository even when it has no `github.com/project-slug`.
 */
const LOCATION_ANNOTATIONS = [
  'backstage.io/source-location',
  'backstage.io/managed-by-origin-location',
  'backstage.io/managed-by-location',
];

/** The repository an entity was read from, when that is a GitHub URL. */
export function slugOfLocation(entity: Entity): string | undefined {
  for (const key of LOCATION_ANNOTATIONS) {
    const value = entity.metadata.annotations?.[key];
    if (!value?.startsWith('url:')) continue;
    const slug = repoSlugFromUrl(value.slice('url:'.length));
    if (slug) return normaliseSlug(slug);
  }
  return undefined;
}

/** What one source reported, ready to be matched. */
export interface SourceRecords {
  sourceId: string;
  records: ProductionServiceRecord[];
}

/**
 * Looks up catalog Components by repository slug and by annotation. Only
 * Components stand for production services: the APIs and Resources that the
 * same catalog-info.yaml describes carry the same slug but are not the service.
 */
export class EntityIndex {
  private readonly bySlug = new Map<string, string>();
  private readonly byLocation = new Map<string, string>();
  private readonly byAnnotation = new Map<string, string>();

  constructor(entities: Entity[]) {
    const components = entities
      .filter(e => e.kind.toLocaleLowerCase('en-US') === 'component')
      .map(e => ({ entity: e, ref: stringifyEntityRef(e) }))
      // Sorted, so that when two Components claim one slug the choice is stable.
      .sort((a, b) => a.ref.localeCompare(b.ref));
    for (const { entity, ref } of components) {
      for (const [key, value] of Object.entries(
        entity.metadata.annotations ?? {},
      )) {
        if (!value) continue;
        if (key === PROJECT_SLUG_ANNOTATION) {
          const slug = normaliseSlug(value);
          if (!this.bySlug.has(slug)) this.bySlug.set(slug, ref);
        }
        const k = annotationKey(key, value);
        if (!this.byAnnotation.has(k)) this.byAnnotation.set(k, ref);
      }
      // The annotation, when there is one, says which repository it is.
      const fromLocation = entity.metadata.annotations?.[
        PROJECT_SLUG_ANNOTATION
      ]
        ? undefined
        : slugOfLocation(entity);
      if (fromLocation && !this.byLocation.has(fromLocation)) {
        this.byLocation.set(fromLocation, ref);
      }
    }
  }

  /**
   * The Component for a record: by slug first (the `github.com/project-slug`
   * annotation, else the repository the Component was read from), then by any
   * annotation the record carries.
   */
  match(
    record: ProductionServiceRecord,
  ): { entityRef: string; matchedBy: 'repo-slug' | 'annotation' } | undefined {
    if (record.repoSlug) {
      const slug = normaliseSlug(record.repoSlug);
      const ref = this.bySlug.get(slug) ?? this.byLocation.get(slug);
      if (ref) return { entityRef: ref, matchedBy: 'repo-slug' };
    }
    for (const [key, value] of Object.entries(record.annotations ?? {})) {
      const ref = this.byAnnotation.get(annotationKey(key, value));
      if (ref) return { entityRef: ref, matchedBy: 'annotation' };
    }
    return undefined;
  }
}

/** `Acme-Pay/Payments-API ` -> `acme-pay/payments-api`. */
export function normaliseSlug(slug: string): string {
  return slug.trim().toLocaleLowerCase('en-US');
}

function annotationKey(key: string, value: string) {
  return `${key}=${value.trim()}`;
}

/**
 * Turns what the sources reported into de-duplicated production services,
 * each matched to its catalog Component when it has one.
 *
 * Two records are one service when they name the same repository (slug,
 * case-insensitive), or when a record without a slug matches, by annotation,
 * the Component another record already matched. Records without a slug that
 * match nothing stay separate: nothing says they are the same service.
 */
export function matchProductionServices(
  sources: SourceRecords[],
  index: EntityIndex,
): ProductionService[] {
  const byKey = new Map<string, ProductionService>();
  const byEntity = new Map<string, ProductionService>();
  const add = (
    key: string,
    sourceId: string,
    record: ProductionServiceRecord,
    match: ReturnType<EntityIndex['match']>,
  ) => {
    let service =
      byKey.get(key) ?? (match ? byEntity.get(match.entityRef) : undefined);
    if (!service) {
      service = {
        key,
        name: record.name,
        repoSlug: record.repoSlug ? normaliseSlug(record.repoSlug) : undefined,
        sources: [],
        url: record.url,
      };
      byKey.set(key, service);
    }
    if (!service.sources.includes(sourceId)) service.sources.push(sourceId);
    if (!service.url && record.url) service.url = record.url;
    if (!service.entityRef && match) {
      service.entityRef = match.entityRef;
      service.matchedBy = match.matchedBy;
    }
    if (service.entityRef && !byEntity.has(service.entityRef)) {
      byEntity.set(service.entityRef, service);
    }
  };
  // Records with a slug first, so that slug-less ones can join the service
  // their annotation points at.
  for (const { sourceId, records } of sources) {
    for (const record of records) {
      if (!record.repoSlug) continue;
      add(
        `repo:${normaliseSlug(record.repoSlug)}`,
        sourceId,
        record,
        index.match(record),
      );
    }
  }
  for (const { sourceId, records } of sources) {
    for (const record of records) {
      if (record.repoSlug) continue;
      const match = index.match(record);
      const key = match
        ? `entity:${match.entityRef}`
        : `${sourceId}:${record.name.trim().toLocaleLowerCase('en-US')}`;
      add(key, sourceId, record, match);
    }
  }
  return [...byKey.values()]
    .map(s => ({ ...s, sources: [...s.sources].sort() }))
    .sort((a, b) => a.key.localeCompare(b.key));
}
