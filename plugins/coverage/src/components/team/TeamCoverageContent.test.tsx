import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import {
  FakeCoverageClient,
  sampleCompleteness,
  sampleMissing,
  scope,
} from '../../__testUtils__/FakeCoverageClient';
import { renderWithClient } from '../../__testUtils__/render';
import { TeamCoverageContent } from './TeamCoverageContent';

const group = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name: 'team-payments', namespace: 'default', title: 'Payments' },
  spec: { type: 'team', children: [] },
};

function render(client: FakeCoverageClient) {
  return renderWithClient(
    <EntityProvider entity={group}>
      <TeamCoverageContent />
    </EntityProvider>,
    client,
  );
}

const complete = sampleCompleteness({
  entityRef: 'component:default/payments-ui',
  title: 'Payments UI',
  production: false,
});
complete.checks = complete.checks.map(c => ({ ...c, ok: true }));

describe('TeamCoverageContent', () => {
  it("shows the team's measures, its services with what each is missing, and its missing repositories", async () => {
    const client = new FakeCoverageClient({
      team: {
        team: scope('group:default/team-payments', 'Payments', 12, [4, 7]),
        entities: [complete, sampleCompleteness()],
        missing: [sampleMissing().items[0]],
      },
      pullRequest: {
        repoSlug: 'acme-pay/ledger-export',
        host: 'github',
        url: 'https://github.com/acme-pay/ledger-export/pull/7',
        branch: 'backstage/add-catalog-info',
        catalogInfoYaml: 'kind: Component\n',
      },
    });
    await render(client);
    expect(await screen.findByTestId('team-gap')).toHaveTextContent('12');
    expect(screen.getByTestId('team-coverage')).toHaveTextContent('57%');
    expect(screen.getByRole('group', { name: 'Catalog coverage' })).toHaveTextContent(
      '4 of 7',
    );

    const services = screen.getByRole('table', {
      name: 'Services and their gaps',
    });
    const rows = within(services).getAllByRole('row').slice(1);
    // The service with the most missing first.
    expect(rows[0]).toHaveTextContent('Payments API');
    expect(
      within(rows[0]).getByRole('list', { name: 'What Payments API is missing' }),
    ).toHaveTextContent('Has TechDocs');
    expect(rows[0]).not.toHaveTextContent('Owner exists in the catalog');
    expect(rows[1]).toHaveTextContent('Payments UI');
    expect(rows[1]).toHaveTextContent('nothing');

    const missing = screen.getByRole('table', {
      name: "Team's missing repositories",
    });
    expect(missing).toHaveTextContent('guess (CODEOWNERS)');
    await userEvent.click(
      within(missing).getByRole('button', {
        name: 'Add acme-pay/ledger-export to catalog',
      }),
    );
    expect(
      await within(missing).findByRole('link', {
        name: /^Open the pull request on GitHub/,
      }),
    ).toHaveAttribute('href', 'https://github.com/acme-pay/ledger-export/pull/7');
    expect(client.calls[0]).toEqual({
      method: 'getTeam',
      args: [{ namespace: 'default', name: 'team-payments' }],
    });
  });

  it('says there is no snapshot yet, and still shows what services miss', async () => {
    await render(
      new FakeCoverageClient({
        team: { team: null, entities: [sampleCompleteness()], missing: [] },
      }),
    );
    expect(
      await screen.findByText(/No coverage snapshot yet/),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Services and their gaps' }),
    ).toHaveTextContent('Payments API');
    expect(
      screen.getByText('Every production repository has a catalog entity.'),
    ).toBeInTheDocument();
  });
});
