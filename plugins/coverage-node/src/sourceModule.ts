import {
  coreServices,
  createBackendModule,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import {
  CoverageSourcesExtensionPoint,
  coverageSourcesExtensionPoint,
} from './extensions';

/**
 * A backend module that adds one source of production services (and perhaps a
 * repository host) to the coverage plugin when its configuration is present,
 * and only logs that it is off when it is absent.
 */
export function createCoverageSourceModule<TOptions>(spec: {
  /** The module's id, also the source's: `github`, `argocd`, `pagerduty`. */
  moduleId: string;
  /** The module's options from config; undefined when the source is not configured. */
  readConfig(config: RootConfigService): TOptions | undefined;
  /** Logged when the source is not configured: which key turns it on. */
  notConfigured: string;
  /** Adds the source (and a host, if the module has one). */
  init(
    options: TOptions,
    context: {
      config: RootConfigService;
      coverage: CoverageSourcesExtensionPoint;
    },
  ): void;
}) {
  return createBackendModule({
    pluginId: 'coverage',
    moduleId: spec.moduleId,
    register(reg) {
      reg.registerInit({
        deps: {
          config: coreServices.rootConfig,
          logger: coreServices.logger,
          coverage: coverageSourcesExtensionPoint,
        },
        async init({ config, logger, coverage }) {
          const options = spec.readConfig(config);
          if (!options) {
            logger.info(spec.notConfigured);
            return;
          }
          spec.init(options, { config, coverage });
        },
      });
    },
  });
}
