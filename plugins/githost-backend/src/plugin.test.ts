import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { githostPlugin } from './plugin';
import { createTestDatabases, textFile } from './__testUtils__/testDatabases';

const run = promisify(execFile);
const databases = createTestDatabases();

async function startHost(
  databaseId: Parameters<typeof databases.init>[0],
  options: { deny?: boolean } = {},
) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'githost-'));
  const knex = await databases.init(databaseId);
  const backend = await startTestBackend({
    features: [
      githostPlugin,
      mockServices.rootConfig.factory({
        data: { githost: { directory: dir } },
      }),
      mockServices.database.factory({ knex }),
      ...(options.deny
        ? [mockServices.permissions.factory({ result: AuthorizeResult.DENY })]
        : []),
    ],
  });
  return { backend, dir, api: () => request(backend.server) };
}

const newService = {
  owner: 'acme-pay',
  name: 'invoice-exporter',
  description: 'Exports invoices',
  initialCommit: {
    message: 'Initial commit',
    files: [
      textFile('catalog-info.yaml', 'kind: Component\n'),
      textFile('docs/index.md', '# Invoice exporter\n'),
      textFile('run.sh', '#!/bin/sh\necho hi\n', true),
    ],
  },
};

describe.each(databases.eachSupportedId())(
  'the local git host on %p',
  databaseId => {
    let host: Awaited<ReturnType<typeof startHost>>;
    beforeAll(async () => {
      host = await startHost(databaseId);
    });
    afterAll(async () => {
      await host.backend.stop();
      await fs.rm(host.dir, { recursive: true, force: true });
    });

    it('creates a real git repository with its first commit, and serves its files', async () => {
      const created = await host
        .api()
        .post('/api/githost/repos')
        .send(newService);
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        slug: 'acme-pay/invoice-exporter',
        description: 'Exports invoices',
        defaultBranch: 'main',
      });
      expect(created.body.contentsUrl).toMatch(
        /\/api\/githost\/repos\/acme-pay\/invoice-exporter\/blob\/main\/$/,
      );

      // A bare repository on disk that the machine's git reads.
      const gitDir = path.join(host.dir, 'acme-pay', 'invoice-exporter.git');
      const log = await run('git', [
        '--git-dir',
        gitDir,
        'log',
        '--format=%s|%an',
        'main',
      ]);
      expect(log.stdout.trim()).toBe('Initial commit|Acme Developer Portal');

      const file = await host
        .api()
        .get(
          '/api/githost/repos/acme-pay/invoice-exporter/blob/main/docs/index.md',
        );
      expect(file.status).toBe(200);
      expect(file.body.toString()).toBe('# Invoice exporter\n');

      const tree = await host
        .api()
        .get('/api/githost/repos/acme-pay/invoice-exporter/tree/main');
      expect(tree.body.map((e: any) => e.path).sort()).toEqual([
        'catalog-info.yaml',
        'docs/index.md',
        'run.sh',
      ]);

      const docs = await host
        .api()
        .get('/api/githost/repos/acme-pay/invoice-exporter/tree/main/docs');
      expect(docs.body).toEqual([{ path: 'index.md', type: 'blob', size: 19 }]);

      const list = await host.api().get('/api/githost/repos');
      expect(list.body.map((r: any) => r.slug)).toEqual([
        'acme-pay/invoice-exporter',
      ]);
    });

    it('lets git clone a repository over HTTP with a portal token, executable bits kept', async () => {
      const out = await fs.mkdtemp(path.join(os.tmpdir(), 'githost-clone-'));
      try {
        const { port } = host.backend.server.address() as { port: number };
        const url = `http://localhost:${port}/api/githost/git/acme-pay/invoice-exporter.git`;
        await run(
          'git',
          [
            '-c',
            `http.extraHeader=Authorization: Bearer ${mockCredentials.user.token()}`,
            'clone',
            '--quiet',
            url,
            out,
          ],
          { env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
        );
        expect(
          await fs.readFile(path.join(out, 'catalog-info.yaml'), 'utf8'),
        ).toBe('kind: Component\n');
        expect((await fs.stat(path.join(out, 'run.sh'))).mode & 0o111).not.toBe(
          0,
        );
      } finally {
        await fs.rm(out, { recursive: true, force: true });
      }
    });

    it('refuses a repository that already exists, keeping the first one as it was', async () => {
      const again = await host
        .api()
        .post('/api/githost/repos')
        .send({
          ...newService,
          initialCommit: { message: 'Other', files: [textFile('x', 'y')] },
        });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toBe(
        'A repository named acme-pay/invoice-exporter already exists on the local git host',
      );
      const file = await host
        .api()
        .get(
          '/api/githost/repos/acme-pay/invoice-exporter/blob/main/catalog-info.yaml',
        );
      expect(file.body.toString()).toBe('kind: Component\n');
    });

    it('leaves no repository behind when the first commit fails', async () => {
      const res = await host
        .api()
        .post('/api/githost/repos')
        .send({
          owner: 'acme-pay',
          name: 'half-made',
          initialCommit: {
            message: 'Bad',
            files: [textFile('../outside', 'x')],
          },
        });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'The path "../outside" leaves the repository',
      );
      expect(await fs.readdir(path.join(host.dir, 'acme-pay'))).toEqual([
        'invoice-exporter.git',
      ]);
      expect(
        (await host.api().get('/api/githost/repos/acme-pay/half-made')).status,
      ).toBe(404);
    });

    it('says what is wrong with a bad repository name', async () => {
      const res = await host
        .api()
        .post('/api/githost/repos')
        .send({ owner: 'acme-pay', name: 'Invoice_Exporter' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toBe(
        'The repository name "Invoice_Exporter" has capital letters; use lowercase',
      );
    });

    it('takes a branch, a commit and a change request, as the coverage plugin will', async () => {
      const repo = '/api/githost/repos/acme-pay/invoice-exporter';
      const branch = await host
        .api()
        .post(`${repo}/branches`)
        .send({ branch: 'add-catalog-info' });
      expect(branch.status).toBe(201);
      const commit = await host
        .api()
        .post(`${repo}/commits`)
        .send({
          branch: 'add-catalog-info',
          expectedHead: branch.body.commit,
          message: 'Add a generated catalog-info.yaml',
          files: [
            textFile('catalog-info.yaml', 'kind: Component\nmetadata: {}\n'),
          ],
        });
      expect(commit.status).toBe(201);
      expect(commit.body.commit).not.toBe(branch.body.commit);

      // A stale head is refused instead of overwriting the newer commit.
      const stale = await host
        .api()
        .post(`${repo}/commits`)
        .send({
          branch: 'add-catalog-info',
          expectedHead: branch.body.commit,
          message: 'Late',
          files: [textFile('late.txt', 'x')],
        });
      expect(stale.status).toBe(409);

      const cr = await host.api().post(`${repo}/change-requests`).send({
        title: 'Add catalog-info.yaml',
        description: 'Owner guessed from CODEOWNERS',
        sourceBranch: 'add-catalog-info',
      });
      expect(cr.status).toBe(201);
      expect(cr.body).toMatchObject({
        title: 'Add catalog-info.yaml',
        sourceBranch: 'add-catalog-info',
        targetBranch: 'main',
        status: 'open',
        createdBy: 'user:default/mock',
        changedFiles: ['catalog-info.yaml'],
      });
      const listed = await host
        .api()
        .get(`${repo}/change-requests?status=open`);
      expect(listed.body.map((c: any) => c.id)).toEqual([cr.body.id]);
      const one = await host.api().get(`${repo}/change-requests/${cr.body.id}`);
      expect(one.body.changedFiles).toEqual(['catalog-info.yaml']);

      // The default branch is untouched until someone merges.
      const main = await host.api().get(`${repo}/blob/main/catalog-info.yaml`);
      expect(main.body.toString()).toBe('kind: Component\n');
      const dup = await host
        .api()
        .post(`${repo}/change-requests`)
        .send({ title: 'Again', sourceBranch: 'add-catalog-info' });
      expect(dup.status).toBe(409);
    });

    it('deletes a repository with its change requests', async () => {
      const res = await host
        .api()
        .delete('/api/githost/repos/acme-pay/invoice-exporter');
      expect(res.status).toBe(204);
      expect(await fs.readdir(path.join(host.dir, 'acme-pay'))).toEqual([]);
      expect((await host.api().get('/api/githost/repos')).body).toEqual([]);
    });
  },
);

