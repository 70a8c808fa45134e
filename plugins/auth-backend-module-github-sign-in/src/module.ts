import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { githubAuthenticator } from '@backstage/plugin-auth-backend-module-github-provider';
import {
  authProvidersExtensionPoint,
  createOAuthProviderFactory,
} from '@backstage/plugin-auth-node';
import { assertNoGuestInProduction } from './productionGuard';
import { githubUserInCatalog } from './resolver';

/**
 * GitHub sign-in (`auth.providers.github`), resolving each account to its User
 * in the catalog, and the production guard against guest sign-in.
 */
export const authModuleGithubSignIn = createBackendModule({
  pluginId: 'auth',
  moduleId: 'github-provider',
  register(reg) {
    reg.registerInit({
      deps: {
        config: coreServices.rootConfig,
        providers: authProvidersExtensionPoint,
      },
      async init({ config, providers }) {
        assertNoGuestInProduction(config);
        providers.registerProvider({
          providerId: 'github',
          factory: createOAuthProviderFactory({
            authenticator: githubAuthenticator,
            signInResolver: githubUserInCatalog,
          }),
        });
      },
    });
  },
});
