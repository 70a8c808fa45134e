import { RootConfigService } from '@backstage/backend-plugin-api';
import { ScmIntegrationRegistry } from '@backstage/integration';
import { createPublishGithubAction } from '@backstage/plugin-scaffolder-backend-module-github';
import {
  ActionContext,
  TemplateAction,
} from '@backstage/plugin-scaffolder-node';
import { GithubRepos } from './githubRepos';

/** The message upstream publish:github fails with when GitHub refused to create. */
const CREATION_REFUSED = /^Failed to create the \w+ repository /;

/**
 * A failure in words. A refused `git push` reaches us as scaffolder-node's
 * `HTTP Error: 403 Forbidden {data={...}}`: say it with GitHub's own answer.
 */
function describeFailure(e: unknown): string {
  const message = String((e as Error)?.message ?? e);
  const http = message.match(/^HTTP Error: (.*?) \{data=(.*)\}$/s);
  if (!http) return message;
  let said = '';
  try {
    const data = JSON.parse(http[2]);
    said = typeof data?.response === 'string' ? data.response.trim() : '';
  } catch {
    // Not JSON: the status line alone says enough.
  }
  return `git push was refused with ${http[1]}${
    said ? ` (${said.replace(/\.$/, '')})` : ''
  }`;
}

/**
 * `golden-path:publish-github`: the real `publish:github` (same inputs and
 * outputs), made all-or-nothing. It refuses a repository that already exists;
 * if publishing fails after GitHub created the repository (the push refused,
 * say), it deletes that half-made repository, or, when the token may not
 * delete, fails with a message naming the repository to delete by hand.
 */
export function createGoldenPathPublishGithubAction(options: {
  integrations: ScmIntegrationRegistry;
  config: RootConfigService;
  github: GithubRepos;
}): TemplateAction<any, any, any> {
  const { integrations, config, github } = options;
  const upstream = createPublishGithubAction({
    integrations,
    config,
    githubCredentialsProvider: github.credentialsProvider,
  });
  return {
    id: 'golden-path:publish-github',
    description:
      'Creates the repository on GitHub as publish:github does; if publishing fails after the repository was created, deletes it',
    examples: upstream.examples,
    schema: upstream.schema,
    async handler(ctx: ActionContext<any, any, any>) {
      const ref = github.parse(ctx.input.repoUrl);
      const slug = `${ref.owner}/${ref.repo}`;
      // Only a repository this run made may be deleted: refuse one that exists.
      await github.assertFree(ref, ctx.logger);
      let creationRefused = false;
      const watched: ActionContext<any, any, any> = {
        ...ctx,
        checkpoint: async (opts: any) =>
          ctx.checkpoint({
            ...opts,
            fn: async () => {
              try {
                return await opts.fn();
              } catch (e) {
                creationRefused ||= CREATION_REFUSED.test(
                  String((e as Error)?.message),
                );
                throw e;
              }
            },
          }),
      };
      try {
        await upstream.handler(watched);
      } catch (e) {
        const reason = github.redact(describeFailure(e));
        const failed = `Publishing ${slug} to GitHub failed: ${reason.replace(
          /\.$/,
          '',
        )}.`;
        // When GitHub cannot say whether it exists, try deleting all the same.
        if (
          creationRefused ||
          (await github.exists(ref, ctx.logger)) === false
        ) {
          throw new Error(`${failed} No repository was made.`);
        }
        ctx.logger.warn(`Deleting the half-made repository ${slug}`);
        const undone = await github.undo(ref, ctx.logger);
        throw new Error(
          undone.deleted
            ? `${failed} Nothing is left behind: ${undone.clause}.`
            : `${failed} ${undone.sentence}`,
        );
      }
    },
  };
}
