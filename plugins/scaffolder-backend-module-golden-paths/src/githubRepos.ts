import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  DefaultGithubCredentialsProvider,
  GithubCredentialsProvider,
  ScmIntegrationRegistry,
} from '@backstage/integration';
import {
  getOctokitClient,
  getOctokitOptions,
} from '@backstage/plugin-scaffolder-backend-module-github';
import { parseRepoUrl } from '@backstage/plugin-scaffolder-node';

/** A GitHub repository a template names (`github.com?owner=o&repo=r`). */
export interface GithubRepoRef {
  host: string;
  owner: string;
  repo: string;
}

/**
 * The outcome of undoing a repository this run made: `deleted` says
 * "the repository o/r was deleted from GitHub"; otherwise `sentence` says what
 * to delete by hand, and why the portal could not.
 */
export type UndoResult =
  | { deleted: true; clause: string }
  | { deleted: false; sentence: string };

const statusOf = (e: unknown): number | undefined =>
  typeof (e as any)?.status === 'number' ? (e as any).status : undefined;

/**
 * The golden paths' calls to GitHub, through the configured integration
 * (`integrations.github`, its token or GitHub App, and its `apiBaseUrl`) and
 * the same Octokit options publish:github uses: does a repository exist, and
 * delete one this run made. Messages name the repository, never a token.
 */
export class GithubRepos {
  readonly credentialsProvider: GithubCredentialsProvider;

  constructor(private readonly integrations: ScmIntegrationRegistry) {
    this.credentialsProvider =
      DefaultGithubCredentialsProvider.fromIntegrations(integrations);
  }

  /** Reads `owner` and `repo` from a template's `repoUrl`. */
  parse(repoUrl: string): GithubRepoRef {
    const { host, owner, repo } = parseRepoUrl(repoUrl, this.integrations);
    if (!owner) {
      throw new InputError(`The repository ${repoUrl} names no owner`);
    }
    if (!this.integrations.github.byHost(host)) {
      throw new InputError(
        `There is no GitHub integration for ${host}: an operator must add it to integrations.github`,
      );
    }
    return { host, owner, repo };
  }

  /** Every token the integrations hold, to blank out of messages. */
  redact(message: string): string {
    let out = message;
    for (const integration of this.integrations.github.list()) {
      const token = integration.config.token;
      if (token) out = out.split(token).join('***');
    }
    return out;
  }

  private async client(ref: GithubRepoRef, logger: LoggerService) {
    const options = await getOctokitOptions({
      integrations: this.integrations,
      credentialsProvider: this.credentialsProvider,
      host: ref.host,
      owner: ref.owner,
      repo: ref.repo,
    });
    // No retries (Octokit's retry plugin reads request.retries): a person is
    // waiting, and a GitHub that fails now is said at once.
    return getOctokitClient(
      { ...options, request: { ...options.request, retries: 0 } },
      logger,
      { retries: 0 },
    );
  }

  /**
   * Refuses, in words, a repository that exists, an owner GitHub does not
   * know, a token GitHub refuses, and a GitHub that cannot be reached.
   */
  async assertFree(ref: GithubRepoRef, logger: LoggerService): Promise<void> {
    const slug = `${ref.owner}/${ref.repo}`;
    const reach = (e: unknown, what: string) => {
      const status = statusOf(e);
      if (status === 401 || status === 403) {
        return new ServiceUnavailableError(
          `GitHub (${ref.host}) refused the portal's token (${status}) when ${what}: an operator must give integrations.github a token that can read and create repositories of ${ref.owner}. Nothing was made.`,
        );
      }
      return new ServiceUnavailableError(
        `GitHub (${ref.host}) could not be reached when ${what}: ${this.redact(
          (e as Error).message,
        )}. Nothing was made; try again later.`,
      );
    };
    const client = await this.client(ref, logger);
    try {
      await client.rest.users.getByUsername({ username: ref.owner });
    } catch (e) {
      if (statusOf(e) === 404) {
        throw new InputError(
          `There is no GitHub organisation or user named ${ref.owner} on ${ref.host}. Choose an existing owner.`,
        );
      }
      throw reach(e, `checking the owner ${ref.owner}`);
    }
    let exists: boolean;
    try {
      await client.rest.repos.get({ owner: ref.owner, repo: ref.repo });
      exists = true;
    } catch (e) {
      if (statusOf(e) !== 404)
        throw reach(e, `checking whether ${slug} exists`);
      exists = false;
    }
    if (exists) {
      throw new ConflictError(
        `A repository named ${slug} already exists on GitHub. Choose another name.`,
      );
    }
  }

  /** Whether the repository exists now (undefined when GitHub cannot say). */
  async exists(ref: GithubRepoRef, logger: LoggerService) {
    const client = await this.client(ref, logger);
    try {
      await client.rest.repos.get({ owner: ref.owner, repo: ref.repo });
      return true;
    } catch (e) {
      return statusOf(e) === 404 ? false : undefined;
    }
  }

  /**
   * Deletes a repository this run made, and says in a sentence what became of
   * it: deleted, or to be deleted by hand (a token without `delete_repo`).
   */
  async undo(ref: GithubRepoRef, logger: LoggerService): Promise<UndoResult> {
    const slug = `${ref.owner}/${ref.repo}`;
    const byHand = `https://${ref.host}/${slug}`;
    try {
      const client = await this.client(ref, logger);
      await client.rest.repos.delete({ owner: ref.owner, repo: ref.repo });
      return {
        deleted: true,
        clause: `the repository ${slug} was deleted from GitHub`,
      };
    } catch (e) {
      const status = statusOf(e);
      if (status === 404) {
        return {
          deleted: true,
          clause: `the repository ${slug} is gone from GitHub`,
        };
      }
      const why =
        status === 403
          ? "the portal's GitHub token may not delete repositories; it needs the delete_repo scope, or Administration: write"
          : `GitHub answered: ${this.redact((e as Error).message)}`;
      return {
        deleted: false,
        sentence: `The half-made repository ${slug} could not be deleted (${why}): delete it by hand at ${byHand}.`,
      };
    }
  }
}
