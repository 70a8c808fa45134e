import { createHash } from 'node:crypto';
import { Knex } from 'knex';
import {
  CoverageReport,
  EntityCompleteness,
  MEASURE_IDS,
  MissingRepository,
  ScopeReport,
  TrendPoint,
} from '@internal/plugin-coverage-common';

/** What one snapshot stores. */
export interface SnapshotData {
  report: CoverageReport;
  missing: MissingRepository[];
  /** The production entities' completeness (kept for the latest snapshot only). */
  entities: EntityCompleteness[];
}

const CHUNK = 500;

/**
 * Snapshots in the database, one per UTC day. Saving a day that is already
 * stored with the same content keeps the stored row as it is (its takenAt
 * included), so taking a snapshot twice on one day gives the same stored
 * result; different content (the catalog changed since) replaces it.
 */
export class SnapshotStore {
  constructor(private readonly db: Knex) {}

  async save(
    data: SnapshotData,
  ): Promise<{ created: boolean; report: CoverageReport }> {
    const { report } = data;
    const hash = contentHash(data);
    return this.db.transaction(async tx => {
      const existing = await tx('coverage_snapshots')
        .where({ day: report.day })
        .first(['content_hash', 'report']);
      if (existing?.content_hash === hash) {
        return { created: false, report: JSON.parse(existing.report) };
      }
      await tx('coverage_snapshots')
        .insert({
          day: report.day,
          taken_at: report.takenAt,
          content_hash: hash,
          report: JSON.stringify(report),
          missing: JSON.stringify(data.missing),
        })
        .onConflict('day')
        .merge();
      await tx('coverage_scope_days').where({ day: report.day }).delete();
      const scopes: ScopeReport[] = [
        report.organisation,
        ...report.teams,
        ...report.systems,
      ];
      const rows = scopes.map(scope => ({
        day: report.day,
        scope_ref: scope.ref,
        ...Object.fromEntries(
          MEASURE_IDS.map(m => [m, scope.measures[m].ratio]),
        ),
        missing_sources: JSON.stringify(report.missingSources),
      }));
      await tx.batchInsert('coverage_scope_days', rows, CHUNK);
      // Only today's entities are kept: the team views and the cards read the latest.
      const latest = await tx('coverage_snapshots').max({ day: 'day' }).first();
      if (latest?.day === report.day) {
        await tx('coverage_entities').delete();
        await tx.batchInsert(
          'coverage_entities',
          data.entities.map(e => ({
            entity_ref: e.entityRef,
            owner_ref: e.owner ?? null,
            data: JSON.stringify(e),
          })),
          CHUNK,
        );
      }
      return { created: !existing, report };
    });
  }

  /** The latest snapshot's day and content hash: a cheap "has it changed?". */
  async latestHead(): Promise<{ day: string; hash: string } | undefined> {
    const row = await this.db('coverage_snapshots')
      .orderBy('day', 'desc')
      .first('day', 'content_hash');
    return row ? { day: row.day, hash: row.content_hash } : undefined;
  }

  /** A day's report as the stored JSON text. */
  async reportText(day: string): Promise<string | undefined> {
    const row = await this.db('coverage_snapshots')
      .where({ day })
      .first('report');
    return row?.report;
  }

  async latestReport(): Promise<CoverageReport | undefined> {
    const row = await this.db('coverage_snapshots')
      .orderBy('day', 'desc')
      .first('report');
    return row ? JSON.parse(row.report) : undefined;
  }

  async latestMissing(): Promise<MissingRepository[] | undefined> {
    const row = await this.db('coverage_snapshots')
      .orderBy('day', 'desc')
      .first('missing');
    return row ? JSON.parse(row.missing) : undefined;
  }

  /** A scope's ratios per day from `sinceDay` (inclusive), oldest first. */
  async trend(scopeRef: string, sinceDay: string): Promise<TrendPoint[]> {
    const rows = await this.db('coverage_scope_days')
      .where({ scope_ref: scopeRef })
      .andWhere('day', '>=', sinceDay)
      .orderBy('day', 'asc');
    return rows.map(row => ({
      day: row.day,
      ratios: Object.fromEntries(
        MEASURE_IDS.map(m => [m, row[m] === null ? null : Number(row[m])]),
      ) as TrendPoint['ratios'],
      missingSources: JSON.parse(row.missing_sources),
    }));
  }

  /** The latest snapshot's entities owned by any of the Groups. */
  async entitiesOwnedBy(ownerRefs: string[]): Promise<EntityCompleteness[]> {
    const rows: { data: string }[] = [];
    for (let i = 0; i < ownerRefs.length; i += CHUNK) {
      rows.push(
        ...(await this.db('coverage_entities')
          .whereIn('owner_ref', ownerRefs.slice(i, i + CHUNK))
          .orderBy('entity_ref')
          .select('data')),
      );
    }
    return rows.map(r => JSON.parse(r.data));
  }

  /** Whether the latest snapshot matched the entity to a production service. */
  async isProduction(entityRef: string): Promise<boolean> {
    const row = await this.db('coverage_entities')
      .where({ entity_ref: entityRef })
      .first('entity_ref');
    return Boolean(row);
  }

  /** A source's last good list, kept for the days it is down. */
  async saveSourceRecords(
    sourceId: string,
    records: unknown[],
    fetchedAt: string,
  ) {
    await this.db('coverage_source_records')
      .insert({
        source_id: sourceId,
        fetched_at: fetchedAt,
        records: JSON.stringify(records),
      })
      .onConflict('source_id')
      .merge();
  }

  async lastSourceRecords<T>(
    sourceId: string,
  ): Promise<{ records: T[]; fetchedAt: string } | undefined> {
    const row = await this.db('coverage_source_records')
      .where({ source_id: sourceId })
      .first();
    return row
      ? { records: JSON.parse(row.records), fetchedAt: row.fetched_at }
      : undefined;
  }

  async savePullRequest(pr: {
    repoSlug: string;
    host: string;
    url: string;
    branch: string;
    createdAt: string;
  }) {
    await this.db('coverage_pull_requests')
      .insert({
        repo_slug: pr.repoSlug,
        host: pr.host,
        url: pr.url,
        branch: pr.branch,
        created_at: pr.createdAt,
      })
      .onConflict('repo_slug')
      .merge();
  }

  /** Pull request URLs by repository slug. */
  async pullRequests(): Promise<Map<string, string>> {
    const rows = await this.db('coverage_pull_requests').select(
      'repo_slug',
      'url',
    );
    return new Map(rows.map(r => [r.repo_slug, r.url]));
  }
}

function contentHash(data: SnapshotData): string {
  const { takenAt, ...report } = data.report;
  return createHash('sha256')
    .update(
      JSON.stringify({
        report,
        missing: data.missing,
        entities: data.entities,
      }),
    )
    .digest('hex');
}
