import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PlaceholderResolverParams } from '@backstage/plugin-catalog-node';
import { localPlaceholderResolvers } from './resolvers';

describe('localPlaceholderResolvers', () => {
  let dir: string;
  let repo: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'placeholders-'));
    repo = path.join(dir, 'payments');
    await fs.mkdir(path.join(repo, 'api'), { recursive: true });
    await fs.writeFile(
      path.join(repo, 'api', 'openapi.yaml'),
      'openapi: 3.0.0\ninfo:\n  title: Payments\n',
    );
    await fs.writeFile(path.join(repo, 'data.json'), '{"a": 1}');
    await fs.writeFile(path.join(repo, 'bad.json'), '{nope');
    await fs.writeFile(path.join(dir, 'secret.txt'), 'do not read');
    await fs.symlink(path.join(dir, 'secret.txt'), path.join(repo, 'link.txt'));
  });

  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  const params = (key: string, value: string, baseUrl?: string) => {
    const emitted: unknown[] = [];
    const p: PlaceholderResolverParams = {
      key,
      value,
      baseUrl: baseUrl ?? path.join(repo, 'catalog-info.yaml'),
      read: async url => Buffer.from(`remote:${url}`),
      resolveUrl: (url, base) => new URL(url, base).toString(),
      emit: e => emitted.push(e),
    };
    return { p, emitted };
  };

  it('reads a file next to a local catalog file', async () => {
    const { p } = params('text', './api/openapi.yaml');
    await expect(localPlaceholderResolvers.text(p)).resolves.toContain(
      'title: Payments',
    );
  });

  it('parses yaml and json', async () => {
    await expect(
      localPlaceholderResolvers.yaml(params('yaml', './api/openapi.yaml').p),
    ).resolves.toEqual({ openapi: '3.0.0', info: { title: 'Payments' } });
    await expect(
      localPlaceholderResolvers.json(params('json', 'data.json').p),
    ).resolves.toEqual({ a: 1 });
  });

  it('says which file is not JSON', async () => {
    await expect(
      localPlaceholderResolvers.json(params('json', 'bad.json').p),
    ).rejects.toThrow(/failed to parse JSON data at bad.json/);
  });

  it('refuses paths that leave the folder, also through symlinks', async () => {
    await expect(
      localPlaceholderResolvers.text(params('text', '../secret.txt').p),
    ).rejects.toThrow(/may only read files inside .*points outside it/);
    await expect(
      localPlaceholderResolvers.text(params('text', './link.txt').p),
    ).rejects.toThrow(/points outside it/);
  });

  it('names the missing file', async () => {
    await expect(
      localPlaceholderResolvers.text(params('text', './nope.yaml').p),
    ).rejects.toThrow(/could not read \.\/nope\.yaml: no such file/);
  });

  it('keeps URL locations on the URL reader, in the same repository only', async () => {
    const base = 'https://github.com/acme/payments/blob/main/catalog-info.yaml';
    const { p, emitted } = params('text', './openapi.yaml', base);
    await expect(localPlaceholderResolvers.text(p)).resolves.toBe(
      'remote:https://github.com/acme/payments/blob/main/openapi.yaml',
    );
    expect(emitted).toEqual([
      {
        type: 'refresh',
        key: 'url:https://github.com/acme/payments/blob/main/openapi.yaml',
      },
    ]);
    await expect(
      localPlaceholderResolvers.text(
        params('text', 'https://github.com/evil/repo/blob/main/x.yaml', base).p,
      ),
    ).rejects.toThrow(/same repository/);
  });
});
