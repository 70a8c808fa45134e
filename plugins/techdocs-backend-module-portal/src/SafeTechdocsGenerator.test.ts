import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { mockServices } from '@backstage/backend-test-utils';
import { SafeTechdocsGenerator } from './SafeTechdocsGenerator';
import { addPortalMkdocsPluginToPythonPath } from './pythonPath';

const demo = path.resolve(__dirname, '../../../catalog/payment-processor');

/** Runs the real MkDocs (Debian's package) with the portal's techdocs-core. */
describe('SafeTechdocsGenerator', () => {
  let work: string;
  const config = new ConfigReader({
    techdocs: { generator: { runIn: 'local' } },
  });
  const generator = new SafeTechdocsGenerator({
    logger: mockServices.logger.mock(),
    config,
    scmIntegrations: ScmIntegrations.fromConfig(config),
  });

  beforeAll(() => addPortalMkdocsPluginToPythonPath());
  beforeEach(async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'techdocs-'));
  });
  afterEach(() => fs.rm(work, { recursive: true, force: true }));

  const build = async (inputDir: string) => {
    const outputDir = path.join(work, 'site');
    const log: string[] = [];
    const logStream = new PassThrough();
    logStream.on('data', chunk => log.push(chunk.toString()));
    const result = generator
      .run({
        inputDir,
        outputDir,
        logger: mockServices.logger.mock() as any,
        logStream,
      })
      .then(() => outputDir);
    return { result, log };
  };

  it('builds a techdocs-core site with the Material look and features', async () => {
    const input = path.join(work, 'repo');
    await fs.cp(demo, input, { recursive: true });
    const { result, log } = await build(input);
    const site = await result.catch(e => {
      throw new Error(`${e}\n${log.join('')}`);
    });

    const index = await fs.readFile(path.join(site, 'index.html'), 'utf8');
    expect(index).toContain('md-content'); // Material theme
    expect(index).toMatch(/class="admonition warning"/);
    const architecture = await fs.readFile(
      path.join(site, 'architecture/index.html'),
      'utf8',
    );
    expect(architecture).toMatch(/<table>/);
    expect(architecture).toMatch(/class="highlight/);
    // The source is never modified (the generator patches its own copy).
    expect(await fs.readFile(path.join(input, 'mkdocs.yml'), 'utf8')).toBe(
      await fs.readFile(path.join(demo, 'mkdocs.yml'), 'utf8'),
    );
    const metadata = JSON.parse(
      await fs.readFile(path.join(site, 'techdocs_metadata.json'), 'utf8'),
    );
    expect(metadata.site_name).toBe('Payment Processor');
    const search = JSON.parse(
      await fs.readFile(path.join(site, 'search/search_index.json'), 'utf8'),
    );
    expect(search.docs.length).toBeGreaterThan(3);
  }, 60_000);

  it('builds a site written the way public techdocs-core repositories write them', async () => {
    const input = path.join(work, 'repo');
    await fs.cp(path.join(__dirname, '__fixtures__/realworld-site'), input, {
      recursive: true,
    });
    const { result, log } = await build(input);
    const site = await result.catch(e => {
      throw new Error(`${e}\n${log.join('')}`);
    });
    const index = await fs.readFile(path.join(site, 'index.html'), 'utf8');
    expect(index).toMatch(/class="admonition tip"/);
    expect(index).toMatch(/<table>/);
    expect(index).toMatch(/class="emojione|class="twemoji|alt="🚀"/); // :rocket:
    expect(index).toMatch(/class="footnote"/);
    const started = await fs.readFile(
      path.join(site, 'guides/getting-started/index.html'),
      'utf8',
    );
    expect(started).toMatch(/class="tabbed-set/);
    expect(started).toMatch(/class="task-list-item"/);
    expect(started).toMatch(/<details class="note"/);
    const ops = await fs.readFile(
      path.join(site, 'guides/operations/index.html'),
      'utf8',
    );
    expect(ops).toMatch(/healthcheck\.py/);
  }, 60_000);

  it('refuses a mkdocs.yml with hooks before MkDocs runs, and logs why', async () => {
    const input = path.join(work, 'repo');
    await fs.mkdir(path.join(input, 'docs'), { recursive: true });
    await fs.writeFile(path.join(input, 'docs/index.md'), '# Hi\n');
    await fs.writeFile(
      path.join(input, 'mkdocs.yml'),
      'site_name: Evil\nhooks:\n  - steal.py\nplugins:\n  - techdocs-core\n',
    );
    const { result, log } = await build(input);
    await expect(result).rejects.toThrow(
      /mkdocs.yml was refused:\n {2}- mkdocs.yml: key 'hooks' is not allowed/,
    );
    expect(log.join('')).toContain("key 'hooks' is not allowed");
    await expect(fs.access(path.join(work, 'site'))).rejects.toThrow();
  });

  it('reports a MkDocs failure with its log', async () => {
    const input = path.join(work, 'repo');
    await fs.mkdir(input, { recursive: true });
    await fs.writeFile(
      path.join(input, 'mkdocs.yml'),
      'site_name: No docs folder\nplugins:\n  - techdocs-core\n',
    );
    const { result, log } = await build(input);
    await expect(result).rejects.toThrow(/Failed to generate docs/);
    expect(log.join('')).toMatch(/docs/i);
  }, 60_000);
});
