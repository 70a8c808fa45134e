import { InputError } from '@backstage/errors';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  DeploymentInput,
  DeploymentResult,
} from '@internal/plugin-space-metrics-common';
import { DeploymentStore } from '../database/DeploymentStore';
import { OrgSource } from './CatalogOrgSource';

/** Says whether a component exists in the catalog. */
export interface ComponentLookup {
  exists(componentRef: string): Promise<boolean>;
}

const REVISION = /^[0-9a-f]{7,64}$/i;
const ENVIRONMENT = /^[a-z0-9][a-z0-9._-]{0,62}$/i;
const MAX_AUTHORS = 500;

/** Deployments reported by CI pipelines (POST /deployments) and the collectors. */
export class DeploymentService {
  constructor(
    private readonly store: DeploymentStore,
    private readonly components: ComponentLookup,
    private readonly org: OrgSource,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Checks and stores a deployment reported through the API. Everything is
   * checked before anything is stored; an unknown service is refused.
   */
  async report(
    input: DeploymentInput,
  ): Promise<DeploymentResult & { unknownAuthors: string[] }> {
    const serviceRef = this.parseService(input.service);
    if (
      typeof input.environment !== 'string' ||
      !ENVIRONMENT.test(input.environment)
    ) {
      throw new InputError(
        `environment must be a name like 'production' (letters, digits, '.', '_' or '-'), got ${JSON.stringify(
          input.environment,
        )}`,
      );
    }
    if (typeof input.revision !== 'string' || !REVISION.test(input.revision)) {
      throw new InputError(
        `revision must be the deployed commit's SHA (7 to 64 hexadecimal characters), got ${JSON.stringify(
          input.revision,
        )}`,
      );
    }
    const deployedAt = new Date(input.deployedAt);
    if (
      typeof input.deployedAt !== 'string' ||
      Number.isNaN(deployedAt.getTime())
    ) {
      throw new InputError(
        `deployedAt must be an ISO 8601 time such as 2026-11-26T09:30:00Z, got ${JSON.stringify(
          input.deployedAt,
        )}`,
      );
    }
    if (deployedAt.getTime() > this.now().getTime() + 5 * 60_000) {
      throw new InputError(`deployedAt ${input.deployedAt} is in the future`);
    }
    const authors = input.commitAuthors ?? [];
    if (
      !Array.isArray(authors) ||
      authors.length > MAX_AUTHORS ||
      authors.some(a => typeof a !== 'string' || a.length > 255)
    ) {
      throw new InputError(
        `commitAuthors must be a list of at most ${MAX_AUTHORS} GitHub logins, emails or user refs`,
      );
    }
    if (
      input.url !== undefined &&
      (typeof input.url !== 'string' || !/^https?:\/\//.test(input.url))
    ) {
      throw new InputError('url must be an http(s) link to the pipeline run');
    }
    if (!(await this.components.exists(serviceRef))) {
      throw new InputError(
        `Unknown service '${input.service}': there is no ${serviceRef} in the catalog. Register the component first, or report the name it has in the catalog.`,
      );
    }
    const org = await this.org.get();
    const resolved: string[] = [];
    const unknownAuthors: string[] = [];
    for (const a of authors) {
      const ref = org.resolveUser(a);
      if (ref) resolved.push(ref);
      else unknownAuthors.push(a);
    }
    const result = await this.store.record({
      serviceRef,
      environment: input.environment.toLowerCase(),
      revision: input.revision.toLowerCase(),
      deployedAt,
      reportedBy: 'api',
      url: input.url,
      authors: resolved,
      source: 'live',
    });
    return { ...result, unknownAuthors };
  }

  private parseService(service: unknown): string {
    if (
      typeof service !== 'string' ||
      service.trim() === '' ||
      service.length > 255
    ) {
      throw new InputError(
        `service must name a Component, e.g. 'payment-processor' or 'component:default/payment-processor', got ${JSON.stringify(
          service,
        )}`,
      );
    }
    try {
      const ref = parseEntityRef(service.trim(), {
        defaultKind: 'component',
        defaultNamespace: 'default',
      });
      if (ref.kind.toLowerCase() !== 'component') {
        throw new InputError(`service must be a Component, got a ${ref.kind}`);
      }
      return stringifyEntityRef(ref);
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw new InputError(
        `service '${service}' is not an entity name or ref: ${
          (e as Error).message
        }`,
      );
    }
  }
}
