import {
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
} from '@backstage/frontend-plugin-api';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import AssessmentIcon from '@material-ui/icons/Assessment';
import { coverageApi } from './api';

export const rootRouteRef = createRouteRef();

/** The platform team's dashboard, with its entry in the sidebar. */
const dashboardPage = PageBlueprint.make({
  params: {
    path: '/coverage',
    routeRef: rootRouteRef,
    title: 'Catalog coverage',
    icon: <AssessmentIcon fontSize="inherit" />,
    loader: () =>
      import('./components/dashboard/CoverageDashboardPage').then(m => (
        <m.CoverageDashboardPage />
      )),
  },
});

/** What the entity is missing, on the overview of every catalog entity that can be a service. */
const completenessCard = EntityCardBlueprint.make({
  name: 'completeness',
  params: {
    filter: {
      kind: { $in: ['component', 'api', 'resource', 'system'] },
    },
    loader: () =>
      import('./components/entity/EntityCompletenessCard').then(m => (
        <m.EntityCompletenessCard />
      )),
  },
});

/** A team's view: the "Coverage" tab of a Group's page. */
const teamContent = EntityContentBlueprint.make({
  name: 'team',
  params: {
    path: '/coverage',
    title: 'Coverage',
    filter: { kind: 'group' },
    loader: () =>
      import('./components/team/TeamCoverageContent').then(m => (
        <m.TeamCoverageContent />
      )),
  },
});

/** Catalog coverage: the dashboard, the entity completeness card and the team view. */
export const coveragePlugin = createFrontendPlugin({
  pluginId: 'coverage',
  title: 'Catalog coverage',
  routes: { root: rootRouteRef },
  extensions: [coverageApi, dashboardPage, completenessCard, teamContent],
});
