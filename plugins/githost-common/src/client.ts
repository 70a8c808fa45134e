import { ResponseError } from '@backstage/errors';
import {
  GitHostBranch,
  GitHostChangeRequest,
  GitHostCommitRequest,
  GitHostCreateChangeRequest,
  GitHostCreateRepositoryRequest,
  GitHostRepository,
  GitHostTreeEntry,
} from './types';

/** What the client needs from the frontend, or from a backend caller. */
export interface GitHostClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
}

/** The local git host's HTTP API (`/api/githost`), for frontends and backends. */
export class GitHostClient {
  constructor(private readonly options: GitHostClientOptions) {}

  listRepositories(): Promise<GitHostRepository[]> {
    return this.call('GET', '/repos');
  }

  getRepository(owner: string, name: string): Promise<GitHostRepository> {
    return this.call('GET', `/repos/${enc(owner)}/${enc(name)}`);
  }

  /** Creates a repository, with its first commit when given (all or nothing). */
  createRepository(
    request: GitHostCreateRepositoryRequest,
  ): Promise<GitHostRepository> {
    return this.call('POST', '/repos', request);
  }

  async deleteRepository(owner: string, name: string): Promise<void> {
    await this.call('DELETE', `/repos/${enc(owner)}/${enc(name)}`);
  }

  listBranches(owner: string, name: string): Promise<GitHostBranch[]> {
    return this.call('GET', `/repos/${enc(owner)}/${enc(name)}/branches`);
  }

  /** Creates `branch` at the tip of `from` (default: the default branch). */
  createBranch(
    owner: string,
    name: string,
    request: { branch: string; from?: string },
  ): Promise<GitHostBranch> {
    return this.call(
      'POST',
      `/repos/${enc(owner)}/${enc(name)}/branches`,
      request,
    );
  }

  /** Commits files on a branch; returns the branch at its new commit. */
  commitFiles(
    owner: string,
    name: string,
    request: GitHostCommitRequest,
  ): Promise<GitHostBranch> {
    return this.call(
      'POST',
      `/repos/${enc(owner)}/${enc(name)}/commits`,
      request,
    );
  }

  listTree(
    owner: string,
    name: string,
    ref: string,
    path = '',
  ): Promise<GitHostTreeEntry[]> {
    return this.call(
      'GET',
      `/repos/${enc(owner)}/${enc(name)}/tree/${enc(ref)}/${path}`,
    );
  }

  /** A file's bytes at a branch or commit. */
  async readFile(
    owner: string,
    name: string,
    ref: string,
    path: string,
  ): Promise<Buffer> {
    const res = await this.request(
      'GET',
      `/repos/${enc(owner)}/${enc(name)}/blob/${enc(ref)}/${path}`,
    );
    return Buffer.from(await res.arrayBuffer());
  }

  createChangeRequest(
    owner: string,
    name: string,
    request: GitHostCreateChangeRequest,
  ): Promise<GitHostChangeRequest> {
    return this.call(
      'POST',
      `/repos/${enc(owner)}/${enc(name)}/change-requests`,
      request,
    );
  }

  listChangeRequests(
    owner: string,
    name: string,
    filter: { status?: GitHostChangeRequest['status'] } = {},
  ): Promise<GitHostChangeRequest[]> {
    const query = filter.status ? `?status=${enc(filter.status)}` : '';
    return this.call(
      'GET',
      `/repos/${enc(owner)}/${enc(name)}/change-requests${query}`,
    );
  }

  getChangeRequest(
    owner: string,
    name: string,
    id: number,
  ): Promise<GitHostChangeRequest> {
    return this.call(
      'GET',
      `/repos/${enc(owner)}/${enc(name)}/change-requests/${id}`,
    );
  }

  private async call<T>(method: string, path: string, body?: unknown) {
    const res = await this.request(method, path, body);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }

  private async request(method: string, path: string, body?: unknown) {
    const base = await this.options.discoveryApi.getBaseUrl('githost');
    const res = await this.options.fetchApi.fetch(`${base}${path}`, {
      method,
      headers: body ? { 'Content-Type': 'application/json' } : undefined,
      body: body ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res;
  }
}

function enc(segment: string) {
  return encodeURIComponent(segment);
}
