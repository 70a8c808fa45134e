import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Entity,
  GroupEntity,
  UserEntity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { OrgModel } from './OrgModel';

/**
 * The annotation on a User entity that gives the day the person started,
 * `YYYY-MM-DD`. Time to first deploy counts from it.
 */
export const START_DATE_ANNOTATION = 'acme-pay.example/start-date';
const GITHUB_LOGIN_ANNOTATION = 'github.com/user-login';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Turns catalog Users and Groups into the organisation model. */
export function orgModelFromEntities(entities: Entity[]): OrgModel {
  const groups = entities
    .filter((e): e is GroupEntity => e.kind === 'Group')
    .map(g => ({
      ref: stringifyEntityRef(g),
      title:
        g.spec?.profile?.displayName ?? g.metadata.title ?? g.metadata.name,
      type: g.spec?.type ?? 'team',
      parent: g.spec?.parent
        ? stringifyEntityRef({
            kind: 'Group',
            namespace: g.metadata.namespace,
            name: g.spec.parent,
          })
        : null,
      children: [],
    }));
  const users = entities
    .filter((e): e is UserEntity => e.kind === 'User')
    .map(u => {
      const start = u.metadata.annotations?.[START_DATE_ANNOTATION];
      return {
        ref: stringifyEntityRef(u),
        groups: (u.spec?.memberOf ?? []).map(m =>
          m.includes(':')
            ? m
            : stringifyEntityRef({
                kind: 'Group',
                namespace: u.metadata.namespace,
                name: m,
              }),
        ),
        startDate: start && DAY.test(start) ? start : undefined,
        githubLogin: u.metadata.annotations?.[GITHUB_LOGIN_ANNOTATION],
        emails: u.spec?.profile?.email ? [u.spec.profile.email] : [],
      };
    });
  return new OrgModel(groups, users);
}

/** Something that gives the current organisation model. */
export interface OrgSource {
  get(): Promise<OrgModel>;
}

/**
 * Reads Users and Groups from the catalog with the plugin's own credentials,
 * and keeps the result for a minute: the dashboard asks for it on every
 * request, and the organisation changes slowly.
 */
export class CatalogOrgSource implements OrgSource {
  private cached?: { at: number; model: Promise<OrgModel> };

  constructor(
    private readonly catalog: CatalogService,
    private readonly auth: AuthService,
    private readonly logger: LoggerService,
    private readonly maxAgeMs = 60_000,
  ) {}

  get(): Promise<OrgModel> {
    const now = Date.now();
    if (!this.cached || now - this.cached.at > this.maxAgeMs) {
      const model = this.load();
      this.cached = { at: now, model };
      model.catch(error => {
        this.logger.warn(
          `Could not read the organisation from the catalog: ${error}`,
        );
        this.cached = undefined;
      });
    }
    return this.cached.model;
  }

  /** Reads the organisation now, and keeps that as the cached copy. */
  refresh(): Promise<OrgModel> {
    this.cached = undefined;
    return this.get();
  }

  private async load(): Promise<OrgModel> {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: ['User', 'Group'] },
        fields: [
          'kind',
          'metadata.name',
          'metadata.namespace',
          'metadata.title',
          'metadata.annotations',
          'spec',
        ],
      },
      { credentials: await this.auth.getOwnServiceCredentials() },
    );
    return orgModelFromEntities(items);
  }
}
