import path from 'node:path';
import { buildAcmePayOnGithub, GithubStandin } from '@internal/standins';
import {
  startGithubCatalog,
  TASKS,
  waitUntil,
} from '../__testUtils__/githubCatalog';
import {
  judgeCorpus,
  unexplainedReports,
} from '../__testUtils__/realworldOracle';
import {
  createTestDatabases,
  perPluginDatabases,
} from '../__testUtils__/testDatabases';

const repoRoot = path.resolve(__dirname, '../../../..');

/**
 * The real-world corpus (fixtures/realworld: eight public repositories' catalog
 * files, mistakes included) discovered through the stand-in GitHub. Judged
 * independently, file by file, with the catalog model's validators: every
 * entity valid as written must be in the catalog, every file that fails must be
 * reported, and nothing else may be.
 */
describe('the real-world corpus, from GitHub', () => {
  const databases = createTestDatabases();

  it.each(databases.eachSupportedId())(
    'ingests every valid entity and reports every failing file, on %p',
    async databaseId => {
      const expected = await judgeCorpus(
        path.join(repoRoot, 'fixtures/realworld'),
      );
      // The oracle itself sees what the corpus is known to hold.
      expect(expected.valid.size).toBeGreaterThan(700);
      expect(expected.failing.size).toBeGreaterThan(5);

      const standin = await GithubStandin.start({
        world: buildAcmePayOnGithub(repoRoot),
      });
      const catalog = await startGithubCatalog({
        standin,
        database: perPluginDatabases(databases, databaseId),
      });
      try {
        await catalog.run(TASKS.realworld);
        let missing: string[] = [...expected.valid];
        await waitUntil(
          'every valid entity of the corpus',
          async () => {
            const refs = new Set(
              (await catalog.refs()).map(r => r.toLowerCase()),
            );
            missing = [...expected.valid].filter(r => !refs.has(r));
            return missing.length === 0 ? true : undefined;
          },
          120_000,
        ).catch(() => undefined);
        expect(missing).toEqual([]);

        // Each reported problem, as the file it names (`repo/path`).
        let reported = new Set<string>();
        await waitUntil('every failing file', async () => {
          const files = new Set(
            (await catalog.problems())
              .map(p =>
                p.sourceUrl?.match(
                  /^https:\/\/github\.com\/acme-pay\/(rw-[^/]+)\/blob\/main\/(.+)$/,
                ),
              )
              .filter((m): m is RegExpMatchArray => Boolean(m))
              .map(m => `${m[1]}/${m[2]}`),
          );
          reported = files;
          const { notReported, duplicatesNotReported } = unexplainedReports(
            expected,
            files,
          );
          return notReported.length + duplicatesNotReported.length === 0
            ? true
            : undefined;
        }).catch(() => undefined);
        expect(unexplainedReports(expected, reported)).toEqual({
          notReported: [],
          withoutReason: [],
          duplicatesNotReported: [],
        });
      } finally {
        await catalog.stop();
        await standin.stop();
      }
    },
    240_000,
  );
});
