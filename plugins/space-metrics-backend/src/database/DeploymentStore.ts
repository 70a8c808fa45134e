import { Knex } from 'knex';
import { randomUUID } from 'node:crypto';
import { DataSource } from '@internal/plugin-space-metrics-common';
import { chunk, toDate } from './util';

/** A deployment as reported by Argo CD, GitHub or a CI pipeline. */
export interface DeploymentRecord {
  serviceRef: string;
  environment: string;
  revision: string;
  deployedAt: Date;
  reportedBy: 'argocd' | 'github' | 'api' | 'demo';
  url?: string;
  /** User entity refs of the people whose commits it shipped. */
  authors: string[];
  source: DataSource;
}

/** Deployments, one per service, environment and commit. */
export interface DeploymentStore {
  /**
   * Stores a deployment. The same service, environment and commit reported
   * again (by another system, or twice by one) is the same deployment: it keeps
   * the earliest time and gains any authors it did not have.
   */
  record(
    deployment: DeploymentRecord,
  ): Promise<{ id: string; created: boolean }>;
  /** Bulk insert for the demo seed and the benchmark: skips known deployments. */
  recordMany(deployments: DeploymentRecord[]): Promise<number>;
  /** For each person, their first deployment in the environment at or after `since`. */
  firstDeployments(
    people: { userRef: string; since: Date }[],
    environment: string,
  ): Promise<Map<string, Date>>;
  count(): Promise<number>;
}

export class DatabaseDeploymentStore implements DeploymentStore {
  constructor(private readonly db: Knex) {}

  async record(d: DeploymentRecord) {
    return this.db.transaction(async tx => {
      const key = {
        service_ref: d.serviceRef,
        environment: d.environment,
        revision: d.revision,
      };
      const id = randomUUID();
      await tx('deployments')
        .insert({
          id,
          ...key,
          deployed_at: d.deployedAt,
          reported_by: d.reportedBy,
          url: d.url ?? null,
          source: d.source,
        })
        .onConflict(['service_ref', 'environment', 'revision'])
        .ignore();
      const row = await tx('deployments').where(key).first();
      const created = row.id === id;
      let deployedAt = toDate(row.deployed_at);
      if (!created && d.deployedAt < deployedAt) {
        deployedAt = d.deployedAt;
        await tx('deployments')
          .where({ id: row.id })
          .update({ deployed_at: deployedAt });
        await tx('deployment_authors')
          .where({ deployment_id: row.id })
          .update({ deployed_at: deployedAt });
      }
      const authors = [...new Set(d.authors)];
      if (authors.length > 0) {
        await tx('deployment_authors')
          .insert(
            authors.map(userRef => ({
              deployment_id: row.id,
              user_ref: userRef,
              environment: d.environment,
              deployed_at: deployedAt,
            })),
          )
          .onConflict(['deployment_id', 'user_ref'])
          .ignore();
      }
      return { id: row.id as string, created };
    });
  }

  async recordMany(deployments: DeploymentRecord[]) {
    let inserted = 0;
    for (const batch of chunk(deployments, 500)) {
      const unique = new Map<string, DeploymentRecord>();
      for (const d of batch) {
        const key = `${d.serviceRef}\u0000${d.environment}\u0000${d.revision}`;
        const seen = unique.get(key);
        if (!seen || d.deployedAt < seen.deployedAt) unique.set(key, d);
      }
      const existing = await this.db('deployments')
        .whereIn(
          'revision',
          [...unique.values()].map(d => d.revision),
        )
        .select('service_ref', 'environment', 'revision');
      for (const e of existing) {
        unique.delete(
          `${e.service_ref}\u0000${e.environment}\u0000${e.revision}`,
        );
      }
      const rows = [...unique.values()].map(d => ({ id: randomUUID(), d }));
      if (rows.length === 0) continue;
      await this.db.transaction(async tx => {
        for (const part of chunk(rows, 100)) {
          await tx('deployments').insert(
            part.map(({ id, d }) => ({
              id,
              service_ref: d.serviceRef,
              environment: d.environment,
              revision: d.revision,
              deployed_at: d.deployedAt,
              reported_by: d.reportedBy,
              url: d.url ?? null,
              source: d.source,
            })),
          );
        }
        const authors = rows.flatMap(({ id, d }) =>
          [...new Set(d.authors)].map(userRef => ({
            deployment_id: id,
            user_ref: userRef,
            environment: d.environment,
            deployed_at: d.deployedAt,
          })),
        );
        for (const part of chunk(authors, 200)) {
          await tx('deployment_authors').insert(part);
        }
      });
      inserted += rows.length;
    }
    return inserted;
  }

  async firstDeployments(
    people: { userRef: string; since: Date }[],
    environment: string,
  ) {
    const result = new Map<string, Date>();
    // One indexed lookup per person: (user_ref, environment, deployed_at).
    await Promise.all(
      people.map(async ({ userRef, since }) => {
        const row = await this.db('deployment_authors')
          .where({ user_ref: userRef, environment })
          .andWhere('deployed_at', '>=', since)
          .min({ first: 'deployed_at' })
          .first();
        if (row?.first !== null && row?.first !== undefined) {
          result.set(userRef, toDate(row.first));
        }
      }),
    );
    return result;
  }

  async count() {
    const [{ n }] = await this.db('deployments').count({ n: '*' });
    return Number(n);
  }
}
