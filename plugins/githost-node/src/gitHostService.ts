import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { GitHostClient } from '@internal/plugin-githost-common';

/**
 * The local git host's API as another backend plugin sees it: create and delete
 * repositories, branches, commits and change requests. Calls go to the githost
 * plugin over HTTP with the calling plugin's own service token, so the host
 * keeps one owner of its data and checks every call's permission.
 */
export type GitHostService = Pick<
  GitHostClient,
  | 'listRepositories'
  | 'getRepository'
  | 'createRepository'
  | 'deleteRepository'
  | 'listBranches'
  | 'createBranch'
  | 'commitFiles'
  | 'listTree'
  | 'readFile'
  | 'createChangeRequest'
  | 'listChangeRequests'
  | 'getChangeRequest'
>;

/** Depend on this to use the local git host from a backend plugin or module. */
export const gitHostServiceRef = createServiceRef<GitHostService>({
  id: 'githost.client',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { auth: coreServices.auth, discovery: coreServices.discovery },
      factory({ auth, discovery }) {
        return new GitHostClient({
          discoveryApi: discovery,
          fetchApi: {
            fetch: async (input, init) => {
              const { token } = await auth.getPluginRequestToken({
                onBehalfOf: await auth.getOwnServiceCredentials(),
                targetPluginId: 'githost',
              });
              const headers = new Headers(init?.headers);
              headers.set('Authorization', `Bearer ${token}`);
              return fetch(input, { ...init, headers });
            },
          },
        });
      },
    }),
});
