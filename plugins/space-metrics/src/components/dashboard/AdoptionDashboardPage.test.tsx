import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { discoveryApiRef } from '@backstage/frontend-plugin-api';
import { registerMswTestHooks } from '@backstage/test-utils';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { SpaceMetricsClient } from '@internal/plugin-space-metrics-common';
import { spaceMetricsApiRef } from '../../api';
import { AdoptionDashboardPage } from './AdoptionDashboardPage';

const server = setupServer();
registerMswTestHooks(server);

const base = 'http://backend.test/api/space-metrics';
const coverageBase = 'http://backend.test/api/coverage';
const discoveryApi = {
  getBaseUrl: async (pluginId: string) => `http://backend.test/api/${pluginId}`,
};
const coverageMeasure = (numerator: number, denominator: number) => ({
  numerator,
  denominator,
  ratio: numerator / denominator,
});
const coverageReport = {
  day: '2026-11-26',
  takenAt: '2026-11-26T03:00:00.000Z',
  threshold: 0.8,
  organisation: {
    ref: 'organisation',
    kind: 'organisation',
    title: 'Acme Pay',
    gap: 9,
    measures: {
      coverage: coverageMeasure(13, 20),
      ownership: coverageMeasure(12, 13),
      documentation: coverageMeasure(7, 13),
      operability: coverageMeasure(3, 13),
      hygiene: coverageMeasure(10, 13),
    },
  },
  teams: [],
  systems: [],
  sources: [],
  missingSources: [],
};
const client = new SpaceMetricsClient({
  discoveryApi: { getBaseUrl: async () => base },
  fetchApi: { fetch: (...args) => fetch(...args) },
});

describe('AdoptionDashboardPage', () => {
  beforeEach(() => {
    server.use(
      http.get(`${base}/groups`, () =>
        HttpResponse.json({
          groups: [
            {
              ref: 'group:default/team-sre',
              title: 'Site Reliability Engineering',
              type: 'team',
            },
          ],
        }),
      ),
      http.get(`${base}/nps`, () =>
        HttpResponse.json({
          threshold: 5,
          quarters: ['2026-Q3', '2026-Q4'],
          trend: [
            {
              quarter: '2026-Q3',
              groupRef: null,
              shown: true,
              nps: 12.8,
              respondents: 39,
              promoters: 14,
              passives: 16,
              detractors: 9,
            },
            {
              quarter: '2026-Q4',
              groupRef: null,
              shown: true,
              nps: 23.5,
              respondents: 34,
              promoters: 16,
              passives: 10,
              detractors: 8,
            },
          ],
          groups: [
            {
              quarter: '2026-Q4',
              groupRef: 'group:default/team-sre',
              shown: false,
              reason: 'not-enough-responses',
            },
          ],
          demo: true,
        }),
      ),
      http.get(`${base}/ttfd`, () =>
        HttpResponse.json({
          threshold: 5,
          cohorts: [
            {
              quarter: '2026-Q1',
              shown: true,
              engineers: 6,
              deployed: 6,
              medianDays: 14.4,
              p75Days: 16.9,
            },
          ],
          demo: true,
        }),
      ),
      http.get(`${base}/adoption`, () =>
        HttpResponse.json({
          periods: [
            {
              quarter: '2026-Q4',
              newComponents: 4,
              fromTemplate: 3,
              share: 0.75,
            },
          ],
          templates: [],
          outdated: [],
          demo: true,
        }),
      ),
      http.get(`${coverageBase}/report`, () =>
        HttpResponse.json(coverageReport),
      ),
      // One measure failing leaves the others on the page.
      http.get(`${base}/usage`, () =>
        HttpResponse.json(
          { error: { name: 'Error', message: 'usage is down' } },
          { status: 500 },
        ),
      ),
    );
  });

  it('shows each measure, withheld teams as such, and says the data is demo data', async () => {
    await renderInTestApp(<AdoptionDashboardPage />, {
      apis: [
        [spaceMetricsApiRef, client],
        [discoveryApiRef, discoveryApi],
      ],
    });
    expect(await screen.findByTestId('nps-headline')).toHaveTextContent(
      '+23.5',
    );
    const teams = screen.getByRole('table', { name: 'NPS by team, 2026-Q4' });
    expect(
      within(teams).getByRole('row', { name: /Site Reliability Engineering/ }),
    ).toHaveTextContent('not enough responses');
    expect(await screen.findByTestId('ttfd-headline')).toHaveTextContent(
      '14.4 days',
    );
    expect(await screen.findByTestId('adoption-headline')).toHaveTextContent(
      '75%',
    );
    expect(
      (await screen.findAllByText(/usage is down/)).length,
    ).toBeGreaterThan(0);
    expect(screen.queryByTestId('usage-headline')).not.toBeInTheDocument();
    expect(screen.getByText(/^Demo data:/)).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'How Developer NPS is measured' }),
    ).toBeInTheDocument();
    // The coverage plugin's headline, beside the SPACE measures.
    expect(await screen.findByTestId('coverage-headline')).toHaveTextContent(
      '65%',
    );
    expect(
      screen.getByText('Below threshold: the catalog cannot be trusted.'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: /Open the coverage dashboard/ }),
    ).toHaveAttribute('href', '/coverage');
    expect(
      screen.getByRole('button', { name: 'How Catalog coverage is measured' }),
    ).toBeInTheDocument();
  });

  it('says when there is no coverage snapshot yet, or the coverage report is not allowed', async () => {
    server.use(
      http.get(`${coverageBase}/report`, () =>
        HttpResponse.json(
          { error: { name: 'NotFoundError', message: 'No snapshot yet' } },
          { status: 404 },
        ),
      ),
    );
    const { unmount } = await renderInTestApp(<AdoptionDashboardPage />, {
      apis: [
        [spaceMetricsApiRef, client],
        [discoveryApiRef, discoveryApi],
      ],
    });
    expect(
      await screen.findByText(/^No coverage snapshot yet/),
    ).toBeInTheDocument();
    expect(screen.getByTestId('coverage-headline')).toHaveTextContent('—');
    unmount();

    server.use(
      http.get(`${coverageBase}/report`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'Forbidden' } },
          { status: 403 },
        ),
      ),
    );
    await renderInTestApp(<AdoptionDashboardPage />, {
      apis: [
        [spaceMetricsApiRef, client],
        [discoveryApiRef, discoveryApi],
      ],
    });
    expect(
      await screen.findByText(
        'You are not allowed to see the coverage report (coverage.report.read).',
      ),
    ).toBeInTheDocument();
  });
});
