import { ResponseError } from '@backstage/errors';
import { CatalogHealthReport } from './types';

/** The two things the client needs from the frontend (or a backend caller). */
export interface CatalogHealthClientOptions {
  discoveryApi: { getBaseUrl(pluginId: string): Promise<string> };
  fetchApi: { fetch: typeof fetch };
}

/** Reads the catalog-health report from the catalog backend. */
export class CatalogHealthClient {
  constructor(private readonly options: CatalogHealthClientOptions) {}

  async getReport(): Promise<CatalogHealthReport> {
    const base = await this.options.discoveryApi.getBaseUrl('catalog');
    const res = await this.options.fetchApi.fetch(`${base}/health/problems`);
    if (!res.ok) {
      throw await ResponseError.fromResponse(res);
    }
    return res.json();
  }
}
