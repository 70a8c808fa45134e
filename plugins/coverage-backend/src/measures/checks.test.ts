import { CatalogView } from './catalogView';
import { checkEntity, completeness } from './checks';
import { component, org } from '../__testUtils__/entities';
import { Entity } from '@backstage/catalog-model';

function run(entity: Entity, built = true) {
  const catalog = new CatalogView([...org(), entity]);
  return checkEntity(entity, {
    catalog,
    docsBuilt: () => built,
    fixUrl: id => `https://portal.example/docs/coverage#${id}`,
  });
}
const failed = (entity: Entity, built = true) =>
  run(entity, built)
    .filter(c => !c.ok)
    .map(c => c.id);

describe('entity checks', () => {
  it('a complete entity passes every check, each with a fix link', () => {
    const results = run(component('ok'));
    expect(results).toHaveLength(11);
    expect(results.filter(c => !c.ok)).toEqual([]);
    expect(results[0].fixUrl).toBe(
      'https://portal.example/docs/coverage#owner-resolves',
    );
  });

  it('ownership: an owner that is no Group, and a Group without members', () => {
    expect(failed(component('a', { owner: 'analytics' }))).toEqual([
      'owner-resolves',
      'owner-has-members',
      'relations-resolve',
    ]);
    expect(failed(component('b', { owner: 'ghosts' }))).toEqual([
      'owner-has-members',
    ]);
    expect(failed(component('c', { owner: 'user:ana' }))).toEqual([
      'owner-resolves',
      'owner-has-members',
      'relations-resolve',
    ]);
    // A department has its own direct member: it counts.
    expect(failed(component('d', { owner: 'engineering' }))).toEqual([]);
  });

  it('documentation: no annotation, or docs that did not build', () => {
    expect(
      failed(
        component('a', {
          annotations: {
            'pagerduty.com/service-id': 'P',
            'argocd/app-name': 'a',
          },
        }),
      ),
    ).toEqual(['techdocs-annotation', 'techdocs-builds']);
    expect(failed(component('b'), false)).toEqual(['techdocs-builds']);
  });

  it('operability: on-call, deployment and runbook each on their own', () => {
    const base = { 'backstage.io/techdocs-ref': 'dir:.' };
    expect(
      failed(
        component('a', { annotations: { ...base, 'argocd/app-name': 'a' } }),
      ),
    ).toEqual(['pagerduty']);
    expect(
      failed(
        component('b', {
          annotations: { ...base, 'pagerduty.com/integration-key': 'k' },
        }),
      ),
    ).toEqual(['argocd']);
    expect(
      failed(
        component('c', { links: [{ url: 'https://x', type: 'dashboard' }] }),
      ),
    ).toEqual(['runbook']);
    // A link titled "Runbook" is a runbook whatever its type.
    expect(
      failed(
        component('d', {
          links: [{ url: 'https://x', title: 'On-call Runbook' }],
        }),
      ),
    ).toEqual([]);
  });

  it('hygiene: lifecycle, system, dangling relations, processing errors', () => {
    expect(failed(component('a', { lifecycle: undefined }))).toEqual([
      'lifecycle',
    ]);
    expect(failed(component('b', { system: undefined }))).toEqual(['system']);
    const dangling = run(
      component('c', { dependsOn: ['resource:default/gone'] }),
    ).find(c => c.id === 'relations-resolve')!;
    expect(dangling).toMatchObject({
      ok: false,
      detail:
        'relations point at entities that do not exist: resource:default/gone',
    });
    const broken = run(
      component('d', { errors: ['Placeholder $text could not form a URL'] }),
    ).find(c => c.id === 'no-processing-error')!;
    expect(broken).toMatchObject({
      ok: false,
      detail: 'Placeholder $text could not form a URL',
    });
  });

  it('completeness gives a pass/fail per measure and the edit link', () => {
    const entity = component('a', { lifecycle: undefined });
    entity.metadata.annotations!['backstage.io/edit-url'] =
      'https://git.example/edit/a';
    const card = completeness(
      entity,
      {
        catalog: new CatalogView([...org(), entity]),
        docsBuilt: () => true,
        fixUrl: () => 'u',
      },
      true,
    );
    expect(card).toMatchObject({
      entityRef: 'component:default/a',
      owner: 'group:default/payments',
      system: 'system:default/billing',
      production: true,
      measures: {
        ownership: true,
        documentation: true,
        operability: true,
        hygiene: false,
      },
      editUrl: 'https://git.example/edit/a',
    });
  });
});
