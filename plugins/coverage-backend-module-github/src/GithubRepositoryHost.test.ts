import { GithubStandin } from '@internal/standins';
import { GithubRepositoryHost } from './GithubRepositoryHost';
import { acmeWorld, apiFor } from './__testUtils__/acmeOnGithub';

describe('GithubRepositoryHost against the GitHub stand-in', () => {
  let github: GithubStandin;
  let host: GithubRepositoryHost;

  beforeAll(async () => {
    const world = acmeWorld();
    world.addUser({ login: 'ada', name: 'Ada' });
    world.addUser({ login: 'bob', name: 'Bob' });
    world.addUser({ login: 'dependabot[bot]' });
    world.commit('acme-pay', 'payments', {
      '.github/CODEOWNERS': '* @acme-pay/team-payments\n',
    });
    const commits: [string, number][] = [
      ['bob', 1],
      ['ada', 3],
      ['dependabot[bot]', 5],
      ['carol', 1], // no GitHub account: known by email
    ];
    for (const [author, n] of commits) {
      for (let i = 0; i < n; i++) {
        world.commit(
          'acme-pay',
          'payments',
          { [`src/${author}-${i}.txt`]: 'x' },
          { author },
        );
      }
    }
    github = await GithubStandin.start({ world });
    host = new GithubRepositoryHost(apiFor(github));
  });
  afterAll(() => github.stop());

  it('handles the repositories of its organisation', () => {
    expect(host.handles('Acme-Pay/payments')).toBe(true);
    expect(host.handles('other-org/payments')).toBe(false);
    expect(host.repositoryUrl('acme-pay/payments')).toBe(
      'https://github.com/acme-pay/payments',
    );
  });

  it('reads a file of the default branch, and nothing for a missing one', async () => {
    expect(await host.readFile('acme-pay/payments', '.github/CODEOWNERS')).toBe(
      '* @acme-pay/team-payments\n',
    );
    expect(
      await host.readFile('acme-pay/payments', 'CODEOWNERS'),
    ).toBeUndefined();
    expect(
      await host.readFile('acme-pay/no-such-repo', 'CODEOWNERS'),
    ).toBeUndefined();
  });

  it('names the most frequent recent committers, most first, without bots', async () => {
    expect(await host.topCommitters('acme-pay/payments', 5)).toEqual([
      'ada',
      // The stand-in's own two commits (initial, CODEOWNERS), by email.
      'standin-bot@users.noreply.github.com',
      // One each: the more recent first.
      'carol@users.noreply.github.com',
      'bob',
    ]);
    expect(await host.topCommitters('acme-pay/payments', 1)).toEqual(['ada']);
  });

  it('opens a pull request adding the file on a new branch, visible through the API, and returns it again when asked twice', async () => {
    const request = {
      repoSlug: 'acme-pay/Ledger',
      branch: 'backstage/add-catalog-info',
      path: 'catalog-info.yaml',
      content: 'apiVersion: backstage.io/v1alpha1\nkind: Component\n',
      title: 'Add catalog-info.yaml',
      body: 'Owner guessed from the top committers (a guess: check it).',
    };
    const opened = await host.openPullRequest(request);
    expect(opened).toEqual({
      url: 'https://github.com/acme-pay/Ledger/pull/1',
      branch: 'backstage/add-catalog-info',
    });

    const api = (path: string) =>
      fetch(`${github.url}${path}`, {
        headers: { authorization: `token ${github.token}` },
      }).then(r => r.json());
    const pulls = await api('/repos/acme-pay/Ledger/pulls?state=all');
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({
      title: 'Add catalog-info.yaml',
      body: request.body,
      head: { ref: 'backstage/add-catalog-info' },
      base: { ref: 'main' },
      state: 'open',
    });
    const file = await api(
      '/repos/acme-pay/Ledger/contents/catalog-info.yaml?ref=backstage/add-catalog-info',
    );
    expect(Buffer.from(file.content, 'base64').toString()).toBe(
      request.content,
    );
    // The default branch is untouched until someone merges.
    expect(
      await host.readFile('acme-pay/Ledger', 'catalog-info.yaml'),
    ).toBeUndefined();

    expect(await host.openPullRequest(request)).toEqual(opened);
    expect(await api('/repos/acme-pay/Ledger/pulls?state=all')).toHaveLength(1);
  });

  it('finishes on a branch that an interrupted attempt left with the file', async () => {
    const repo = github.world.repo('acme-pay', 'payments');
    github.world.commit(
      'acme-pay',
      'payments',
      { 'catalog-info.yaml': 'kind: Component\n' },
      { branch: 'left-over' },
    );
    expect(repo.branches.has('left-over')).toBe(true);
    const opened = await host.openPullRequest({
      repoSlug: 'acme-pay/payments',
      branch: 'left-over',
      path: 'catalog-info.yaml',
      content: 'kind: Component\n',
      title: 'Add catalog-info.yaml',
      body: '',
    });
    expect(opened.url).toBe('https://github.com/acme-pay/payments/pull/1');
  });

  it('says why a pull request could not be opened', async () => {
    const refused = new GithubRepositoryHost(
      apiFor(github, { token: 'revoked' }),
    );
    await expect(
      refused.openPullRequest({
        repoSlug: 'acme-pay/payments',
        branch: 'b',
        path: 'catalog-info.yaml',
        content: 'x',
        title: 't',
        body: '',
      }),
    ).rejects.toThrow(
      /^A pull request on acme-pay\/payments could not be read: GitHub refused the credentials/,
    );
  });
});
