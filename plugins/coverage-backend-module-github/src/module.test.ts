import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { GithubStandin } from '@internal/standins';
import { captureCoverageSources } from '@internal/test-utils';
import { coverageModuleGithub } from './module';
import { acmeWorld, standinConfig } from './__testUtils__/acmeOnGithub';

describe('the GitHub coverage module', () => {
  let github: GithubStandin;
  beforeAll(async () => {
    github = await GithubStandin.start({ world: acmeWorld() });
  });
  afterAll(() => github.stop());

  it('adds the organisation as a source and GitHub as a host when coverage.github is set', async () => {
    const captured = captureCoverageSources();
    const backend = await startTestBackend({
      features: [
        captured.plugin,
        coverageModuleGithub,
        mockServices.rootConfig.factory({
          data: {
            ...standinConfig(github),
            coverage: {
              github: { organization: 'acme-pay', activityWindowDays: 30 },
            },
          },
        }),
      ],
    });
    try {
      expect(captured.sources.map(s => [s.id, s.title])).toEqual([
        ['github', 'GitHub organisation acme-pay'],
      ]);
      expect(captured.hosts.map(h => h.id)).toEqual(['github']);
      const services = await captured.sources[0].listProductionServices();
      expect(services.map(s => s.name).sort()).toEqual(['Ledger', 'payments']);
    } finally {
      await backend.stop();
    }
  });

  it.each([
    ['coverage is absent', {}],
    ['coverage.github is absent', { coverage: {} }],
    // What `organization: ${GITHUB_ORG:-}` gives when the variable is unset.
    ['coverage.github has no organization', { coverage: { github: {} } }],
  ])('adds nothing when %s', async (_, data) => {
    const captured = captureCoverageSources();
    const backend = await startTestBackend({
      features: [
        captured.plugin,
        coverageModuleGithub,
        mockServices.rootConfig.factory({ data }),
      ],
    });
    await backend.stop();
    expect(captured.sources).toEqual([]);
    expect(captured.hosts).toEqual([]);
  });

  it('refuses a window that is not a positive number of days, naming the key', async () => {
    const captured = captureCoverageSources();
    await expect(
      startTestBackend({
        features: [
          captured.plugin,
          coverageModuleGithub,
          mockServices.rootConfig.factory({
            data: {
              coverage: {
                github: { organization: 'acme-pay', activityWindowDays: 0 },
              },
            },
          }),
        ],
      }),
    ).rejects.toThrow(
      'coverage.github.activityWindowDays must be a positive number of days, got 0',
    );
  });
});
