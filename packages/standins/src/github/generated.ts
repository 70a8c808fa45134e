import { GithubWorld } from './model';

/** The size of a generated organisation. */
export interface GeneratedOrgOptions {
  org: string;
  repos: number;
  /** Entities in each repository's catalog-info.yaml (1 to 5). */
  entitiesPerRepo?: number;
  teams?: number;
  usersPerTeam?: number;
}

/**
 * A large organisation for benchmarks: `repos` repositories, each with one
 * `catalog-info.yaml` of up to five documents (a service, its API, its
 * database, a worker, a library) owned by one of `teams` teams, which nest in
 * departments of five, and their members.
 */
export function buildGeneratedOrg(
  options: GeneratedOrgOptions,
  world = new GithubWorld(),
): GithubWorld {
  const {
    org,
    repos,
    entitiesPerRepo = 5,
    teams = 40,
    usersPerTeam = 8,
  } = options;
  world.addOrg(org);
  const teamName = (i: number) => `team-${String(i).padStart(3, '0')}`;
  for (let d = 0; d < Math.ceil(teams / 5); d++) {
    world.addTeam(org, {
      slug: `department-${d}`,
      name: `Department ${d}`,
      members: [],
    });
  }
  for (let t = 0; t < teams; t++) {
    const members: string[] = [];
    for (let u = 0; u < usersPerTeam; u++) {
      const login = `dev-${t}-${u}`;
      world.addMember(org, { login, name: `Developer ${t}.${u}` });
      members.push(login);
    }
    world.addTeam(org, {
      slug: teamName(t),
      name: `Team ${t}`,
      parent: `department-${Math.floor(t / 5)}`,
      members,
    });
  }
  const date = '2026-01-15T10:00:00Z';
  for (let r = 0; r < repos; r++) {
    const name = `service-${String(r).padStart(5, '0')}`;
    const owner = teamName(r % teams);
    const docs = [
      `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  annotations:
    github.com/project-slug: ${org}/${name}
spec:
  type: service
  lifecycle: production
  owner: ${owner}
  system: system-${r % 50}
  providesApis: [${name}-api]
  dependsOn: [resource:${name}-db]
`,
      `apiVersion: backstage.io/v1alpha1
kind: API
metadata:
  name: ${name}-api
spec:
  type: openapi
  lifecycle: production
  owner: ${owner}
  definition: |
    openapi: 3.0.0
    info: { title: ${name}, version: 1.0.0 }
    paths: {}
`,
      `apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: ${name}-db
spec:
  type: database
  owner: ${owner}
`,
      `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}-worker
spec:
  type: worker
  lifecycle: production
  owner: ${owner}
  dependsOn: [component:${name}]
`,
      `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}-lib
spec:
  type: library
  lifecycle: production
  owner: ${owner}
`,
    ].slice(0, Math.max(1, Math.min(entitiesPerRepo, 5)));
    world.addRepo(org, {
      name,
      files: { 'catalog-info.yaml': docs.join('---\n') },
      date,
    });
  }
  return world;
}
