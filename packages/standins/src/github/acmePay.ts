import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { GithubWorld } from './model';

/** The organisation the portal's tests discover on the stand-in. */
export const ACME_PAY_ORG = 'acme-pay';

function filesUnder(dir: string, base = dir): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) Object.assign(out, filesUnder(full, base));
    else
      out[path.relative(base, full).split(path.sep).join('/')] =
        fs.readFileSync(full);
  }
  return out;
}

const component = (
  name: string,
  owner: string,
  extra = '',
) => `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: ${name}
  description: The ${name} service.
spec:
  type: service
  lifecycle: production
  owner: ${owner}
${extra}`;

/**
 * Repositories made for the cases real organisations have and the demo does
 * not: each name says what it is.
 */
function ownCases(): Record<
  string,
  { files?: Record<string, string>; archived?: boolean; fork?: boolean }
> {
  return {
    'multi-doc-platform': {
      files: {
        'catalog-info.yaml': [
          component(
            'rates-service',
            'team-platform',
            '  providesApis: [rates-api]\n  dependsOn: [resource:rates-cache]\n',
          ),
          `apiVersion: backstage.io/v1alpha1\nkind: API\nmetadata:\n  name: rates-api\nspec:\n  type: openapi\n  lifecycle: production\n  owner: team-platform\n  definition: |\n    openapi: 3.0.0\n    info: { title: Rates, version: 1.0.0 }\n    paths: {}\n`,
          `apiVersion: backstage.io/v1alpha1\nkind: Resource\nmetadata:\n  name: rates-cache\nspec:\n  type: cache\n  owner: team-platform\n`,
        ].join('---\n'),
      },
    },
    'not-yaml-service': {
      files: {
        // A merge conflict left in the file: not YAML.
        'catalog-info.yaml': `apiVersion: backstage.io/v1alpha1\nkind: Component\n<<<<<<< HEAD\nmetadata:\n  name: not-yaml-service\n=======\nmetadata: { name: [not-yaml\n>>>>>>> feature\n`,
      },
    },
    'invalid-entities': {
      files: {
        'catalog-info.yaml': [
          component('billing-exporter', 'team-data'),
          // Fails validation: a name with spaces, no lifecycle.
          `apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: Billing Exporter Worker\nspec:\n  type: service\n  owner: team-data\n`,
        ].join('---\n'),
      },
    },
    'unknown-kind': {
      files: {
        'catalog-info.yaml': `apiVersion: example.com/v1\nkind: Pipeline\nmetadata:\n  name: nightly-build\nspec: {}\n`,
      },
    },
    'location-index': {
      files: {
        'catalog-info.yaml': `apiVersion: backstage.io/v1alpha1\nkind: Location\nmetadata:\n  name: location-index\nspec:\n  targets:\n    - ./services/*.yaml\n`,
        'services/quotes.yaml': component('quotes-service', 'team-web'),
        'services/receipts.yaml': component('receipts-service', 'team-web'),
        'services/broken.yaml': 'kind: Component\nmetadata:\n  name: [broken\n',
      },
    },
    'no-catalog-file': { files: { 'README.md': '# No catalog file here\n' } },
    'empty-repo': {},
    'archived-gateway': {
      archived: true,
      files: { 'catalog-info.yaml': component('old-gateway', 'team-payments') },
    },
    'forked-sdk': {
      fork: true,
      files: { 'catalog-info.yaml': component('forked-sdk', 'team-sre') },
    },
    'to-be-renamed': {
      files: {
        'catalog-info.yaml': component('moving-service', 'team-payments'),
      },
    },
    'to-be-deleted': {
      files: {
        'catalog-info.yaml': component('doomed-service', 'team-payments'),
      },
    },
  };
}

/** Teams that own the filler services, round robin. */
const FILLER_OWNERS = [
  'team-payments',
  'team-data',
  'team-risk',
  'team-platform',
];

/**
 * The demo organisation as it would live on GitHub, plus the real-world corpus
 * and the cases above, for the stand-in: at least 50 repositories.
 *
 * - each folder of `catalog/` (but `org/`) is a repository of that name;
 * - `catalog/org/*.yaml` become the organisation's members and teams (a Group's
 *   `spec.parent` its parent team; the top `organization` Group is the
 *   organisation itself, which GitHub has no team for);
 * - each `fixtures/realworld/<owner>/<repo>` is a repository `rw-<owner>-<repo>`;
 * - `svc-01`..`svc-15` are plain services, so the organisation has the size of
 *   a small real one.
 */
export function buildAcmePayOnGithub(
  repoRoot: string,
  world = new GithubWorld(),
): GithubWorld {
  const org = ACME_PAY_ORG;
  world.addOrg(org);
  // An active organisation: every repository's last commit was a week ago
  // (10:00 UTC, so the commit ids stay the same all day), inside the window
  // in which catalog coverage counts a repository as production.
  const weekAgo = new Date(Date.now() - 7 * 24 * 3600 * 1000);
  const date = `${weekAgo.toISOString().slice(0, 10)}T10:00:00Z`;

  const docs = ['users.yaml', 'groups.yaml'].flatMap(f =>
    yaml
      .parseAllDocuments(
        fs.readFileSync(path.join(repoRoot, 'catalog/org', f), 'utf8'),
      )
      .map(d => d.toJSON())
      .filter(Boolean),
  );
  const users = docs.filter(d => d.kind === 'User');
  const groups = docs.filter(d => d.kind === 'Group');
  const root = groups.find(g => g.spec?.type === 'organization')?.metadata.name;
  for (const u of users) {
    world.addMember(org, {
      login: u.metadata.name,
      name: u.spec?.profile?.displayName,
      email: u.spec?.profile?.email,
    });
  }
  for (const g of groups) {
    if (g.metadata.name === root) continue;
    const members = new Set<string>(g.spec?.members ?? []);
    for (const u of users) {
      if ((u.spec?.memberOf ?? []).includes(g.metadata.name))
        members.add(u.metadata.name);
    }
    world.addTeam(org, {
      slug: g.metadata.name,
      name: g.spec?.profile?.displayName ?? g.metadata.name,
      description: g.metadata.description,
      parent:
        g.spec?.parent && g.spec.parent !== root ? g.spec.parent : undefined,
      members: [...members],
    });
  }

  const catalogDir = path.join(repoRoot, 'catalog');
  for (const entry of fs.readdirSync(catalogDir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name === 'org') continue;
    world.addRepo(org, {
      name: entry.name,
      files: filesUnder(path.join(catalogDir, entry.name)),
      date,
    });
  }

  const realworld = path.join(repoRoot, 'fixtures/realworld');
  for (const owner of fs.readdirSync(realworld, { withFileTypes: true })) {
    if (!owner.isDirectory()) continue;
    for (const repo of fs.readdirSync(path.join(realworld, owner.name))) {
      world.addRepo(org, {
        name: `rw-${owner.name}-${repo}`.toLowerCase(),
        files: filesUnder(path.join(realworld, owner.name, repo)),
        date,
      });
    }
  }

  for (const [name, init] of Object.entries(ownCases())) {
    world.addRepo(org, { name, ...init, date });
  }

  for (let i = 1; i <= 15; i++) {
    const name = `svc-${String(i).padStart(2, '0')}`;
    world.addRepo(org, {
      name,
      files: {
        'catalog-info.yaml': component(
          name,
          FILLER_OWNERS[i % FILLER_OWNERS.length],
        ),
      },
      date,
    });
  }
  return world;
}
