import { screen, within } from '@testing-library/react';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  FakeCoverageClient,
  httpError,
  sampleCompleteness,
} from '../../__testUtils__/FakeCoverageClient';
import { renderWithClient } from '../../__testUtils__/render';
import { EntityCompletenessCard } from './EntityCompletenessCard';

const entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments-api', namespace: 'default' },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

function render(client: FakeCoverageClient) {
  return renderWithClient(
    <EntityProvider entity={entity}>
      <EntityCompletenessCard />
    </EntityProvider>,
    client,
  );
}

describe('EntityCompletenessCard', () => {
  it('lists what the entity is missing with how to fix it, failed checks first', async () => {
    const client = new FakeCoverageClient({
      completeness: sampleCompleteness({
        editUrl:
          'https://github.com/acme-pay/payments-api/edit/main/catalog-info.yaml',
      }),
    });
    await render(client);
    const list = await screen.findByRole('list', {
      name: 'Completeness checklist',
    });
    const items = within(list).getAllByRole('listitem');
    expect(items.map(i => i.getAttribute('aria-label'))).toEqual([
      'Has TechDocs: missing',
      'On-call (PagerDuty): missing',
      'Owner exists in the catalog: passed',
    ]);
    expect(items[0]).toHaveTextContent('no backstage.io/techdocs-ref annotation');
    expect(items[0]).toHaveTextContent('Add mkdocs.yml and docs/index.md');
    expect(
      within(items[0]).getByRole('link', { name: /How to fix this/ }),
    ).toHaveAttribute(
      'href',
      'https://portal.example/docs/default/component/portal/techdocs',
    );
    // A passed check shows what was found, and no fix.
    expect(items[2]).toHaveTextContent('owner group:default/team-payments exists');
    expect(items[2]).not.toHaveTextContent('Set spec.owner');
    expect(
      screen.getByRole('link', { name: /Edit this entity's catalog-info.yaml/ }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme-pay/payments-api/edit/main/catalog-info.yaml',
    );
    expect(screen.getByTestId('missing-count')).toHaveTextContent(
      '2 of 3 missing',
    );
    expect(screen.getByTestId('production-status')).toHaveTextContent(
      'Counted as a production service',
    );
    expect(client.calls).toEqual([
      {
        method: 'getEntityCompleteness',
        args: [{ kind: 'component', namespace: 'default', name: 'payments-api' }],
      },
    ]);
  });

  it('says when the entity is complete and not a production service', async () => {
    const complete = sampleCompleteness({ production: false });
    complete.checks = complete.checks.map(c => ({ ...c, ok: true }));
    await render(new FakeCoverageClient({ completeness: complete }));
    expect(
      await screen.findByText('Complete: nothing is missing.'),
    ).toBeInTheDocument();
    expect(screen.getByTestId('production-status')).toHaveTextContent(
      'Not counted as a production service',
    );
  });

  it('shows the backend error when the check cannot be computed', async () => {
    await render(
      new FakeCoverageClient({
        completeness: httpError(500, 'catalog is unreachable'),
      }),
    );
    expect(
      (await screen.findAllByText(/catalog is unreachable/)).length,
    ).toBeGreaterThan(0);
  });
});
