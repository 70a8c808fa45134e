// The generated organisation of bench/catalog-coverage: 10,000 production
// repositories and 50,000 catalog entities, deterministic (seeded).
import { Entity } from '@backstage/catalog-model';
import { ProductionServiceRecord } from '@internal/plugin-coverage-node';
import { Random } from '../../plugins/space-metrics-backend/src/demo/random';

export const SIZES = {
  repositories: 10_000,
  /** Production repositories that have a Component (the rest are missing). */
  inCatalog: 9_000,
  departments: 10,
  teams: 200,
  users: 2_000,
  systems: 500,
  /** Components no source lists (libraries, experiments). */
  otherComponents: 3_000,
  apis: 10_000,
  entities: 50_000,
};

const rel = (type: string, targetRef: string) => ({ type, targetRef });

export function generateOrg(): {
  entities: Entity[];
  records: ProductionServiceRecord[];
  docsBuilt: Set<string>;
} {
  const random = new Random(20261126);
  const entities: Entity[] = [];
  const add = (
    kind: string,
    name: string,
    spec: object,
    extra: Partial<Entity> = {},
  ) => {
    const e = {
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name, namespace: 'default', ...(extra.metadata ?? {}) },
      spec,
      relations: extra.relations ?? [],
      ...((extra as any).status ? { status: (extra as any).status } : {}),
    } as Entity;
    entities.push(e);
    return e;
  };
  add(
    'Group',
    'org',
    { type: 'organization', children: [] },
    { relations: [rel('hasMember', 'user:default/user-0')] },
  );
  for (let d = 0; d < SIZES.departments; d++) {
    add(
      'Group',
      `dept-${d}`,
      { type: 'department', parent: 'org', children: [] },
      {
        relations: [rel('childOf', 'group:default/org')],
      },
    );
  }
  const team = (t: number) => `team-${t}`;
  for (let t = 0; t < SIZES.teams; t++) {
    const members =
      t % 25 === 24
        ? []
        : Array.from(
            { length: 10 },
            (_, i) => `user:default/user-${t * 10 + i}`,
          );
    add(
      'Group',
      team(t),
      { type: 'team', parent: `dept-${t % SIZES.departments}`, children: [] },
      {
        relations: [
          rel('childOf', `group:default/dept-${t % SIZES.departments}`),
          ...members.map(m => rel('hasMember', m)),
        ],
      },
    );
  }
  for (let u = 0; u < SIZES.users; u++) {
    const t = Math.floor(u / 10);
    add(
      'User',
      `user-${u}`,
      { memberOf: [team(t)] },
      {
        metadata: {
          name: `user-${u}`,
          annotations: { 'github.com/user-login': `user-${u}` },
        } as any,
        relations: [rel('memberOf', `group:default/${team(t)}`)],
      },
    );
  }
  for (let s = 0; s < SIZES.systems; s++) {
    add(
      'System',
      `system-${s}`,
      { owner: team(s % SIZES.teams) },
      {
        relations: [rel('ownedBy', `group:default/${team(s % SIZES.teams)}`)],
      },
    );
  }
  const resources =
    SIZES.entities -
    entities.length -
    SIZES.inCatalog -
    SIZES.otherComponents -
    SIZES.apis;
  for (let r = 0; r < resources; r++) {
    add(
      'Resource',
      `resource-${r}`,
      { type: 'database', owner: team(r % SIZES.teams) },
      {
        relations: [rel('ownedBy', `group:default/${team(r % SIZES.teams)}`)],
      },
    );
  }
  for (let a = 0; a < SIZES.apis; a++) {
    add(
      'API',
      `api-${a}`,
      {
        type: 'openapi',
        lifecycle: 'production',
        owner: team(a % SIZES.teams),
        definition: 'openapi: 3.0.0',
      },
      {
        relations: [rel('ownedBy', `group:default/${team(a % SIZES.teams)}`)],
      },
    );
  }
  const docsBuilt = new Set<string>();
  const component = (name: string, slug: string) => {
    const owner =
      random.next() < 0.02 ? 'team-gone' : team(random.int(0, SIZES.teams - 1));
    const system =
      random.next() < 0.05
        ? undefined
        : `system-${random.int(0, SIZES.systems - 1)}`;
    const annotations: Record<string, string> = {
      'github.com/project-slug': slug,
    };
    if (random.next() < 0.6) annotations['backstage.io/techdocs-ref'] = 'dir:.';
    if (random.next() < 0.5)
      annotations['pagerduty.com/service-id'] = `P${name}`;
    if (random.next() < 0.7) annotations['argocd/app-name'] = name;
    const links =
      random.next() < 0.4
        ? [{ url: `https://runbooks.example/${name}`, type: 'runbook' }]
        : [];
    const deps = [`resource:default/resource-${random.int(0, resources - 1)}`];
    if (random.next() < 0.01) deps.push(`resource:default/deleted-${name}`);
    const e = add(
      'Component',
      name,
      {
        type: 'service',
        lifecycle: random.next() < 0.03 ? undefined : 'production',
        owner,
        ...(system ? { system } : {}),
        dependsOn: deps,
      },
      {
        metadata: { name, annotations, links } as any,
        relations: [
          rel('ownedBy', `group:default/${owner}`),
          ...(system ? [rel('partOf', `system:default/${system}`)] : []),
          ...deps.map(d => rel('dependsOn', d)),
        ],
        ...(random.next() < 0.005
          ? {
              status: {
                items: [
                  {
                    type: 'backstage.io/catalog-processing',
                    level: 'error',
                    message: 'generated error',
                    error: { name: 'InputError', message: 'generated error' },
                  },
                ],
              },
            }
          : {}),
      } as any,
    );
    if (annotations['backstage.io/techdocs-ref'] && random.next() < 0.9) {
      docsBuilt.add(`component:default/${e.metadata.name}`);
    }
  };
  const records: ProductionServiceRecord[] = [];
  for (let r = 0; r < SIZES.repositories; r++) {
    const name = `service-${r}`;
    const slug = `acme/${name}`;
    records.push({ name, repoSlug: slug, url: `https://github.com/${slug}` });
    if (r < SIZES.inCatalog) component(name, slug);
  }
  for (let c = 0; c < SIZES.otherComponents; c++)
    component(`library-${c}`, `acme/library-${c}`);
  // A second source's view: PagerDuty services without a slug, matched by annotation.
  for (let r = 0; r < 2_000; r++) {
    records.push({
      name: `PD service-${r}`,
      annotations: { 'pagerduty.com/service-id': `Pservice-${r}` },
    });
  }
  return { entities, records, docsBuilt };
}
