import http from 'node:http';
import { AddressInfo } from 'node:net';
import { ArgoCdStandin } from '@internal/standins';
import { ArgoCdCoverageSource } from './ArgoCdCoverageSource';

describe('ArgoCdCoverageSource against the Argo CD stand-in', () => {
  let argo: ArgoCdStandin;
  beforeAll(async () => {
    argo = await ArgoCdStandin.start();
    argo.world.addApp('payments', {
      repoURL: 'https://github.com/acme-pay/payments.git',
    });
    argo.world.addApp('ledger', {
      repoURL: 'git@github.com:acme-pay/Ledger.git',
    }).spec.project = 'finance';
    // A chart from a chart repository: no source repository to match.
    argo.world.addApp('grafana', {
      repoURL: 'https://grafana.github.io/helm-charts',
    });
    argo.world.addApp('payments-staging', {
      repoURL: 'https://github.com/acme-pay/payments.git',
    }).spec.destination.server = 'https://staging.k8s.acme.example';
    // Multi-source (Argo CD 2.6+): the chart, then the repository with values.
    const multi = argo.world.addApp('checkout', { repoURL: '' });
    Object.assign(multi.spec, {
      source: undefined,
      sources: [
        { repoURL: 'https://charts.acme.example', chart: 'web' },
        { repoURL: 'https://github.com/acme-pay/checkout', ref: 'values' },
      ],
    });
  });
  afterAll(() => argo.stop());

  const source = (
    options: Partial<{
      token: string;
      baseUrl: string;
      projects: string[];
      destinations: string[];
    }> = {},
  ) =>
    new ArgoCdCoverageSource({
      baseUrl: argo.url,
      token: argo.token,
      githubHosts: ['github.com'],
      ...options,
    });

  it('lists every application with its repository slug and the argocd/app-name annotation', async () => {
    const services = await source().listProductionServices();
    expect(services).toEqual([
      {
        name: 'payments',
        repoSlug: 'acme-pay/payments',
        annotations: { 'argocd/app-name': 'payments' },
        url: `${argo.url}/applications/payments`,
      },
      {
        name: 'ledger',
        repoSlug: 'acme-pay/Ledger',
        annotations: { 'argocd/app-name': 'ledger' },
        url: `${argo.url}/applications/ledger`,
      },
      {
        name: 'grafana',
        annotations: { 'argocd/app-name': 'grafana' },
        url: `${argo.url}/applications/grafana`,
      },
      {
        name: 'payments-staging',
        repoSlug: 'acme-pay/payments',
        annotations: { 'argocd/app-name': 'payments-staging' },
        url: `${argo.url}/applications/payments-staging`,
      },
      {
        name: 'checkout',
        repoSlug: 'acme-pay/checkout',
        annotations: { 'argocd/app-name': 'checkout' },
        url: `${argo.url}/applications/checkout`,
      },
    ]);
  });

  it('keeps only the configured projects and production destinations', async () => {
    const production = await source({
      destinations: ['https://kubernetes.default.svc'],
    }).listProductionServices();
    expect(production.map(s => s.name)).toEqual([
      'payments',
      'ledger',
      'grafana',
      'checkout',
    ]);
    const finance = await source({
      projects: ['finance'],
    }).listProductionServices();
    expect(finance.map(s => s.name)).toEqual(['ledger']);
  });

  it('says Argo CD refused the token', async () => {
    await expect(
      source({ token: 'expired' }).listProductionServices(),
    ).rejects.toThrow(
      `Argo CD ${
        new URL(argo.url).host
      } could not be read: Argo CD refused the token (401 invalid session: token signature is invalid); check coverage.argocd.token`,
    );
  });

  it('says Argo CD is unreachable', async () => {
    // A port that was just free: nothing listens there.
    const server = http.createServer();
    await new Promise<void>(r => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    await new Promise(r => server.close(r));
    await expect(
      source({ baseUrl: `http://127.0.0.1:${port}` }).listProductionServices(),
    ).rejects.toThrow(
      `Argo CD 127.0.0.1:${port} could not be read: Argo CD is unreachable (fetch failed: ECONNREFUSED)`,
    );
  });
});
