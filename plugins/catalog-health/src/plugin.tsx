import {
  PageBlueprint,
  createFrontendPlugin,
  createRouteRef,
} from '@backstage/frontend-plugin-api';
import HealingIcon from '@material-ui/icons/Healing';
import { catalogHealthApi } from './api';

export const rootRouteRef = createRouteRef();

const catalogHealthPage = PageBlueprint.make({
  params: {
    path: '/catalog-health',
    routeRef: rootRouteRef,
    title: 'Catalog health',
    icon: <HealingIcon fontSize="inherit" />,
    loader: () =>
      import('./components/CatalogHealthPage').then(m => (
        <m.CatalogHealthPage />
      )),
  },
});

/** The catalog-health page: catalog files that failed to ingest, and why. */
export const catalogHealthPlugin = createFrontendPlugin({
  pluginId: 'catalog-health',
  title: 'Catalog health',
  routes: { root: rootRouteRef },
  extensions: [catalogHealthApi, catalogHealthPage],
});
