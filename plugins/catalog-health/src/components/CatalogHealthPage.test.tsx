import { screen } from '@testing-library/react';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import {
  CatalogHealthClient,
  CatalogHealthReport,
} from '@internal/plugin-catalog-health-common';
import { catalogHealthApiRef } from '../api';
import { CatalogHealthPage } from './CatalogHealthPage';

const server = setupServer();
registerMswTestHooks(server);

const base = 'http://backend.test/api/catalog';
const client = new CatalogHealthClient({
  discoveryApi: { getBaseUrl: async () => base },
  fetchApi: { fetch: (...args) => fetch(...args) },
});
const render = () =>
  renderInTestApp(<CatalogHealthPage />, {
    apis: [[catalogHealthApiRef, client]],
  });

describe('CatalogHealthPage', () => {
  it('lists each failing file with its reason', async () => {
    const report: CatalogHealthReport = {
      totalEntities: 114,
      problems: [
        {
          entityRef: 'component:default/refund-service',
          source: '/srv/catalog/refund-service/catalog-info.yaml',
          inCatalog: false,
          errors: [
            {
              name: 'InputError',
              message: "/spec must have required property 'lifecycle'",
            },
          ],
        },
        {
          entityRef: 'component:default/payments',
          source:
            'https://github.com/acme/payments/blob/main/catalog-info.yaml',
          sourceUrl:
            'https://github.com/acme/payments/blob/main/catalog-info.yaml',
          inCatalog: true,
          errors: [{ name: 'Error', message: 'YAML error at line 3' }],
        },
      ],
    };
    server.use(
      http.get(`${base}/health/problems`, () => HttpResponse.json(report)),
    );
    await render();

    expect(
      await screen.findByText('2 of 114 entities failed processing'),
    ).toBeInTheDocument();
    expect(
      screen.getByText("/spec must have required property 'lifecycle'"),
    ).toBeInTheDocument();
    expect(screen.getByText('not in the catalog')).toBeInTheDocument();
    expect(
      screen.getByText('an older version is still in the catalog'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', {
        name: /^https:\/\/github\.com\/acme\/payments\/blob\/main\/catalog-info\.yaml/,
      }),
    ).toHaveAttribute(
      'href',
      'https://github.com/acme/payments/blob/main/catalog-info.yaml',
    );
  });

  it('says so when every file ingests cleanly', async () => {
    server.use(
      http.get(`${base}/health/problems`, () =>
        HttpResponse.json({ totalEntities: 12, problems: [] }),
      ),
    );
    await render();
    expect(
      await screen.findByText('Every catalog file ingests cleanly'),
    ).toBeInTheDocument();
  });

  it('shows the error when the report cannot be read', async () => {
    server.use(
      http.get(`${base}/health/problems`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'NotAllowedError',
              message: 'You may not read the catalog-health report',
            },
          },
          { status: 403 },
        ),
      ),
    );
    await render();
    expect(
      await screen.findByText(/You may not read the catalog-health report/),
    ).toBeInTheDocument();
  });
});
