import { createServiceFactory } from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import { GitHostUrlReader } from './GitHostUrlReader';

/**
 * Lets every plugin's UrlReader (catalog, TechDocs, Scaffolder) read the local
 * git host's file and folder URLs. Add it to the backend beside the plugin.
 */
export const githostUrlReaderServiceFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return GitHostUrlReader.factory;
  },
});

export { GitHostUrlReader };
