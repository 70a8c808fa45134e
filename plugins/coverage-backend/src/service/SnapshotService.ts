import { Entity } from '@backstage/catalog-model';
import { LoggerService } from '@backstage/backend-plugin-api';
import {
  CoverageSource,
  ProductionServiceRecord,
} from '@internal/plugin-coverage-node';
import {
  CheckId,
  SnapshotResult,
  SourceStatus,
} from '@internal/plugin-coverage-common';
import { SnapshotStore } from '../database/SnapshotStore';
import { assess, buildReport } from '../measures/report';
import { SourceRecords } from '../measures/matching';
import { OwnerGuesser } from './OwnerGuesser';
import { TECHDOCS_ANNOTATION } from '../measures/checks';

/** Tells which entities' TechDocs are built and published. */
export interface DocsStatus {
  /** Of the given entities (those with a techdocs-ref), the refs whose docs are published. */
  built(entities: Entity[]): Promise<Set<string>>;
}

export interface SnapshotSettings {
  threshold: number;
  organisationTitle: string;
  fixUrl(check: CheckId): string;
}

/**
 * Takes a snapshot: asks every source what runs in production, reads the
 * catalog, runs the measures and stores the result under today's UTC day.
 *
 * A source that fails does not turn into a drop: its last good list (from the
 * last time it answered) stands in for it, and the snapshot names it in
 * `missingSources`; a source that never answered adds nothing and is named
 * the same way.
 */
export class SnapshotService {
  constructor(
    private readonly options: {
      store: SnapshotStore;
      sources: CoverageSource[];
      loadEntities: () => Promise<Entity[]>;
      docs: DocsStatus;
      owners: OwnerGuesser;
      settings: SnapshotSettings;
      logger: LoggerService;
      /** Runs before every snapshot (the demo seeds its repositories here). */
      prepare?: () => Promise<void>;
      now?: () => Date;
    },
  ) {}

  async take(): Promise<SnapshotResult> {
    const { store, settings, logger } = this.options;
    await this.options.prepare?.();
    const now = (this.options.now ?? (() => new Date()))();
    const takenAt = now.toISOString();
    const day = takenAt.slice(0, 10);

    const [outcomes, entities] = await Promise.all([
      this.readSources(takenAt),
      this.options.loadEntities(),
    ]);
    const built = await this.options.docs.built(
      entities.filter(e => e.metadata.annotations?.[TECHDOCS_ANNOTATION]),
    );
    const assessment = assess({
      entities,
      sources: outcomes.records,
      docsBuilt: ref => built.has(ref),
      fixUrl: settings.fixUrl,
    });
    await this.options.owners.guessAll(assessment.missing, assessment.catalog);
    const report = buildReport({
      assessment,
      sources: outcomes.statuses,
      threshold: settings.threshold,
      day,
      takenAt,
      organisationTitle: settings.organisationTitle,
    });
    const saved = await store.save({
      report,
      missing: assessment.missing,
      entities: [...assessment.entities.values()],
    });
    const { numerator, denominator } = report.organisation.measures.coverage;
    const down = report.missingSources.length
      ? `; sources down: ${report.missingSources.join(', ')}`
      : '';
    logger.info(
      `coverage snapshot ${day}: ${numerator} of ${denominator} production services in the catalog${down}`,
    );

    return { day, takenAt: saved.report.takenAt, created: saved.created };
  }

  private async readSources(takenAt: string) {
    const statuses: SourceStatus[] = [];
    const records: SourceRecords[] = [];
    for (const source of this.options.sources) {
      let list: ProductionServiceRecord[];
      try {
        list = await source.listProductionServices();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.options.logger.warn(
          `coverage source ${source.id} failed, using its last good list: ${message}`,
        );
        const last =
          await this.options.store.lastSourceRecords<ProductionServiceRecord>(
            source.id,
          );
        statuses.push({
          id: source.id,
          title: source.title,
          ok: false,
          count: 0,
          error: message,
          ...(last ? { lastGoodAt: last.fetchedAt } : {}),
        });
        if (last) records.push({ sourceId: source.id, records: last.records });
        continue;
      }
      await this.options.store.saveSourceRecords(source.id, list, takenAt);
      statuses.push({
        id: source.id,
        title: source.title,
        ok: true,
        count: list.length,
      });
      records.push({ sourceId: source.id, records: list });
    }
    return { statuses, records };
  }
}
