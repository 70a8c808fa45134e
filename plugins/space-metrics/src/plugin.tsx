import {
  AppRootElementBlueprint,
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { AnalyticsImplementationBlueprint } from '@backstage/plugin-app-react';
import { SpaceMetricsClient } from '@internal/plugin-space-metrics-common';
import DashboardIcon from '@material-ui/icons/Dashboard';
import { spaceMetricsApi } from './api';
import { SpaceAnalytics } from './analytics/SpaceAnalytics';
import { SurveyPrompt } from './components/SurveyPrompt';

export const rootRouteRef = createRouteRef();

const dashboardPage = PageBlueprint.make({
  params: {
    path: '/space-metrics',
    routeRef: rootRouteRef,
    title: 'Adoption dashboard',
    icon: <DashboardIcon fontSize="inherit" />,
    loader: () =>
      import('./components/dashboard/AdoptionDashboardPage').then(m => (
        <m.AdoptionDashboardPage />
      )),
  },
});

/** The quarterly survey question, in a corner of every page. */
const surveyPrompt = AppRootElementBlueprint.make({
  name: 'survey-prompt',
  params: { element: <SurveyPrompt /> },
});

/** The portal's own analytics: page views, searches and template runs go to the backend. */
const analytics = AnalyticsImplementationBlueprint.make({
  name: 'space-metrics',
  params: define =>
    define({
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new SpaceAnalytics(new SpaceMetricsClient({ discoveryApi, fetchApi })),
    }),
});

/** SPACE metrics: the adoption dashboard, the survey prompt and the analytics collector. */
export const spaceMetricsPlugin = createFrontendPlugin({
  pluginId: 'space-metrics',
  title: 'Adoption dashboard',
  routes: { root: rootRouteRef },
  extensions: [spaceMetricsApi, dashboardPage, surveyPrompt, analytics],
});
