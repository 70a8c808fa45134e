import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { GithubStandin, GithubWorld } from '@internal/standins';
import { GithubRepos } from './githubRepos';

/**
 * The golden paths' GitHub calls, through the integration's `apiBaseUrl` to
 * the GitHub stand-in: each way GitHub can refuse is said in words that name
 * the repository, and never the token.
 */
describe('GithubRepos', () => {
  let standin: GithubStandin;
  const logger = mockServices.logger.mock();

  beforeAll(async () => {
    const world = new GithubWorld();
    world.addRepo('acme-pay', { name: 'kept', files: { 'README.md': 'x' } });
    standin = await GithubStandin.start({ world });
  });
  afterAll(() => standin.stop());
  afterEach(() => standin.limits.clear());

  const reposWith = (github: object) =>
    new GithubRepos(
      ScmIntegrations.fromConfig(
        new ConfigReader({ integrations: { github: [github] } }),
      ),
    );
  const repos = () => reposWith(standin.integrationConfig());
  const ref = (repo: string, owner = 'acme-pay') => ({
    host: 'github.com',
    owner,
    repo,
  });

  it('reads owner and repository from a repoUrl, and refuses a host without a GitHub integration', () => {
    expect(repos().parse('github.com?owner=acme-pay&repo=new-api')).toEqual(
      ref('new-api'),
    );
    expect(() => repos().parse('ghe.example.com?owner=a&repo=b')).toThrow(
      'No matching integration configuration for host ghe.example.com, please check your integrations config',
    );
    const gitlabToo = new GithubRepos(
      ScmIntegrations.fromConfig(
        new ConfigReader({
          integrations: {
            gitlab: [
              {
                host: 'gitlab.example.com',
                apiBaseUrl: 'https://gitlab.example.com/api/v4',
                token: 't',
              },
            ],
          },
        }),
      ),
    );
    expect(() => gitlabToo.parse('gitlab.example.com?owner=a&repo=b')).toThrow(
      'There is no GitHub integration for gitlab.example.com: an operator must add it to integrations.github',
    );
  });

  it('lets a free name pass and refuses one that exists', async () => {
    await expect(repos().assertFree(ref('new-api'), logger)).resolves.toBe(
      undefined,
    );
    await expect(repos().assertFree(ref('kept'), logger)).rejects.toThrow(
      'A repository named acme-pay/kept already exists on GitHub. Choose another name.',
    );
  });

  it('says there is no such owner', async () => {
    await expect(
      repos().assertFree(ref('x', 'nobody-here'), logger),
    ).rejects.toThrow(
      'There is no GitHub organisation or user named nobody-here on github.com. Choose an existing owner.',
    );
  });

  it('says the token was refused, without showing it', async () => {
    const wrong = 'ghp_not-a-token-github-knows';
    const error = await reposWith({
      ...standin.integrationConfig(),
      token: wrong,
    })
      .assertFree(ref('new-api'), logger)
      .catch(e => e);
    expect(error.message).toBe(
      "GitHub (github.com) refused the portal's token (401) when checking the owner acme-pay: an operator must give integrations.github a token that can read and create repositories of acme-pay. Nothing was made.",
    );
    expect(error.message).not.toContain(wrong);
  });

  it('says GitHub could not be reached', async () => {
    const closed = await GithubStandin.start();
    const apiBaseUrl = closed.apiBaseUrl;
    await closed.stop();
    await expect(
      reposWith({ host: 'github.com', apiBaseUrl, token: 't' }).assertFree(
        ref('new-api'),
        logger,
      ),
    ).rejects.toThrow(
      /^GitHub \(github\.com\) could not be reached when checking the owner acme-pay: .+\. Nothing was made; try again later\.$/,
    );
  });

  it('deletes a repository, or says which one to delete by hand', async () => {
    standin.world.addRepo('acme-pay', { name: 'half-made' });
    standin.limits.deny(standin.token, 'delete');
    expect(await repos().undo(ref('half-made'), logger)).toEqual({
      deleted: false,
      sentence:
        "The half-made repository acme-pay/half-made could not be deleted (the portal's GitHub token may not delete repositories; it needs the delete_repo scope, or Administration: write): delete it by hand at https://github.com/acme-pay/half-made.",
    });
    expect(standin.world.findRepo('acme-pay', 'half-made')).toBeDefined();

    standin.limits.clear();
    expect(await repos().undo(ref('half-made'), logger)).toEqual({
      deleted: true,
      clause: 'the repository acme-pay/half-made was deleted from GitHub',
    });
    expect(standin.world.findRepo('acme-pay', 'half-made')).toBeUndefined();
    expect(await repos().exists(ref('half-made'), logger)).toBe(false);
  });

  it('blanks the integration token out of messages', () => {
    expect(repos().redact(`failed with ${standin.token} in it`)).toBe(
      'failed with *** in it',
    );
  });
});
