import { GithubFault, GithubStandin } from '@internal/standins';
import {
  discoverAll,
  startAcmePayOnGithub,
} from '../__testUtils__/acmePayOnGithub';
import {
  GithubCatalog,
  TASKS,
  waitUntil,
} from '../__testUtils__/githubCatalog';
import { createTestDatabases } from '../__testUtils__/testDatabases';

/** Every entity the catalog serves but the Locations that found them. */
const everything = async (catalog: GithubCatalog) =>
  (await catalog.refs()).filter(r => !r.startsWith('location:'));

/**
 * Runs `during` while sampling the catalog, and returns the refs that were
 * missing from any sample compared to `before`: what a person would have
 * found gone while GitHub misbehaved.
 */
async function lostWhile(
  catalog: GithubCatalog,
  before: string[],
  during: () => Promise<void>,
): Promise<string[]> {
  const lost = new Set<string>();
  let done = false;
  const sampler = (async () => {
    while (!done) {
      const now = new Set(await everything(catalog));
      before.filter(r => !now.has(r)).forEach(r => lost.add(r));
      await new Promise(r => setTimeout(r, 200));
    }
  })();
  try {
    await during();
  } finally {
    done = true;
    await sampler;
  }
  return [...lost];
}

/** A change on GitHub the catalog has to catch up with afterwards. */
function changeTheOrganisation(standin: GithubStandin, tag: string) {
  standin.world.addRepo('acme-pay', {
    name: `new-${tag}`,
    files: {
      'catalog-info.yaml': `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: new-${tag}
spec:
  type: service
  lifecycle: experimental
  owner: team-payments
`,
    },
  });
  standin.world.commit('acme-pay', 'svc-01', {
    'catalog-info.yaml': `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: svc-01
  description: Changed while GitHub was ${tag}.
spec:
  type: service
  lifecycle: production
  owner: team-data
`,
  });
}

async function caughtUp(catalog: GithubCatalog, tag: string) {
  await waitUntil(`the catalog to catch up after ${tag}`, async () => {
    const added = await catalog.entity(`component:new-${tag}`);
    const changed = await catalog.entity('component:svc-01');
    return added && changed?.metadata.description?.includes(tag)
      ? true
      : undefined;
  });
}

describe('when GitHub rate-limits or fails in the middle of a run', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'the catalog loses nothing and catches up afterwards, on %p',
    async databaseId => {
      const { standin, catalog, stop } = await startAcmePayOnGithub({
        databases,
        databaseId,
      });
      try {
        await discoverAll(catalog);
        const before = await everything(catalog);
        expect(before.length).toBeGreaterThan(100);

        const faulted = async (
          faults: GithubFault[],
          run: () => Promise<void>,
        ) => {
          const since = Date.now();
          faults.forEach(f => standin.traffic.inject(f));
          const lost = await lostWhile(catalog, before, run);
          standin.traffic.clearFaults();
          return { lost, stats: standin.traffic.stats(since) };
        };

        // 1. The primary rate limit runs out after the first page of
        // repositories: GraphQL answers RATE_LIMITED and file reads 403 with
        // x-ratelimit-remaining: 0, until the reset two seconds later.
        changeTheOrganisation(standin, 'rate-limited');
        const primary = await faulted(
          [
            {
              kind: 'primary-rate-limit',
              api: 'graphql',
              after: 1,
              seconds: 2,
            },
            { kind: 'primary-rate-limit', api: 'rest', seconds: 4 },
          ],
          () => catalog.run(TASKS.repos),
        );
        expect(primary.stats.rateLimited).toBeGreaterThan(1);
        expect(primary.lost).toEqual([]);
        await caughtUp(catalog, 'rate-limited');

        // 2. A secondary rate limit: 429 with retry-after, on GraphQL mid-run
        // and on file reads.
        changeTheOrganisation(standin, 'throttled');
        const secondary = await faulted(
          [
            {
              kind: 'secondary-rate-limit',
              status: 429,
              api: 'graphql',
              after: 1,
              times: 1,
              seconds: 1,
            },
            {
              kind: 'secondary-rate-limit',
              status: 429,
              api: 'rest',
              times: 40,
            },
          ],
          () => catalog.run(TASKS.repos),
        );
        expect(
          standin.traffic.log.filter(
            e => e.status === 429 && e.at >= Date.now() - 60_000,
          ).length,
        ).toBeGreaterThan(1);
        expect(secondary.lost).toEqual([]);
        await caughtUp(catalog, 'throttled');

        // 3. GitHub fails the whole run (502 after the first page, through
        // every retry): the run ends without touching the catalog, and the
        // next run catches up.
        changeTheOrganisation(standin, 'down');
        const down = await faulted(
          [{ kind: 'server-error', status: 502, api: 'graphql', after: 1 }],
          () => catalog.run(TASKS.repos),
        );
        expect(down.lost).toEqual([]);
        expect(await catalog.entity('component:new-down')).toBeUndefined();
        await catalog.run(TASKS.repos);
        await caughtUp(catalog, 'down');

        // Nothing that was there before is gone.
        const after = new Set(await everything(catalog));
        expect(before.filter(r => !after.has(r))).toEqual([]);
      } finally {
        await stop();
      }
    },
    240_000,
  );
});
