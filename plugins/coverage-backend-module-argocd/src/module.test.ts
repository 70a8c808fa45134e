import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { ArgoCdStandin } from '@internal/standins';
import { captureCoverageSources } from '@internal/test-utils';
import { coverageModuleArgoCd } from './module';

describe('the Argo CD coverage module', () => {
  let argo: ArgoCdStandin;
  beforeAll(async () => {
    argo = await ArgoCdStandin.start();
    argo.world.addApp('payments', {
      repoURL: 'https://ghe.acme.example/pay/payments.git',
    });
  });
  afterAll(() => argo.stop());

  const start = (data: object) => {
    const captured = captureCoverageSources();
    const backend = startTestBackend({
      features: [
        captured.plugin,
        coverageModuleArgoCd,
        mockServices.rootConfig.factory({ data }),
      ],
    });
    return { captured, backend };
  };

  it('adds Argo CD as a source, reading slugs of every GitHub integration host', async () => {
    const { captured, backend } = start({
      integrations: { github: [{ host: 'ghe.acme.example' }] },
      coverage: { argocd: { baseUrl: `${argo.url}/`, token: argo.token } },
    });
    await (await backend).stop();
    expect(captured.sources.map(s => [s.id, s.title])).toEqual([
      ['argocd', `Argo CD ${new URL(argo.url).host}`],
    ]);
    expect(await captured.sources[0].listProductionServices()).toEqual([
      expect.objectContaining({ name: 'payments', repoSlug: 'pay/payments' }),
    ]);
  });

  it.each([
    ['coverage is absent', {}],
    [
      'coverage.argocd has no baseUrl',
      { coverage: { argocd: { token: 't' } } },
    ],
  ])('adds nothing when %s', async (_, data) => {
    const { captured, backend } = start(data);
    await (await backend).stop();
    expect(captured.sources).toEqual([]);
  });

  it('stops start-up naming the token when baseUrl is set without one', async () => {
    await expect(
      start({ coverage: { argocd: { baseUrl: argo.url } } }).backend,
    ).rejects.toThrow(
      'coverage.argocd.token is required when coverage.argocd.baseUrl is set',
    );
  });
});
