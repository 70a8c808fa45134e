import { LoggerService } from '@backstage/backend-plugin-api';
import { GitHostService } from '@internal/plugin-githost-node';
import { DEMO_REPOSITORIES } from './demoRepositories';

/**
 * Creates the demo's missing production repositories on the local git host,
 * each only if absent (a repository someone changed is left alone).
 */
export async function seedDemoRepositories(
  gitHost: GitHostService,
  logger: LoggerService,
): Promise<string[]> {
  const existing = new Set(
    (await gitHost.listRepositories()).map(r =>
      r.slug.toLocaleLowerCase('en-US'),
    ),
  );
  const created: string[] = [];
  for (const repo of DEMO_REPOSITORIES) {
    const slug = `${repo.owner}/${repo.name}`;
    if (existing.has(slug)) continue;
    await gitHost.createRepository({
      owner: repo.owner,
      name: repo.name,
      description: repo.description,
      initialCommit: {
        message: 'Initial commit',
        author: repo.author,
        files: Object.entries(repo.files).map(([path, text]) => ({
          path,
          base64Content: Buffer.from(text, 'utf8').toString('base64'),
        })),
      },
    });
    created.push(slug);
  }
  if (created.length) {
    logger.info(
      `coverage seeded demo repositories on the local git host: ${created.join(
        ', ',
      )}`,
    );
  }
  return created;
}
