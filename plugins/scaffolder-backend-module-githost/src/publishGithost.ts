import fs from 'node:fs/promises';
import path from 'node:path';
import { ResponseError } from '@backstage/errors';
import {
  createTemplateAction,
  getRepoSourceDirectory,
} from '@backstage/plugin-scaffolder-node';
import { GitHostFileChange } from '@internal/plugin-githost-common';
import { GitHostService } from '@internal/plugin-githost-node';

/**
 * `publish:githost`: creates a repository on the portal's local git host with
 * the workspace's files as its first commit. The host creates the repository
 * and the commit together, so a failure leaves no repository behind.
 */
export function createPublishGithostAction(options: {
  githost: GitHostService;
}) {
  const { githost } = options;
  return createTemplateAction({
    id: 'publish:githost',
    description:
      "Creates a repository on the portal's local git host and pushes the workspace as its first commit",
    schema: {
      input: {
        owner: z =>
          z.string().describe('The owner (organisation) of the repository'),
        name: z => z.string().describe('The repository name'),
        description: z =>
          z.string().optional().describe('Repository description'),
        defaultBranch: z =>
          z.string().optional().describe("The default branch; default 'main'"),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Publish this workspace folder instead of the whole workspace',
            ),
        gitCommitMessage: z =>
          z
            .string()
            .optional()
            .describe("Default: 'Initial commit from the golden path'"),
      },
      output: {
        remoteUrl: z => z.string().describe('The clone URL'),
        repoContentsUrl: z =>
          z
            .string()
            .describe(
              "The default branch's root, for catalog and TechDocs URLs",
            ),
        catalogInfoUrl: z =>
          z.string().describe('The URL of catalog-info.yaml at the root'),
      },
    },
    async handler(ctx) {
      const { owner, name } = ctx.input;
      const dir = getRepoSourceDirectory(
        ctx.workspacePath,
        ctx.input.sourcePath,
      );
      const files = await workspaceFiles(dir);
      ctx.logger.info(
        `Creating ${owner}/${name} on the local git host with ${files.length} files`,
      );
      try {
        const repo = await githost.createRepository({
          owner,
          name,
          description: ctx.input.description,
          defaultBranch: ctx.input.defaultBranch ?? 'main',
          initialCommit: {
            message:
              ctx.input.gitCommitMessage ??
              'Initial commit from the golden path',
            files,
            author: authorOf(ctx.user?.entity),
          },
        });
        ctx.logger.info(
          `Created ${repo.slug}; clone it with: git clone ${repo.cloneUrl}`,
        );
        ctx.output('remoteUrl', repo.cloneUrl);
        ctx.output('repoContentsUrl', repo.contentsUrl);
        ctx.output('catalogInfoUrl', `${repo.contentsUrl}catalog-info.yaml`);
      } catch (e) {
        // The host's own words (e.g. "A repository named ... already exists").
        if (e instanceof ResponseError) {
          throw new Error(
            `The local git host did not create ${owner}/${name}: ${e.body.error.message}`,
          );
        }
        throw e;
      }
    },
  });
}

/** The person who pressed create, as the first commit's author. */
function authorOf(user?: {
  metadata: { name: string };
  spec?: { profile?: { displayName?: string; email?: string } };
}) {
  if (!user) return undefined;
  const profile = user.spec?.profile ?? {};
  return {
    name: profile.displayName ?? user.metadata.name,
    email:
      profile.email ?? `${user.metadata.name}@users.noreply.acme-pay.example`,
  };
}

/** Every file under `dir` except `.git`, with its executable bit. */
async function workspaceFiles(
  dir: string,
  base = dir,
): Promise<GitHostFileChange[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const files: GitHostFileChange[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.name === '.git') continue;
    if (entry.isDirectory()) {
      files.push(...(await workspaceFiles(full, base)));
    } else if (entry.isFile()) {
      const [content, stat] = await Promise.all([
        fs.readFile(full),
        fs.stat(full),
      ]);
      files.push({
        path: path.relative(base, full).split(path.sep).join('/'),
        base64Content: content.toString('base64'),
        executable: (stat.mode & 0o111) !== 0,
      });
    }
  }
  return files;
}