describe('the local git host refuses', () => {
  const start = (deny: boolean) => startHost('SQLITE_3', { deny });

  it('callers without credentials', async () => {
    const host = await start(false);
    try {
      const res = await host
        .api()
        .get('/api/githost/repos')
        .set('Authorization', mockCredentials.none.header());
      expect(res.status).toBe(401);
      const clone = await host
        .api()
        .get(
          '/api/githost/git/acme-pay/x.git/info/refs?service=git-upload-pack',
        )
        .set('Authorization', mockCredentials.none.header());
      expect(clone.status).toBe(401);
    } finally {
      await host.backend.stop();
    }
  });

  it('users the permission policy denies, saying so', async () => {
    const host = await start(true);
    try {
      const res = await host.api().post('/api/githost/repos').send(newService);
      expect(res.status).toBe(403);
      expect(res.body.error.message).toBe(
        'You may not create repositories on the local git host',
      );
      expect(await fs.readdir(host.dir)).toEqual([]);
    } finally {
      await host.backend.stop();
    }
  });
});

describe.each(databases.eachSupportedId())(
  'the change-request migrations on %p',
  databaseId => {
    it('run up and down', async () => {
      const knex = await databases.init(databaseId);
      const directory = path.resolve(__dirname, '../migrations');
      await knex.migrate.latest({ directory });
      expect(await knex.schema.hasTable('githost_change_requests')).toBe(true);
      await knex.migrate.rollback({ directory }, true);
      expect(await knex.schema.hasTable('githost_change_requests')).toBe(false);
    });
  },
);
