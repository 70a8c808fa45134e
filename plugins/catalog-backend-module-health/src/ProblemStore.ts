import { Knex } from 'knex';
import {
  CatalogHealthProblem,
  CatalogHealthReport,
  ProcessingError,
} from '@internal/plugin-catalog-health-common';

/** Reads what the catalog recorded about files that failed to ingest. */
export interface ProblemStore {
  getReport(): Promise<CatalogHealthReport>;
}

type Row = {
  entity_ref: string;
  unprocessed_entity: string;
  errors: string;
  location_key: string | null;
  last_discovery_at: string | Date | null;
  final_entity: string | null;
};

function parseJson<T>(text: string | null, fallback: T): T {
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/**
 * `url:https://...` or `file:/abs/path` → what to show, and what to link: a URL
 * (a file on GitHub) is linked; a file on the portal's own disk is only named.
 */
export function describeSource(
  locationKey: string | null,
): Pick<CatalogHealthProblem, 'source' | 'sourceUrl'> {
  if (!locationKey) return {};
  const separator = locationKey.indexOf(':');
  const type = locationKey.slice(0, separator);
  const target = locationKey.slice(separator + 1);
  if (type === 'url') {
    // The catalog records GitHub files as `/tree/<ref>/<path>` URLs; show the
    // file's own `/blob/` page, which is what a person opens to fix it.
    const file = target.replace(
      /^(https?:\/\/[^/]+\/[^/]+\/[^/]+)\/tree\/([^/]+\/.*\.[A-Za-z0-9]+)$/,
      '$1/blob/$2',
    );
    return { source: file, sourceUrl: file };
  }
  if (type === 'file') return { source: target };
  return { source: locationKey };
}

/**
 * How the file-isolation module names one document of a file that is not an
 * entity: a location `<file>#document-<n>: <reason>`.
 */
const INVALID_DOCUMENT = /#document-(\d+): [\s\S]*$/;

/** Which document of its file an invalid document was (from 1). */
export function documentNumberOf(
  unprocessed: { kind?: string; spec?: any } | undefined,
): number | undefined {
  if (unprocessed?.kind !== 'Location') return undefined;
  const match = String(unprocessed.spec?.target ?? '').match(INVALID_DOCUMENT);
  return match ? Number(match[1]) : undefined;
}

/**
 * Which file an entity came from, as `type:target`: a Location's own target
 * (the file it failed to read), else the entity's `managed-by-location`
 * annotation, else the catalog location that emitted it. The location key alone
 * names a glob when the file was found by one.
 */
export function sourceLocationOf(
  unprocessed: { kind?: string; metadata?: any; spec?: any } | undefined,
  locationKey: string | null,
): string | null {
  if (
    unprocessed?.kind === 'Location' &&
    typeof unprocessed.spec?.type === 'string' &&
    typeof unprocessed.spec?.target === 'string'
  ) {
    // For one document of a file that is not an entity, the file.
    return `${unprocessed.spec.type}:${unprocessed.spec.target.replace(
      INVALID_DOCUMENT,
      '',
    )}`;
  }
  const managedBy =
    unprocessed?.metadata?.annotations?.['backstage.io/managed-by-location'];
  if (typeof managedBy === 'string' && managedBy) return managedBy;
  return locationKey;
}

/**
 * A store over the catalog's own tables, read-only. It lives in a catalog module
 * because only the catalog's database knows about entities that never made it
 * into the catalog (a file that fails validation has no final entity).
 */
export class DatabaseProblemStore implements ProblemStore {
  constructor(private readonly db: Knex) {}

  async getReport(): Promise<CatalogHealthReport> {
    const rows: Row[] = await this.db('refresh_state')
      .leftJoin(
        'final_entities',
        'final_entities.entity_id',
        'refresh_state.entity_id',
      )
      .whereNotNull('refresh_state.errors')
      .whereNotIn('refresh_state.errors', ['', '[]'])
      .select(
        'refresh_state.entity_ref',
        'refresh_state.unprocessed_entity',
        'refresh_state.errors',
        'refresh_state.location_key',
        'refresh_state.last_discovery_at',
        'final_entities.final_entity',
      )
      .orderBy('refresh_state.entity_ref');
    const [{ count }] = await this.db('refresh_state').count({ count: '*' });

    const problems = rows.map(row => {
      const unprocessed = parseJson<any>(row.unprocessed_entity, undefined);
      const errors = parseJson<ProcessingError[]>(row.errors, []).map(e => ({
        name: String(e.name ?? 'Error'),
        message: String(e.message ?? ''),
      }));
      const lastDiscovery = row.last_discovery_at
        ? new Date(row.last_discovery_at).toISOString()
        : undefined;
      return {
        entityRef: row.entity_ref,
        locationKey: row.location_key ?? undefined,
        ...describeSource(sourceLocationOf(unprocessed, row.location_key)),
        document: documentNumberOf(unprocessed),
        inCatalog: Boolean(row.final_entity),
        errors,
        lastDiscoveredAt: lastDiscovery,
      };
    });
    return { problems, totalEntities: Number(count) };
  }
}
