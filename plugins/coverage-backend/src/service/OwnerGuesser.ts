import { LoggerService } from '@backstage/backend-plugin-api';
import { CoverageRepositoryHost } from '@internal/plugin-coverage-node';
import { MissingRepository } from '@internal/plugin-coverage-common';
import { CatalogView } from '../measures/catalogView';
import {
  CODEOWNERS_PATHS,
  guessFromCodeowners,
  guessFromCommitters,
} from '../measures/ownerGuess';
import { mapPool } from './pool';

const TOP_COMMITTERS = 10;

/**
 * Guesses who owns each production repository missing from the catalog: the
 * repository's CODEOWNERS first, then the Group most of its top committers
 * are in. A host that cannot be read leaves the repository without a guess.
 */
export class OwnerGuesser {
  constructor(
    private readonly hosts: CoverageRepositoryHost[],
    private readonly logger: LoggerService,
  ) {}

  hostFor(repoSlug: string): CoverageRepositoryHost | undefined {
    return this.hosts.find(h => h.handles(repoSlug));
  }

  async guessAll(missing: MissingRepository[], catalog: CatalogView) {
    await mapPool(missing, 8, async repo => {
      const host = this.hostFor(repo.repoSlug);
      if (!host) return;
      if (!repo.url) repo.url = host.repositoryUrl(repo.repoSlug);
      try {
        const guess = await this.guess(host, repo.repoSlug, catalog);
        if (guess) repo.ownerGuess = guess;
      } catch (error) {
        this.logger.warn(
          `coverage could not guess the owner of ${repo.repoSlug}: ${error}`,
        );
      }
    });
  }

  private async guess(
    host: CoverageRepositoryHost,
    repoSlug: string,
    catalog: CatalogView,
  ) {
    for (const path of CODEOWNERS_PATHS) {
      const text = await host.readFile(repoSlug, path);
      if (text !== undefined) {
        const guess = guessFromCodeowners(text, catalog);
        if (guess) return guess;
      }
    }
    const committers = await host.topCommitters(repoSlug, TOP_COMMITTERS);
    return guessFromCommitters(committers, catalog);
  }
}
