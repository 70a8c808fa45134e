import path from 'node:path';
import { startAcmePayOnGithub } from '../__testUtils__/acmePayOnGithub';
import { TASKS } from '../__testUtils__/githubCatalog';
import {
  compareWithCatalog,
  judgeCorpus,
} from '../__testUtils__/realworldOracle';
import { createTestDatabases } from '../__testUtils__/testDatabases';

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

      const { catalog, stop } = await startAcmePayOnGithub({
        databases,
        databaseId,
      });
      try {
        await catalog.run(TASKS.realworld);
        expect(
          await compareWithCatalog(expected, {
            refs: () => catalog.refs(),
            reportedFiles: async () =>
              new Set(
                (
                  await catalog.problems()
                )
                  .map(p =>
                    p.sourceUrl?.match(
                      /^https:\/\/github\.com\/acme-pay\/(rw-[^/]+)\/blob\/main\/(.+)$/,
                    ),
                  )
                  .filter((m): m is RegExpMatchArray => Boolean(m))
                  .map(m => `${m[1]}/${m[2]}`),
              ),
          }),
        ).toEqual({
          missing: [],
          notReported: [],
          withoutReason: [],
          duplicatesNotReported: [],
        });
      } finally {
        await stop();
      }
    },
    240_000,
  );
});
