import fs from 'node:fs/promises';
import path from 'node:path';
import yaml from 'yaml';
import { ConflictError, InputError, ResponseError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { describeInvalidName } from '@internal/plugin-githost-common';
import { GitHostService } from '@internal/plugin-githost-node';
import { GithubRepos } from './githubRepos';

/**
 * `golden-path:check`: everything that can refuse a new service, checked before
 * anything is made: the name's form, the name free in the catalog, the
 * repository free on the local git host or on GitHub, and the generated
 * catalog-info.yaml valid for the catalog. Runs in dry runs too (it changes
 * nothing), except that a dry run does not ask GitHub.
 */
export function createCheckAction(options: {
  catalog: CatalogService;
  githost: GitHostService;
  github: GithubRepos;
}) {
  const { catalog, githost, github } = options;
  return createTemplateAction({
    id: 'golden-path:check',
    description:
      'Refuses, in words, a new service whose name is invalid or taken, before any repository is made',
    supportsDryRun: true,
    schema: {
      input: {
        name: z => z.string().describe('The new component and repository name'),
        githostOwner: z =>
          z
            .string()
            .optional()
            .describe(
              'Check that <githostOwner>/<name> is free on the local git host',
            ),
        githubRepoUrl: z =>
          z
            .string()
            .optional()
            .describe(
              'Check that this GitHub repository (a repoUrl) does not exist yet',
            ),
        catalogInfoPath: z =>
          z
            .string()
            .optional()
            .describe(
              'Validate this generated file with the catalog (workspace path)',
            ),
      },
    },
    async handler(ctx) {
      const { name, githostOwner, githubRepoUrl, catalogInfoPath } = ctx.input;
      const problem = describeInvalidName(name);
      if (problem) {
        throw new InputError(
          `The name "${name}" ${problem}. A name is lowercase letters, digits and single dashes, starting with a letter, at most 63 characters.`,
        );
      }
      const credentials = await ctx.getInitiatorCredentials();
      const taken = await catalog.getEntityByRef(
        { kind: 'Component', namespace: 'default', name },
        { credentials },
      );
      if (taken) {
        throw new ConflictError(
          `The name "${name}" is already taken in the catalog by component:default/${name} (owner: ${
            taken.spec?.owner ?? 'unknown'
          }). Choose another name.`,
        );
      }
      if (githostOwner) {
        const existing = await githost
          .getRepository(githostOwner, name)
          .catch(e => {
            if (e instanceof ResponseError && e.response.status === 404)
              return undefined;
            throw e;
          });
        if (existing) {
          throw new ConflictError(
            `A repository named ${githostOwner}/${name} already exists on the local git host. Choose another name.`,
          );
        }
      }
      if (githubRepoUrl) {
        const ref = github.parse(githubRepoUrl);
        if (ctx.isDryRun) {
          ctx.logger.info(
            `Dry run: not asking GitHub whether ${ref.owner}/${ref.repo} exists`,
          );
        } else {
          await github.assertFree(ref, ctx.logger);
        }
      }
      if (catalogInfoPath) {
        const file = path.join(ctx.workspacePath, catalogInfoPath);
        const entity = yaml.parse(await fs.readFile(file, 'utf8'));
        const result = await catalog.validateEntity(
          entity,
          `url:https://golden-path.invalid/${name}/${catalogInfoPath}`,
          { credentials },
        );
        if (!result.valid) {
          throw new InputError(
            `The generated ${catalogInfoPath} is not valid for the catalog: ${result.errors
              .map(e => e.message)
              .join('; ')}`,
          );
        }
      }
      ctx.logger.info(`The name "${name}" is free and valid`);
    },
  });
}
