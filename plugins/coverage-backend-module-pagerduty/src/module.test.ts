import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { PagerDutyStandin } from '@internal/standins';
import { captureCoverageSources } from '@internal/test-utils';
import { coverageModulePagerDuty } from './module';

describe('the PagerDuty coverage module', () => {
  let pd: PagerDutyStandin;
  beforeAll(async () => {
    pd = await PagerDutyStandin.start();
    pd.world.addService('Payments', { id: 'PPAYMNT' });
  });
  afterAll(() => pd.stop());

  const start = async (data: object) => {
    const captured = captureCoverageSources();
    const backend = await startTestBackend({
      features: [
        captured.plugin,
        coverageModulePagerDuty,
        mockServices.rootConfig.factory({ data }),
      ],
    });
    await backend.stop();
    return captured;
  };

  it('adds PagerDuty as a source when coverage.pagerduty.token is set', async () => {
    const captured = await start({
      coverage: { pagerduty: { apiBaseUrl: `${pd.url}/`, token: pd.token } },
    });
    expect(captured.sources.map(s => [s.id, s.title])).toEqual([
      ['pagerduty', `PagerDuty ${new URL(pd.url).host}`],
    ]);
    expect(await captured.sources[0].listProductionServices()).toEqual([
      expect.objectContaining({
        name: 'Payments',
        annotations: { 'pagerduty.com/service-id': 'PPAYMNT' },
      }),
    ]);
  });

  it('defaults to api.pagerduty.com', async () => {
    const captured = await start({ coverage: { pagerduty: { token: 't' } } });
    expect(captured.sources[0].title).toBe('PagerDuty api.pagerduty.com');
  });

  it.each([
    ['coverage is absent', {}],
    // What `token: ${PAGERDUTY_TOKEN:-}` gives when the variable is unset.
    [
      'coverage.pagerduty has no token',
      { coverage: { pagerduty: { apiBaseUrl: 'https://api.pagerduty.com' } } },
    ],
  ])('adds nothing when %s', async (_, data) => {
    expect((await start(data)).sources).toEqual([]);
  });
});
