/** One error the catalog recorded while processing an entity or a location. */
export interface ProcessingError {
  /** The error's class, e.g. `InputError`. */
  name: string;
  /** What went wrong, as the catalog reported it. */
  message: string;
}

/**
 * A catalog file that did not ingest cleanly: the entity it describes (or tried
 * to describe), where it came from, and why it failed.
 */
export interface CatalogHealthProblem {
  /** `kind:namespace/name` of the entity, as written in the file. */
  entityRef: string;
  /** The catalog location the entity was read from, e.g. `url:https://...`. */
  locationKey?: string;
  /** The file the entity was read from, as a path or URL. */
  source?: string;
  /** A browsable link to the file, when the source is a URL. */
  sourceUrl?: string;
  /**
   * When one document of a multi-document file is not an entity at all (not
   * YAML, no kind or name): which one, from 1. The entity ref is then the
   * catalog's name for that document's own location.
   */
  document?: number;
  /** True when an older, valid version of the entity is still in the catalog. */
  inCatalog: boolean;
  errors: ProcessingError[];
  /** When the catalog last read the file (ISO 8601). */
  lastDiscoveredAt?: string;
}

/** The answer of `GET /api/catalog/health/problems`. */
export interface CatalogHealthReport {
  problems: CatalogHealthProblem[];
  /** Number of entities the catalog knows, valid or not. */
  totalEntities: number;
}
