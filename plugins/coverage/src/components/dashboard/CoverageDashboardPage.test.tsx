import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  FakeCoverageClient,
  httpError,
  sampleMissing,
  sampleReport,
  sampleTrend,
  scope,
} from '../../__testUtils__/FakeCoverageClient';
import { backendBase, renderWithClient } from '../../__testUtils__/render';
import { CoverageDashboardPage } from './CoverageDashboardPage';

const changeUrl = `${backendBase}/githost/repos/acme-pay/ledger-export/change-requests/1`;

function render(client: FakeCoverageClient) {
  return renderWithClient(<CoverageDashboardPage />, client, {
    [changeUrl]: {
      id: 1,
      owner: 'acme-pay',
      repo: 'ledger-export',
      title: 'Add ledger-export to the software catalog',
      description: 'The owner is a guess from CODEOWNERS: check it.',
      sourceBranch: 'add-catalog-info',
      targetBranch: 'main',
      status: 'open',
      createdBy: 'user:default/guest',
      createdAt: '2026-11-26T05:00:00.000Z',
      changedFiles: ['catalog-info.yaml'],
    },
  });
}

function fullClient(report = sampleReport()) {
  return new FakeCoverageClient({
    report,
    trend: sampleTrend(),
    missing: sampleMissing(),
    pullRequest: {
      repoSlug: 'acme-pay/ledger-export',
      host: 'githost',
      url: changeUrl,
      branch: 'add-catalog-info',
      catalogInfoYaml:
        'apiVersion: backstage.io/v1alpha1\nkind: Component\n# owner is a guess\n',
    },
    csv: {
      scopes: 'scope,ref,measure\r\norganisation,organisation,coverage\r\n',
      missing: 'repository,owner\r\n',
    },
  });
}

