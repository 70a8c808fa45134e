import { screen, within } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { SpaceMetricsClient } from '@internal/plugin-space-metrics-common';
import { spaceMetricsApiRef } from '../../api';
import { AdoptionDashboardPage } from './AdoptionDashboardPage';

const server = setupServer();
registerMswTestHooks(server);

const base = 'http://backend.test/api/space-metrics';
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
      apis: [[spaceMetricsApiRef, client]],
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
  });
});
