import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { GithubStandin, GithubWorld } from '@internal/standins';
import { GithubApi } from '../githubApi';

export const DAY = 86_400_000;

/**
 * An organisation with the cases the source must tell apart, plus `bulk`
 * active repositories so that listing takes more than one page.
 */
export function acmeWorld(bulk = 0): GithubWorld {
  const world = new GithubWorld();
  const files = { 'README.md': 'hello\n' };
  world.addRepo('acme-pay', { name: 'payments', files });
  world.addRepo('acme-pay', { name: 'Ledger', files });
  world.addRepo('acme-pay', { name: 'old-archive', files, archived: true });
  world.addRepo('acme-pay', { name: 'payments-fork', files, fork: true });
  world.addRepo('acme-pay', {
    name: 'stale',
    files,
    date: new Date(Date.now() - 200 * DAY).toISOString(),
  });
  for (let i = 1; i <= bulk; i++) {
    world.addRepo('acme-pay', {
      name: `bulk-${String(i).padStart(3, '0')}`,
      files,
    });
  }
  return world;
}

/** The integrations config that points github.com at the stand-in. */
export function standinConfig(
  standin: GithubStandin,
  overrides: { token?: string; apiBaseUrl?: string } = {},
) {
  return {
    integrations: {
      github: [{ ...standin.integrationConfig(), ...overrides }],
    },
  };
}

export function apiFor(
  standin: GithubStandin,
  overrides: { token?: string; apiBaseUrl?: string } = {},
) {
  return new GithubApi(
    ScmIntegrations.fromConfig(
      new ConfigReader(standinConfig(standin, overrides)),
    ),
    'github.com',
    'acme-pay',
  );
}
