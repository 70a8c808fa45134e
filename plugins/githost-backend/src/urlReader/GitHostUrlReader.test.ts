import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UrlReaders } from '@backstage/backend-defaults/urlReader';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { NotModifiedError } from '@backstage/errors';
import { GitRepositories } from '../service/GitRepositories';
import { textFile } from '../__testUtils__/testDatabases';
import { GitHostUrlReader } from './GitHostUrlReader';

const base =
  'http://localhost:7007/api/githost/repos/acme-pay/invoice-exporter';

/** The reader the catalog and TechDocs get, with only the git host's factory. */
describe('GitHostUrlReader', () => {
  let dir: string;
  let reader: ReturnType<typeof UrlReaders.create>;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'githost-reader-'));
    await new GitRepositories(dir).create({
      owner: 'acme-pay',
      name: 'invoice-exporter',
      initialCommit: {
        message: 'Initial commit',
        files: [
          textFile('catalog-info.yaml', 'kind: Component\n'),
          textFile('mkdocs.yml', 'site_name: x\n'),
          textFile('docs/index.md', '# Invoice exporter\n'),
          textFile('docs/runbook.md', '# Runbook\n'),
          textFile('services/a/catalog-info.yaml', 'kind: API\n'),
        ],
      },
    });
    const config = new ConfigReader({
      backend: { baseUrl: 'http://localhost:7007' },
      githost: { directory: dir },
    });
    reader = UrlReaders.create({
      config,
      logger: mockServices.logger.mock(),
      factories: [GitHostUrlReader.factory],
    });
  });
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('reads a file, and says when it has not changed', async () => {
    const res = await reader.readUrl(`${base}/blob/main/catalog-info.yaml`);
    expect((await res.buffer()).toString()).toBe('kind: Component\n');
    await expect(
      reader.readUrl(`${base}/blob/main/catalog-info.yaml`, { etag: res.etag }),
    ).rejects.toThrow(NotModifiedError);
  });

  it('reads a folder as TechDocs does for dir:.', async () => {
    const res = await reader.readTree(`${base}/blob/main/`);
    const files = await res.files();
    expect(files.map(f => f.path).sort()).toEqual([
      'catalog-info.yaml',
      'docs/index.md',
      'docs/runbook.md',
      'mkdocs.yml',
      'services/a/catalog-info.yaml',
    ]);
    // A response is read once; TechDocs reads it into a folder.
    const out = await (await reader.readTree(`${base}/blob/main/`)).dir();
    expect(await fs.readFile(path.join(out, 'docs/index.md'), 'utf8')).toBe(
      '# Invoice exporter\n',
    );
    await fs.rm(out, { recursive: true, force: true });
    const docs = await reader.readTree(`${base}/tree/main/docs`);
    expect((await docs.files()).map(f => f.path).sort()).toEqual([
      'index.md',
      'runbook.md',
    ]);
  });

  it('finds files by glob, as the catalog does for a location with a pattern', async () => {
    const res = await reader.search(`${base}/blob/main/**/catalog-info.yaml`);
    expect(res.files.map(f => f.url).sort()).toEqual([
      `${base}/blob/main/catalog-info.yaml`,
      `${base}/blob/main/services/a/catalog-info.yaml`,
    ]);
    const api = res.files.find(f => f.url.includes('services'))!;
    expect((await api.content()).toString()).toBe('kind: API\n');
  });

  it('says what is missing', async () => {
    await expect(
      reader.readUrl(`${base}/blob/main/nothing.yaml`),
    ).rejects.toThrow(
      'No file "nothing.yaml" at main in acme-pay/invoice-exporter',
    );
    await expect(
      reader.readUrl(
        'http://localhost:7007/api/githost/repos/acme-pay/gone/blob/main/x',
      ),
    ).rejects.toThrow('No repository acme-pay/gone on the local git host');
  });

  it('leaves other hosts to other readers', async () => {
    await expect(
      reader.readUrl(
        'http://localhost:9999/api/githost/repos/acme-pay/invoice-exporter/blob/main/catalog-info.yaml',
      ),
    ).rejects.toThrow(/not allowed/);
  });
});
