import { Knex } from 'knex';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { GitHostChangeRequest } from '@internal/plugin-githost-common';

/** Where change requests are kept. */
export interface ChangeRequestStore {
  create(
    request: Omit<
      GitHostChangeRequest,
      'id' | 'status' | 'createdAt' | 'changedFiles'
    >,
  ): Promise<GitHostChangeRequest>;
  list(
    owner: string,
    repo: string,
    status?: GitHostChangeRequest['status'],
  ): Promise<GitHostChangeRequest[]>;
  get(
    owner: string,
    repo: string,
    id: number,
  ): Promise<GitHostChangeRequest | undefined>;
  /** Forgets a deleted repository's change requests. */
  deleteForRepository(owner: string, repo: string): Promise<void>;
}

const TABLE = 'githost_change_requests';

/** Change requests in the plugin's database (SQLite or PostgreSQL). */
export class DatabaseChangeRequestStore implements ChangeRequestStore {
  static async create(options: {
    knex: Knex;
    skipMigrations?: boolean;
  }): Promise<DatabaseChangeRequestStore> {
    if (!options.skipMigrations) {
      await options.knex.migrate.latest({
        directory: resolvePackagePath(
          '@internal/plugin-githost-backend',
          'migrations',
        ),
      });
    }
    return new DatabaseChangeRequestStore(options.knex);
  }

  private constructor(private readonly knex: Knex) {}

  async create(
    request: Omit<
      GitHostChangeRequest,
      'id' | 'status' | 'createdAt' | 'changedFiles'
    >,
  ): Promise<GitHostChangeRequest> {
    const createdAt = new Date();
    const [row] = await this.knex(TABLE)
      .insert({
        owner: request.owner,
        repo: request.repo,
        title: request.title,
        description: request.description,
        source_branch: request.sourceBranch,
        target_branch: request.targetBranch,
        status: 'open',
        created_by: request.createdBy,
        created_at: createdAt,
      })
      .returning('id');
    const id = typeof row === 'object' ? row.id : row;
    return (await this.get(request.owner, request.repo, Number(id)))!;
  }

  async list(
    owner: string,
    repo: string,
    status?: GitHostChangeRequest['status'],
  ) {
    const rows = await this.knex(TABLE)
      .where({ owner, repo, ...(status ? { status } : {}) })
      .orderBy('id', 'asc');
    return rows.map(toChangeRequest);
  }

  async get(owner: string, repo: string, id: number) {
    const row = await this.knex(TABLE).where({ owner, repo, id }).first();
    return row ? toChangeRequest(row) : undefined;
  }

  async deleteForRepository(owner: string, repo: string) {
    await this.knex(TABLE).where({ owner, repo }).delete();
  }
}

function toChangeRequest(row: any): GitHostChangeRequest {
  return {
    id: Number(row.id),
    owner: row.owner,
    repo: row.repo,
    title: row.title,
    description: row.description,
    sourceBranch: row.source_branch,
    targetBranch: row.target_branch,
    status: row.status,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
  };
}
