import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { InventorySource, parseInventory } from './InventorySource';
import { readSettings } from '../config';

describe('the inventory source', () => {
  it('reads services with a slug, annotations and a link', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'inventory-'));
    const file = path.join(dir, 'production.yaml');
    await fs.writeFile(
      file,
      'services:\n  - { name: a, repoSlug: acme/a, url: https://x/a }\n  - name: b\n    annotations: { pagerduty.com/service-id: 123 }\n',
    );
    const source = new InventorySource(file);
    expect(source.title).toBe('Inventory file production.yaml');
    expect(await source.listProductionServices()).toEqual([
      { name: 'a', repoSlug: 'acme/a', url: 'https://x/a' },
      { name: 'b', annotations: { 'pagerduty.com/service-id': '123' } },
    ]);
    await fs.rm(dir, { recursive: true });
    // A file that is gone makes the source fail (the snapshot names it), not count zero.
    await expect(source.listProductionServices()).rejects.toThrow(/ENOENT/);
  });

  it('says which entry and field is wrong', () => {
    expect(() => parseInventory('repos: []', 'f.yaml')).toThrow(
      'f.yaml: expected a top-level "services:" list of production repositories',
    );
    expect(() =>
      parseInventory('services:\n  - repoSlug: a/b', 'f.yaml'),
    ).toThrow('f.yaml: services[0] has no name');
    expect(() =>
      parseInventory(
        'services:\n  - { name: x, repoSlug: not-a-slug }',
        'f.yaml',
      ),
    ).toThrow(
      'f.yaml: services[0]: repoSlug "not-a-slug" is not owner/repository',
    );
    expect(() =>
      parseInventory('services:\n  - { name: x }', 'f.yaml'),
    ).toThrow(
      'f.yaml: services[0] (x) needs a repoSlug or annotations to be matched to the catalog',
    );
  });
});

describe('settings', () => {
  const settings = (coverage: object) =>
    readSettings(
      mockServices.rootConfig({
        data: {
          app: { baseUrl: 'http://portal' },
          organization: { name: 'Acme' },
          coverage,
        },
      }),
    );

  it('has defaults, and an empty inventory file means none', () => {
    expect(settings({ inventory: { file: '' } })).toMatchObject({
      threshold: 0.8,
      inventoryFile: undefined,
      gitHostOwners: [],
      demoRepositories: false,
      docsUrl:
        'http://portal/docs/default/component/developer-portal/coverage/',
      organisationTitle: 'Acme',
      schedule: { frequency: { hours: 24 } },
    });
  });

  it('refuses a threshold that is not a share, naming the key', () => {
    expect(() => settings({ threshold: 80 })).toThrow(
      'coverage.threshold must be a share between 0 and 1 (0.8 means 80 %), got 80',
    );
  });
});
