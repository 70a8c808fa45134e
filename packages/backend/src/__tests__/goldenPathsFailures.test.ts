import {
  eventually,
  failureOf,
  filesOnHost,
  githostLocations,
  GoldenPathBackend,
  runTemplate,
  startGoldenPathBackend,
  waitForTemplates,
} from '../__testUtils__/goldenPathBackend';
import { formValues } from '../__testUtils__/goldenPath';

/**
 * Failure leaves nothing behind: each way a golden path can fail on the
 * embedded default says what went wrong in words, and leaves no repository on
 * the local git host and no catalog location. The catalog here refuses every
 * Component read from a URL (an operator's `catalog.rules`), so that the last
 * step, registration, can fail after the repository was made.
 */
describe('a golden path that fails leaves nothing behind', () => {
  let host: GoldenPathBackend;
  beforeAll(async () => {
    host = await startGoldenPathBackend({ refuseComponentsFromUrls: true });
    await waitForTemplates(host, ['python-worker', 'odd-file']);
    // The taken name is in the catalog (its own file location allows Components).
    await eventually('taken-service in the catalog', async () => {
      const res = await host.api(
        'GET',
        '/api/catalog/entities/by-name/component/default/taken-service',
      );
      return res.status === 200 ? true : undefined;
    });
  }, 60_000);
  afterAll(() => host.stop());

  async function expectNothingLeft(except: string[] = []) {
    expect(await filesOnHost(host)).toEqual(except);
    expect(await githostLocations(host)).toEqual([]);
  }

  it('refuses a name already taken in the catalog, before making anything', async () => {
    const run = await runTemplate(
      host,
      'python-worker',
      formValues('taken-service', 'portal'),
    );
    expect(run.task.status).toBe('failed');
    expect(failureOf(run)).toBe(
      'The name "taken-service" is already taken in the catalog by component:default/taken-service (owner: group:default/team-payments). Choose another name.',
    );
    await expectNothingLeft();
  }, 60_000);

  it('refuses a repository that already exists, and leaves it as it was', async () => {
    const existing = await host.api('POST', '/api/githost/repos', {
      owner: 'acme-pay',
      name: 'kept-repo',
      initialCommit: {
        message: 'Someone else made this',
        files: [
          {
            path: 'README.md',
            base64Content: Buffer.from('mine').toString('base64'),
          },
        ],
      },
    });
    expect(existing.status).toBe(201);
    const run = await runTemplate(
      host,
      'python-worker',
      formValues('kept-repo', 'portal'),
    );
    expect(run.task.status).toBe('failed');
    expect(failureOf(run)).toBe(
      'A repository named acme-pay/kept-repo already exists on the local git host. Choose another name.',
    );
    const readme = await host.api(
      'GET',
      '/api/githost/repos/acme-pay/kept-repo/blob/main/README.md',
    );
    expect(readme.text).toBe('mine');
    await expectNothingLeft(['acme-pay/kept-repo.git']);
    expect(
      (await host.api('DELETE', '/api/githost/repos/acme-pay/kept-repo'))
        .status,
    ).toBe(204);
  }, 60_000);

  it('says why publishing failed, and leaves no half-made repository', async () => {
    // odd-file's skeleton has a file the host refuses, after it began creating.
    const run = await runTemplate(host, 'odd-file', { name: 'odd-service' });
    expect(run.task.status).toBe('failed');
    expect(failureOf(run)).toBe(
      'The local git host did not create acme-pay/odd-service: The path ""draft".md" has characters that are not allowed',
    );
    await expectNothingLeft();
  }, 60_000);

  it('deletes the new repository when the catalog refuses to register it', async () => {
    const run = await runTemplate(
      host,
      'python-worker',
      formValues('refused-worker', 'portal'),
    );
    expect(run.task.status).toBe('failed');
    // The repository existed until registration failed.
    expect(run.log).toContain('Created acme-pay/refused-worker');
    expect(failureOf(run)).toMatch(
      /^The catalog did not accept the new service: NotAllowedError: Entity component:default\/refused-worker at url:.*\/acme-pay\/refused-worker\/blob\/main\/catalog-info\.yaml, .* is not of an allowed kind for that location\. Nothing is left behind: the repository acme-pay\/refused-worker was deleted\.$/,
    );
    await expectNothingLeft();
    const entity = await host.api(
      'GET',
      '/api/catalog/entities/by-name/component/default/refused-worker',
    );
    expect(entity.status).toBe(404);
  }, 60_000);
});
