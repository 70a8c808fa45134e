import { AuthService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import { stringifyEntityRef } from '@backstage/catalog-model';

/** A component that the deployment collectors can read history for. */
export interface DeployableComponent {
  ref: string;
  /** `argocd/app-name`: the Argo CD application that deploys it to production. */
  argoApp?: string;
  /** `github.com/project-slug`: owner/repo on GitHub. */
  githubRepo?: string;
}

/** Components with an Argo CD app or a GitHub repository. */
export async function deployableComponents(
  catalog: CatalogService,
  auth: AuthService,
): Promise<DeployableComponent[]> {
  const { items } = await catalog.getEntities(
    {
      filter: [
        {
          kind: 'Component',
          'metadata.annotations.argocd/app-name': CATALOG_FILTER_EXISTS,
        },
        {
          kind: 'Component',
          'metadata.annotations.github.com/project-slug': CATALOG_FILTER_EXISTS,
        },
      ],
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.annotations',
      ],
    },
    { credentials: await auth.getOwnServiceCredentials() },
  );
  return items.map(e => ({
    ref: stringifyEntityRef(e),
    argoApp: e.metadata.annotations?.['argocd/app-name'],
    githubRepo: e.metadata.annotations?.['github.com/project-slug'],
  }));
}
