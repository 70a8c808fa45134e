import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ResponseError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { GitHostService } from '@internal/plugin-githost-node';
import { GithubRepos } from './githubRepos';

/**
 * `golden-path:register`: registers the new repository's catalog-info.yaml, or,
 * when the catalog refuses it, deletes the repository the template just made
 * (on the local git host or on GitHub), so a failed run leaves neither a
 * repository nor a catalog location behind.
 * The catalog reads the file first (a dry run) and only then keeps the location.
 */
export function createRegisterAction(options: {
  catalog: CatalogService;
  githost: GitHostService;
  github: GithubRepos;
}) {
  const { catalog, githost, github } = options;
  return createTemplateAction({
    id: 'golden-path:register',
    description:
      'Registers catalog-info.yaml in the catalog; if the catalog refuses it, deletes the repository this run made',
    schema: {
      input: {
        catalogInfoUrl: z =>
          z.string().describe('The URL of the catalog-info.yaml to register'),
        undoGithostRepository: z =>
          z
            .object({ owner: z.string(), name: z.string() })
            .optional()
            .describe(
              'The local git host repository to delete if registration fails',
            ),
        undoGithubRepoUrl: z =>
          z
            .string()
            .optional()
            .describe(
              'The GitHub repository (a repoUrl) to delete if registration fails',
            ),
      },
      output: {
        entityRef: z => z.string(),
        catalogInfoUrl: z => z.string(),
      },
    },
    async handler(ctx) {
      const {
        catalogInfoUrl,
        undoGithostRepository: undo,
        undoGithubRepoUrl,
      } = ctx.input;
      const credentials = await ctx.getInitiatorCredentials();
      const location = { type: 'url', target: catalogInfoUrl };
      let locationId: string | undefined;
      try {
        ctx.logger.info(`Registering ${catalogInfoUrl} in the catalog`);
        const preview = await catalog.addLocation(
          { ...location, dryRun: true },
          { credentials },
        );
        const entity = pickComponent(preview.entities);
        if (!entity) {
          throw new Error(`${catalogInfoUrl} describes no entity`);
        }
        const added = await catalog.addLocation(location, { credentials });
        locationId = added.location.id;
        const entityRef = stringifyEntityRef(entity);
        ctx.output('entityRef', entityRef);
        ctx.output('catalogInfoUrl', catalogInfoUrl);
        await waitForEntity(catalog, entityRef, credentials, ctx.logger);
      } catch (e) {
        // The catalog's own words, not the HTTP status line of its client.
        const reason =
          e instanceof ResponseError
            ? e.body.error.message
            : (e as Error).message;
        const undone: string[] = [];
        if (locationId) {
          await catalog.removeLocationById(locationId, { credentials });
          undone.push('its catalog location was removed');
        }
        if (undo) {
          await githost.deleteRepository(undo.owner, undo.name);
          undone.push(`the repository ${undo.owner}/${undo.name} was deleted`);
        }
        let byHand = '';
        if (undoGithubRepoUrl) {
          const result = await github.undo(
            github.parse(undoGithubRepoUrl),
            ctx.logger,
          );
          if (result.deleted) undone.push(result.clause);
          else byHand = ` ${result.sentence}`;
        }
        throw new Error(
          `The catalog did not accept the new service: ${reason}.${
            undone.length && !byHand
              ? ` Nothing is left behind: ${undone.join(' and ')}.`
              : ''
          }${byHand}`,
        );
      }
    },
  });
}

/** How long the run waits for the catalog to show the new entity. */
const ENTITY_WAIT_MS = 60_000;
const ENTITY_POLL_MS = 500;

/**
 * Waits until the catalog serves the new entity, so that "Open in the catalog"
 * at the end of the run opens its page rather than "Entity not found" (the
 * catalog processes a new location a few seconds after it is added). If it
 * takes longer than a minute, the run still succeeds: the location is
 * registered and the page appears once the catalog gets to it.
 */
async function waitForEntity(
  catalog: CatalogService,
  entityRef: string,
  credentials: Parameters<CatalogService['getEntityByRef']>[1]['credentials'],
  logger: { info(message: string): void; warn(message: string): void },
) {
  const deadline = Date.now() + ENTITY_WAIT_MS;
  while (!(await catalog.getEntityByRef(entityRef, { credentials }))) {
    if (Date.now() >= deadline) {
      logger.warn(
        `${entityRef} is registered but the catalog has not processed it yet; its page appears once it has`,
      );
      return;
    }
    await new Promise(resolve => setTimeout(resolve, ENTITY_POLL_MS));
  }
  logger.info(`${entityRef} is in the catalog`);
}

/** The entity the new service's page is about: its Component, else the first. */
function pickComponent(entities: Entity[]): Entity | undefined {
  return (
    entities.find(
      e => e.kind === 'Component' && !e.metadata.name.startsWith('generated-'),
    ) ??
    entities.find(e => !e.metadata.name.startsWith('generated-')) ??
    entities[0]
  );
}