describe('CoverageDashboardPage', () => {
  it('says the catalog cannot be trusted when coverage is below the threshold, with the other measures as fractions', async () => {
    await render(fullClient());
    expect(await screen.findByTestId('coverage-headline')).toHaveTextContent(
      '65%',
    );
    expect(
      screen.getByText(/13 of 20 production services are in the catalog/),
    ).toHaveTextContent('+5 points since last week');
    expect(screen.getByTestId('coverage-verdict')).toHaveTextContent(
      'Below threshold (80%): the catalog cannot be trusted.',
    );
    const documentation = screen.getByRole('group', { name: 'Documentation' });
    expect(documentation).toHaveTextContent('54%');
    expect(documentation).toHaveTextContent('7 of 13');
    expect(documentation).toHaveTextContent('no snapshot a week earlier');
    expect(screen.getByRole('group', { name: 'Operability' })).toHaveTextContent(
      '-2.1 points since last week',
    );
    expect(screen.queryByTestId('missing-sources')).not.toBeInTheDocument();
  });

  it('says the catalog can be trusted at or above the threshold', async () => {
    const report = sampleReport();
    report.organisation.measures.coverage = {
      numerator: 17,
      denominator: 20,
      ratio: 0.85,
    };
    await render(fullClient(report));
    expect(await screen.findByTestId('coverage-verdict')).toHaveTextContent(
      'At or above threshold (80%): the catalog can be trusted.',
    );
    expect(screen.getByTestId('coverage-headline')).toHaveTextContent('85%');
  });

  it('says once, not on every measure, when there is no snapshot a week earlier', async () => {
    const client = fullClient();
    const trend = sampleTrend();
    trend.changeSinceLastWeek = {
      coverage: null,
      ownership: null,
      documentation: null,
      operability: null,
      hygiene: null,
    };
    client.responses.trend = trend;
    await render(client);
    await waitFor(() =>
      expect(
        screen.getByText(/13 of 20 production services are in the catalog/),
      ).toHaveTextContent('(no snapshot a week earlier to compare with)'),
    );
    expect(screen.getByRole('group', { name: 'Hygiene' })).toHaveTextContent(
      /^Hygiene77%10 of 13$/,
    );
  });

  it('ranks teams by gap, with each measure as a ratio and a fraction', async () => {
    await render(fullClient());
    const table = await screen.findByRole('table', {
      name: 'Teams ranked by gap',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map(r => within(r).getAllByRole('cell')[0].textContent)).toEqual(
      ['Payments', 'Web'],
    );
    expect(rows[0]).toHaveTextContent('12');
    expect(rows[0]).toHaveTextContent('57% (4/7)');
    expect(
      screen.getByRole('table', { name: 'Systems ranked by gap' }),
    ).toHaveTextContent('Payments platform');
  });

  it('shows each measure’s definition one click away', async () => {
    await render(fullClient());
    await userEvent.click(
      await screen.findByRole('button', { name: 'How Hygiene is measured' }),
    );
    expect(screen.getByRole('note')).toHaveTextContent(
      'lifecycle and system set',
    );
  });

  it('names the missing source instead of reporting a drop', async () => {
    const report = sampleReport({
      missingSources: ['pagerduty', 'argocd'],
      sources: [
        { id: 'github', title: 'GitHub', ok: true, count: 18 },
        {
          id: 'pagerduty',
          title: 'PagerDuty',
          ok: false,
          count: 0,
          error: 'connect ECONNREFUSED 127.0.0.1:9',
        },
        {
          id: 'argocd',
          title: 'Argo CD',
          ok: false,
          count: 0,
          error: 'HTTP 503',
          lastGoodAt: '2026-11-25T03:00:00.000Z',
        },
      ],
    });
    await render(fullClient(report));
    const warning = await screen.findByTestId('missing-sources');
    expect(warning).toHaveTextContent(
      'PagerDuty could not be read on 2026-11-26: figures leave it out (connect ECONNREFUSED 127.0.0.1:9).',
    );
    expect(warning).toHaveTextContent(
      'Argo CD could not be read on 2026-11-26: figures use its last good list, from 2026-11-25, instead (HTTP 503).',
    );
    expect(warning).toHaveTextContent('This is not a drop in coverage');
    expect(
      screen.getByText(/Days on which a source was missing/),
    ).toHaveTextContent('2026-11-25 (pagerduty)');
  });

  it('lists missing repositories with the owner marked as a guess, and adds one to the catalog', async () => {
    const client = fullClient();
    await render(client);
    const table = await screen.findByRole('table', {
      name: 'Missing repositories',
    });
    const ledger = within(table).getByRole('row', { name: /ledger-export/ });
    expect(ledger).toHaveTextContent('guess (CODEOWNERS)');
    expect(ledger).toHaveTextContent('GitHub, Argo CD');
    expect(
      within(table).getByRole('row', { name: /fraud-rules/ }),
    ).toHaveTextContent('guess (top committers)');

    await userEvent.click(
      within(ledger).getByRole('button', {
        name: 'Add acme-pay/ledger-export to catalog',
      }),
    );
    expect(
      await within(ledger).findByText(
        'Opened a change request on the local git host.',
      ),
    ).toBeInTheDocument();
    expect(ledger).toHaveTextContent('# owner is a guess');
    // The local git host has no pages: the portal shows the change itself.
    await userEvent.click(
      within(ledger).getByRole('button', {
        name: 'View change request #1 on the local git host',
      }),
    );
    const change = await screen.findByTestId('change-request');
    expect(change).toHaveTextContent('Add ledger-export to the software catalog');
    expect(change).toHaveTextContent('open: add-catalog-info into main');
    expect(change).toHaveTextContent('Changed files: catalog-info.yaml');
    expect(client.calls).toContainEqual({
      method: 'createPullRequest',
      args: ['acme-pay/ledger-export'],
    });
  });

  it('says why adding to the catalog failed, and keeps the button', async () => {
    const client = fullClient();
    client.responses.pullRequest = httpError(403, 'not allowed');
    await render(client);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Add acme-pay/ledger-export to catalog',
      }),
    );
    expect(
      await screen.findByText(
        'You are not allowed to open this change: it needs the coverage.pull-request.create permission.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', {
        name: 'Add acme-pay/ledger-export to catalog',
      }),
    ).toBeEnabled();
  });

  it("shows the backend's reason when the change cannot be opened", async () => {
    const client = fullClient();
    client.responses.pullRequest = httpError(
      400,
      'The branch name "coverage/add" must not contain slashes',
    );
    await render(client);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Add acme-pay/ledger-export to catalog',
      }),
    );
    expect(
      await screen.findByText(
        'Could not open the change: The branch name "coverage/add" must not contain slashes',
      ),
    ).toBeInTheDocument();
  });

  it('exports both tables as CSV files', async () => {
    const saved: Blob[] = [];
    const createObjectURL = jest
      .spyOn(URL, 'createObjectURL')
      .mockImplementation((blob: Blob | MediaSource) => {
        saved.push(blob as Blob);
        return 'blob:coverage';
      });
    URL.revokeObjectURL ??= () => {};
    const client = fullClient();
    await render(client);
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Export teams and systems (CSV)',
      }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: 'Export missing repositories (CSV)' }),
    );
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(await saved[0].text()).toBe(
      'scope,ref,measure\r\norganisation,organisation,coverage\r\n',
    );
    expect(client.calls.filter(c => c.method === 'exportCsv')).toEqual([
      { method: 'exportCsv', args: ['scopes'] },
      { method: 'exportCsv', args: ['missing'] },
    ]);
    createObjectURL.mockRestore();
  });

  it('says there is no snapshot yet, and takes one on request', async () => {
    const client = fullClient();
    client.responses.report = httpError(404, 'No coverage snapshot yet');
    client.responses.snapshot = {
      day: '2026-11-26',
      takenAt: '2026-11-26T05:00:00.000Z',
      created: true,
    };
    await render(client);
    expect(
      await screen.findByText('No coverage snapshot yet'),
    ).toBeInTheDocument();
    client.responses.report = sampleReport({
      teams: [scope('group:default/team-web', 'Web', 1, [1, 1])],
    });
    await userEvent.click(
      screen.getByRole('button', { name: 'Take a snapshot now' }),
    );
    expect(await screen.findByTestId('coverage-headline')).toHaveTextContent(
      '65%',
    );
    expect(client.calls.map(c => c.method)).toContain('takeSnapshot');
  });

  it('says which permission is missing when the report is refused', async () => {
    const client = fullClient();
    client.responses.report = httpError(403, 'Forbidden');
    await render(client);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      "You are not allowed to see the organisation's coverage report: it needs the coverage.report.read permission.",
    );
    expect(screen.queryByTestId('coverage-headline')).not.toBeInTheDocument();
  });
});
