import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { registerMswTestHooks } from '@backstage/test-utils';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import {
  SpaceMetricsClient,
  SurveyStatus,
} from '@internal/plugin-space-metrics-common';
import { spaceMetricsApiRef } from '../api';
import { SurveyPrompt } from './SurveyPrompt';

const server = setupServer();
registerMswTestHooks(server);

const base = 'http://backend.test/api/space-metrics';
const client = new SpaceMetricsClient({
  discoveryApi: { getBaseUrl: async () => base },
  fetchApi: { fetch: (...args) => fetch(...args) },
});
const status = (over: Partial<SurveyStatus> = {}): SurveyStatus => ({
  quarter: '2026-Q4',
  question: 'How likely are you to recommend the portal to a colleague?',
  prompt: true,
  dismissed: false,
  ...over,
});
const render = () =>
  renderInTestApp(<SurveyPrompt delayMs={0} />, {
    apis: [[spaceMetricsApiRef, client]],
  });

describe('SurveyPrompt', () => {
  it('asks, takes a score and a comment, and thanks', async () => {
    let body: unknown;
    server.use(
      http.get(`${base}/survey/status`, () => HttpResponse.json(status())),
      http.put(`${base}/survey/answer`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(
          status({
            prompt: false,
            answer: { score: 9, answeredAt: '2026-11-26T10:00:00Z' },
          }),
        );
      }),
    );
    await render();
    expect(
      await screen.findByRole('region', { name: 'Portal survey' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send' })).toBeDisabled();
    await userEvent.click(screen.getByRole('button', { name: '9' }));
    await userEvent.type(
      screen.getByLabelText(/Anything you would like/),
      'Great docs',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Send' }));
    expect(
      await screen.findByText('Thank you! Your answer counts for 2026-Q4.'),
    ).toBeInTheDocument();
    expect(body).toEqual({ score: 9, comment: 'Great docs' });
  });

  it('"Later" postpones and hides it', async () => {
    let action: unknown;
    server.use(
      http.get(`${base}/survey/status`, () => HttpResponse.json(status())),
      http.post(`${base}/survey/prompt`, async ({ request }) => {
        action = await request.json();
        return HttpResponse.json(
          status({ prompt: false, postponedUntil: '2026-11-29T10:00:00Z' }),
        );
      }),
    );
    await render();
    await userEvent.click(await screen.findByRole('button', { name: 'Later' }));
    await waitFor(() =>
      expect(
        screen.queryByRole('region', { name: 'Portal survey' }),
      ).not.toBeInTheDocument(),
    );
    expect(action).toEqual({ action: 'later' });
  });

  it('stays away when the user already answered this quarter', async () => {
    let asked = false;
    server.use(
      http.get(`${base}/survey/status`, () => {
        asked = true;
        return HttpResponse.json(
          status({
            prompt: false,
            answer: { score: 3, answeredAt: '2026-11-01T00:00:00Z' },
          }),
        );
      }),
    );
    await render();
    await waitFor(() => expect(asked).toBe(true));
    expect(
      screen.queryByRole('region', { name: 'Portal survey' }),
    ).not.toBeInTheDocument();
  });
});
