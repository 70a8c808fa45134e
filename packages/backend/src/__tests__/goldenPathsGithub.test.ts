import yaml from 'yaml';
import { GithubStandin, GithubWorld } from '@internal/standins';
import {
  eventually,
  failureOf,
  GoldenPathBackend,
  runTemplate,
  startGoldenPathBackend,
  waitForTemplates,
} from '../__testUtils__/goldenPathBackend';
import { expectCompliantEntity, formValues } from '../__testUtils__/goldenPath';

/**
 * The production path: the templates create the repository on GitHub with the
 * real publish:github (wrapped by golden-path:publish-github) and register it
 * with golden-path:register, against the GitHub stand-in (the integration's
 * `apiBaseUrl`; the repository's files arrive by a real `git push`). Each
 * failure says what went wrong in words and leaves no repository on GitHub and
 * no catalog location, or names the repository to delete by hand.
 */
describe('golden paths on GitHub', () => {
  let github: GithubStandin;
  beforeAll(async () => {
    const world = new GithubWorld();
    world.addOrg('acme-pay');
    world.addRepo('acme-pay', {
      name: 'kept-repo',
      files: { 'README.md': 'mine' },
    });
    github = await GithubStandin.start({ world });
  });
  afterAll(() => github.stop());
  afterEach(() => github.limits.clear());

  const reposOnGithub = () =>
    [...github.world.org('acme-pay').repos.values()].map(r => r.name).sort();

  /** Catalog locations of one repository on GitHub. */
  async function githubLocations(host: GoldenPathBackend, name: string) {
    const res = await host.api('GET', '/api/catalog/locations');
    return (res.body as any[])
      .map(l => l.data.target as string)
      .filter(t => t.startsWith(`https://github.com/acme-pay/${name}/`));
  }

  /** The repository is not on GitHub, nor in the catalog; the others are as they were. */
  async function expectNothingLeft(
    host: GoldenPathBackend,
    name: string,
    before: string[],
  ) {
    expect(reposOnGithub()).toEqual(before.filter(r => r !== name));
    expect(github.world.findRepo('acme-pay', name)).toBeUndefined();
    expect(await githubLocations(host, name)).toEqual([]);
    const entity = await host.api(
      'GET',
      `/api/catalog/entities/by-name/component/default/${name}`,
    );
    expect(entity.status).toBe(404);
  }

  describe('with a catalog that accepts the new service', () => {
    let host: GoldenPathBackend;
    beforeAll(async () => {
      host = await startGoldenPathBackend({
        github: github.integrationConfig(),
      });
      await waitForTemplates(host, ['python-worker', 'go-service']);
    }, 60_000);
    afterAll(() => host.stop());

    it('creates the repository on GitHub with the generated files and registers it', async () => {
      const trafficBefore = github.traffic.log.length;
      const run = await runTemplate(
        host,
        'go-service',
        formValues('ledger-api', 'github'),
      );
      expect(failureOf(run)).toBeUndefined();
      expect(run.task.status).toBe('completed');

      const repo = github.world.repo('acme-pay', 'ledger-api');
      expect(repo.visibility).toBe('internal');
      const files = [...repo.branches.get('main')!.files.keys()];
      expect(files).toEqual(
        expect.arrayContaining([
          'catalog-info.yaml',
          'go.mod',
          'main.go',
          'Dockerfile',
          '.github/workflows/ci.yaml',
          'docs/runbook.md',
        ]),
      );
      expect(
        repo.branches.get('main')!.files.get('go.mod')!.toString(),
      ).toContain('module github.com/acme-pay/ledger-api');

      const pushed = yaml.parse(
        repo.branches.get('main')!.files.get('catalog-info.yaml')!.toString(),
      );
      expectCompliantEntity(pushed, 'ledger-api', 'go-service');
      const entity = await eventually('ledger-api in the catalog', async () => {
        const res = await host.api(
          'GET',
          '/api/catalog/entities/by-name/component/default/ledger-api',
        );
        return res.status === 200 ? res.body : undefined;
      });
      expect(entity.spec).toEqual(pushed.spec);
      expect(entity.metadata.annotations).toMatchObject(
        pushed.metadata.annotations,
      );
      expect(await githubLocations(host, 'ledger-api')).toEqual([
        'https://github.com/acme-pay/ledger-api/blob/main/catalog-info.yaml',
      ]);
      // What the run asked of GitHub, and GitHub's answers: only the checks
      // that the repository is free found nothing.
      const calls = github.traffic.log
        .slice(trafficBefore)
        .map(r => `${r.method} ${r.path} ${r.status}`);
      expect(calls).toEqual(
        expect.arrayContaining([
          'GET /repos/acme-pay/ledger-api 404',
          'POST /orgs/acme-pay/repos 201',
          'PUT /repos/acme-pay/ledger-api/branches/main/protection 200',
          'GET /repos/acme-pay/ledger-api/contents/catalog-info.yaml?ref=main 200',
        ]),
      );
      expect(
        github.traffic.log
          .slice(trafficBefore)
          .filter(r => r.status >= 300)
          .map(r => `${r.method} ${r.path} ${r.status}`),
      ).toEqual(calls.filter(c => c === 'GET /repos/acme-pay/ledger-api 404'));
      // The integration's token is in no log line, event or output.
      expect(run.eventsText).not.toContain(github.token);
      expect(JSON.stringify(run.task)).not.toContain(github.token);
    }, 120_000);

    it('refuses a repository that already exists on GitHub, and leaves it as it was', async () => {
      const before = reposOnGithub();
      const run = await runTemplate(
        host,
        'python-worker',
        formValues('kept-repo', 'github'),
      );
      expect(run.task.status).toBe('failed');
      expect(failureOf(run)).toBe(
        'A repository named acme-pay/kept-repo already exists on GitHub. Choose another name.',
      );
      const kept = github.world.repo('acme-pay', 'kept-repo');
      expect([...kept.branches.get('main')!.files.keys()]).toEqual([
        'README.md',
      ]);
      expect(
        kept.branches.get('main')!.files.get('README.md')!.toString(),
      ).toBe('mine');
      expect(reposOnGithub()).toEqual(before);
      expect(await githubLocations(host, 'kept-repo')).toEqual([]);
    }, 60_000);

    it('deletes the half-made repository when the push fails', async () => {
      const before = reposOnGithub();
      github.limits.deny(github.token, 'push');
      const run = await runTemplate(
        host,
        'python-worker',
        formValues('pushless-worker', 'github'),
      );
      expect(run.task.status).toBe('failed');
      // GitHub made the repository before the push was refused.
      expect(
        github.traffic.log.some(
          r =>
            r.method === 'POST' &&
            r.path === '/orgs/acme-pay/repos' &&
            r.status === 201,
        ),
      ).toBe(true);
      expect(failureOf(run)).toBe(
        'Publishing acme-pay/pushless-worker to GitHub failed: git push was refused with 403 Forbidden (Permission to acme-pay/pushless-worker.git denied to the token). Nothing is left behind: the repository acme-pay/pushless-worker was deleted from GitHub.',
      );
      await expectNothingLeft(host, 'pushless-worker', before);
      expect(run.eventsText).not.toContain(github.token);
    }, 60_000);

    it('names the repository to delete by hand when the token may not delete it', async () => {
      const before = reposOnGithub();
      github.limits.deny(github.token, 'push', 'delete');
      const run = await runTemplate(
        host,
        'python-worker',
        formValues('stuck-worker', 'github'),
      );
      expect(run.task.status).toBe('failed');
      expect(failureOf(run)).toBe(
        "Publishing acme-pay/stuck-worker to GitHub failed: git push was refused with 403 Forbidden (Permission to acme-pay/stuck-worker.git denied to the token). The half-made repository acme-pay/stuck-worker could not be deleted (the portal's GitHub token may not delete repositories; it needs the delete_repo scope, or Administration: write): delete it by hand at https://github.com/acme-pay/stuck-worker.",
      );
      // It is there, as the message says; an operator deletes it.
      expect(reposOnGithub()).toEqual([...before, 'stuck-worker'].sort());
      expect(await githubLocations(host, 'stuck-worker')).toEqual([]);
      github.world.deleteRepo('acme-pay', 'stuck-worker');
    }, 60_000);

    it('says GitHub could not be reached, before anything is made', async () => {
      const before = reposOnGithub();
      github.traffic.inject({ kind: 'server-error', api: 'rest' });
      const run = await runTemplate(
        host,
        'python-worker',
        formValues('unreached-worker', 'github'),
      );
      github.traffic.clearFaults();
      expect(run.task.status).toBe('failed');
      expect(failureOf(run)).toMatch(
        /^GitHub \(github\.com\) could not be reached when checking the owner acme-pay: .*\. Nothing was made; try again later\.$/,
      );
      await expectNothingLeft(host, 'unreached-worker', before);
    }, 60_000);
  });

  describe('with a catalog that refuses the new service', () => {
    let host: GoldenPathBackend;
    beforeAll(async () => {
      host = await startGoldenPathBackend({
        refuseComponentsFromUrls: true,
        github: github.integrationConfig(),
      });
      await waitForTemplates(host, ['python-worker']);
    }, 60_000);
    afterAll(() => host.stop());

    it('deletes the GitHub repository it made when the catalog refuses it', async () => {
      const before = reposOnGithub();
      const run = await runTemplate(
        host,
        'python-worker',
        formValues('refused-worker', 'github'),
      );
      expect(run.task.status).toBe('failed');
      // The repository was published before registration failed.
      expect(run.log).toContain(
        'Registering https://github.com/acme-pay/refused-worker/blob/main/catalog-info.yaml',
      );
      expect(failureOf(run)).toMatch(
        /^The catalog did not accept the new service: NotAllowedError: Entity component:default\/refused-worker at url:https:\/\/github\.com\/acme-pay\/refused-worker\/blob\/main\/catalog-info\.yaml, .* is not of an allowed kind for that location\. Nothing is left behind: the repository acme-pay\/refused-worker was deleted from GitHub\.$/,
      );
      await expectNothingLeft(host, 'refused-worker', before);
    }, 60_000);

    it('names the repository to delete by hand when the catalog refuses and the token may not delete', async () => {
      const before = reposOnGithub();
      github.limits.deny(github.token, 'delete');
      const run = await runTemplate(
        host,
        'python-worker',
        formValues('refused-stuck', 'github'),
      );
      expect(run.task.status).toBe('failed');
      expect(failureOf(run)).toMatch(
        /^The catalog did not accept the new service: .* The half-made repository acme-pay\/refused-stuck could not be deleted \(.*delete_repo.*\): delete it by hand at https:\/\/github\.com\/acme-pay\/refused-stuck\.$/,
      );
      expect(reposOnGithub()).toEqual([...before, 'refused-stuck'].sort());
      expect(await githubLocations(host, 'refused-stuck')).toEqual([]);
      github.world.deleteRepo('acme-pay', 'refused-stuck');
    }, 60_000);
  });
});
