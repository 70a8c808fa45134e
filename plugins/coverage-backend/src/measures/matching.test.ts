import { EntityIndex, matchProductionServices } from './matching';
import { component } from '../__testUtils__/entities';

describe('matchProductionServices', () => {
  const entities = [
    component('payments-api'),
    component('ledger', {
      annotations: {
        'github.com/project-slug': 'Acme/Ledger',
        'pagerduty.com/service-id': 'PLEDGER',
      },
    }),
    component('fraud', {
      annotations: { 'argocd/app-name': 'fraud-prod' },
    }),
  ];
  const index = new EntityIndex(entities);

  it('matches by slug case-insensitively, by annotation, and leaves the rest missing', () => {
    const services = matchProductionServices(
      [
        {
          sourceId: 'github',
          records: [
            { name: 'payments-api', repoSlug: 'ACME/Payments-API' },
            { name: 'ledger', repoSlug: 'acme/ledger' },
            { name: 'orphan', repoSlug: 'acme/orphan' },
          ],
        },
        {
          sourceId: 'argocd',
          records: [
            {
              name: 'fraud-prod',
              annotations: { 'argocd/app-name': 'fraud-prod' },
            },
          ],
        },
      ],
      index,
    );
    expect(
      services.map(s => [s.key, s.entityRef ?? null, s.matchedBy ?? null]),
    ).toEqual([
      [
        'entity:component:default/fraud',
        'component:default/fraud',
        'annotation',
      ],
      ['repo:acme/ledger', 'component:default/ledger', 'repo-slug'],
      ['repo:acme/orphan', null, null],
      ['repo:acme/payments-api', 'component:default/payments-api', 'repo-slug'],
    ]);
  });

  it('matches a Component without the slug annotation by the repository it was read from', () => {
    const discovered = (name: string, repo: string, slug?: string) =>
      component(name, {
        annotations: {
          'backstage.io/managed-by-location': `url:https://github.com/${repo}/tree/main/catalog-info.yaml`,
          'backstage.io/managed-by-origin-location': `url:https://github.com/${repo}/blob/main/catalog-info.yaml`,
          ...(slug ? { 'github.com/project-slug': slug } : {}),
        },
      });
    const byLocation = new EntityIndex([
      discovered('billing', 'acme/billing'),
      // Read from one repository but saying it is another: the annotation
      // wins, and the monorepo it was read from stays without a Component.
      discovered('mirror', 'acme/monorepo', 'acme/search'),
      component('local', {
        annotations: {
          'backstage.io/managed-by-location': 'file:/srv/catalog/local.yaml',
        },
      }),
    ]);
    const services = matchProductionServices(
      [
        {
          sourceId: 'github',
          records: [
            { name: 'billing', repoSlug: 'Acme/Billing' },
            { name: 'search', repoSlug: 'acme/search' },
            { name: 'monorepo', repoSlug: 'acme/monorepo' },
            { name: 'local', repoSlug: 'acme/local' },
          ],
        },
      ],
      byLocation,
    );
    expect(services.map(s => [s.key, s.entityRef ?? null])).toEqual([
      ['repo:acme/billing', 'component:default/billing'],
      ['repo:acme/local', null],
      ['repo:acme/monorepo', null],
      ['repo:acme/search', 'component:default/mirror'],
    ]);
  });

  it('counts a service reported by three sources once, listing every source', () => {
    const services = matchProductionServices(
      [
        {
          sourceId: 'github',
          records: [{ name: 'ledger', repoSlug: 'acme/ledger' }],
        },
        {
          sourceId: 'argocd',
          records: [{ name: 'ledger-prod', repoSlug: 'Acme/Ledger' }],
        },
        {
          sourceId: 'pagerduty',
          records: [
            {
              name: 'Ledger',
              annotations: { 'pagerduty.com/service-id': 'PLEDGER' },
            },
          ],
        },
      ],
      index,
    );
    expect(services).toHaveLength(1);
    expect(services[0]).toMatchObject({
      key: 'repo:acme/ledger',
      entityRef: 'component:default/ledger',
      sources: ['argocd', 'github', 'pagerduty'],
    });
  });

  it('keeps slug-less services that match nothing apart, one per source and name', () => {
    const services = matchProductionServices(
      [
        {
          sourceId: 'pagerduty',
          records: [{ name: 'Billing' }, { name: 'billing ' }],
        },
        { sourceId: 'argocd', records: [{ name: 'billing' }] },
      ],
      index,
    );
    expect(services.map(s => s.key)).toEqual([
      'argocd:billing',
      'pagerduty:billing',
    ]);
    expect(services.every(s => !s.entityRef)).toBe(true);
  });

  it('matches only Components, not the APIs and Resources of the same repository', () => {
    const api = {
      ...component('payments-api-def'),
      kind: 'API',
    };
    const onlyApi = new EntityIndex([api]);
    const [service] = matchProductionServices(
      [
        {
          sourceId: 'github',
          records: [{ name: 'x', repoSlug: 'acme/payments-api-def' }],
        },
      ],
      onlyApi,
    );
    expect(service.entityRef).toBeUndefined();
  });
});
