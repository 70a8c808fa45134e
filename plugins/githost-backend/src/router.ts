import express from 'express';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  BackstageCredentials,
  BackstageServicePrincipal,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { InputError, NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import {
  githostRepositoryCreatePermission,
  githostRepositoryDeletePermission,
  githostRepositoryReadPermission,
  githostRepositoryWritePermission,
} from '@internal/plugin-githost-common';
import { GitHostService } from './service/GitHostService';
import { createSmartHttpRouter } from './smartHttp';

const file = z.object({
  path: z.string().min(1),
  base64Content: z.string(),
  executable: z.boolean().optional(),
});
const author = z.object({ name: z.string().min(1), email: z.string().min(3) });
const commit = z.object({
  message: z.string().min(1),
  files: z.array(file).min(1),
  author: author.optional(),
});
const schemas = {
  createRepository: z.object({
    owner: z.string(),
    name: z.string(),
    description: z.string().max(500).optional(),
    defaultBranch: z.string().optional(),
    initialCommit: commit.optional(),
  }),
  createBranch: z.object({ branch: z.string(), from: z.string().optional() }),
  commit: commit.extend({
    branch: z.string(),
    expectedHead: z.string().optional(),
  }),
  changeRequest: z.object({
    title: z.string().min(1).max(200),
    description: z.string().max(10000).optional(),
    sourceBranch: z.string(),
    targetBranch: z.string().optional(),
  }),
  status: z.enum(['open', 'merged', 'closed']).optional(),
};

/** The path after the route's fixed part (`/blob/:ref/*`); empty for the root. */
function restOf(req: express.Request): string {
  return (req.params as Record<string, string | undefined>)[0] ?? '';
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InputError(
      `Invalid request: ${issue.path.join('.') || 'body'} ${issue.message}`,
    );
  }
  return result.data;
}

/** The git host's HTTP API; every route needs a signed-in user or a service. */
export function createRouter(options: {
  service: GitHostService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
}): express.Router {
  const { service, httpAuth, permissions } = options;
  const router = Router();

  async function authorize(
    req: express.Request,
    permission: BasicPermission,
  ): Promise<
    BackstageCredentials<BackstageUserPrincipal | BackstageServicePrincipal>
  > {
    const credentials = await httpAuth.credentials(req, {
      allow: ['user', 'service'],
    });
    const [decision] = await permissions.authorize([{ permission }], {
      credentials,
    });
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `You may not ${
          permission.attributes.action ?? 'use'
        } repositories on the local git host`,
      );
    }
    return credentials;
  }

  // Smart HTTP (git clone) reads raw request bodies: mounted before the JSON parser.
  router.use(
    '/git',
    createSmartHttpRouter({
      repos: service.repos,
      authorize: req => authorize(req, githostRepositoryReadPermission),
    }),
  );
  router.use(express.json({ limit: '50mb' }));

  router.get('/repos', async (req, res) => {
    await authorize(req, githostRepositoryReadPermission);
    res.json(await service.listRepositories());
  });
  router.post('/repos', async (req, res) => {
    await authorize(req, githostRepositoryCreatePermission);
    const body = parse(schemas.createRepository, req.body);
    res.status(201).json(await service.createRepository(body));
  });
  router.get('/repos/:owner/:repo', async (req, res) => {
    await authorize(req, githostRepositoryReadPermission);
    res.json(await service.getRepository(req.params.owner, req.params.repo));
  });
  router.delete('/repos/:owner/:repo', async (req, res) => {
    await authorize(req, githostRepositoryDeletePermission);
    await service.deleteRepository(req.params.owner, req.params.repo);
    res.status(204).end();
  });

  router.get('/repos/:owner/:repo/branches', async (req, res) => {
    await authorize(req, githostRepositoryReadPermission);
    res.json(await service.repos.branches(req.params.owner, req.params.repo));
  });
  router.post('/repos/:owner/:repo/branches', async (req, res) => {
    await authorize(req, githostRepositoryWritePermission);
    const { branch, from } = parse(schemas.createBranch, req.body);
    const { owner, repo } = req.params;
    res
      .status(201)
      .json(await service.repos.createBranch(owner, repo, branch, from));
  });
  router.post('/repos/:owner/:repo/commits', async (req, res) => {
    await authorize(req, githostRepositoryWritePermission);
    const body = parse(schemas.commit, req.body);
    const { owner, repo } = req.params;
    res.status(201).json(await service.repos.commit(owner, repo, body));
  });

  router.get('/repos/:owner/:repo/blob/:ref/*', async (req, res) => {
    await authorize(req, githostRepositoryReadPermission);
    const { owner, repo, ref } = req.params;
    const found = await service.repos.readFile(owner, repo, ref, restOf(req));
    res.setHeader('ETag', `"${found.blob}"`);
    res.type('application/octet-stream').send(found.content);
  });
  router.get(
    ['/repos/:owner/:repo/tree/:ref', '/repos/:owner/:repo/tree/:ref/*'],
    async (req, res) => {
      await authorize(req, githostRepositoryReadPermission);
      const { owner, repo, ref } = req.params;
      const tree = await service.repos.listTree(owner, repo, ref, restOf(req));
      res.json(tree.entries);
    },
  );

  router.post('/repos/:owner/:repo/change-requests', async (req, res) => {
    const credentials = await authorize(req, githostRepositoryWritePermission);
    const body = parse(schemas.changeRequest, req.body);
    const { principal } = credentials;
    const createdBy =
      principal.type === 'user' ? principal.userEntityRef : principal.subject;
    const { owner, repo } = req.params;
    res
      .status(201)
      .json(await service.openChangeRequest(owner, repo, body, createdBy));
  });
  router.get('/repos/:owner/:repo/change-requests', async (req, res) => {
    await authorize(req, githostRepositoryReadPermission);
    const status = parse(schemas.status, req.query.status);
    const { owner, repo } = req.params;
    res.json(await service.listChangeRequests(owner, repo, status));
  });
  router.get('/repos/:owner/:repo/change-requests/:id', async (req, res) => {
    await authorize(req, githostRepositoryReadPermission);
    const id = Number(req.params.id);
    if (!Number.isInteger(id)) {
      throw new InputError('A change request id is a whole number');
    }
    const { owner, repo } = req.params;
    res.json(await service.getChangeRequest(owner, repo, id));
  });
  return router;
}
