import {
  AuthService,
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { ScmIntegrations } from '@backstage/integration';
import { DeploymentStore } from '../database/DeploymentStore';
import { MetaStore } from '../database/MetaStore';
import { MembershipStore } from '../database/MembershipStore';
import { GithubMembershipCollector } from './GithubMembershipCollector';
import { OrgSource } from '../services/CatalogOrgSource';
import { ArgoCdCollector } from './ArgoCdCollector';
import { GithubClient } from './GithubClient';
import { GithubDeploymentsCollector } from './GithubDeploymentsCollector';
import { deployableComponents } from './deployableComponents';

/** The GitHub client of the configured integration, if there is one. */
export function githubClientFromConfig(
  config: RootConfigService,
): GithubClient | undefined {
  const host =
    config.getOptionalString('spaceMetrics.githubDeployments.host') ??
    'github.com';
  const integration = ScmIntegrations.fromConfig(config).github.byHost(host);
  if (!integration?.config.apiBaseUrl) return undefined;
  return new GithubClient(
    integration.config.apiBaseUrl,
    integration.config.token,
  );
}

/**
 * The scheduled deployment collectors that configuration turns on: Argo CD
 * (`spaceMetrics.argocd`) and GitHub deployments (`spaceMetrics.githubDeployments`).
 */
export function createDeploymentCollectors(options: {
  config: RootConfigService;
  catalog: CatalogService;
  auth: AuthService;
  store: DeploymentStore;
  memberships: MembershipStore;
  meta: MetaStore;
  org: OrgSource;
  logger: LoggerService;
}): { id: string; run: () => Promise<void> }[] {
  const { config, store, meta, org, logger } = options;
  const github = githubClientFromConfig(config);
  const collectors: { id: string; run: () => Promise<void> }[] = [];
  const argo = config.getOptionalConfig('spaceMetrics.argocd');
  if (argo) {
    const collector = new ArgoCdCollector({
      baseUrl: argo.getString('baseUrl'),
      token: argo.getString('token'),
      github,
      store,
      meta,
      org,
      logger,
    });
    collectors.push({
      id: 'argocd',
      run: async () => {
        const n = await collector.run(
          await deployableComponents(options.catalog, options.auth),
        );
        if (n > 0) logger.info(`Recorded ${n} deployments from Argo CD`);
      },
    });
  }
  if (config.has('spaceMetrics.githubDeployments')) {
    if (!github) {
      throw new Error(
        'spaceMetrics.githubDeployments needs an integrations.github entry for its host (with apiBaseUrl and a token)',
      );
    }
    const collector = new GithubDeploymentsCollector({
      github,
      environments: config.getOptionalStringArray(
        'spaceMetrics.githubDeployments.productionEnvironments',
      ) ?? ['production'],
      store,
      meta,
      org,
      logger,
    });
    collectors.push({
      id: 'github-deployments',
      run: async () => {
        const n = await collector.run(
          await deployableComponents(options.catalog, options.auth),
        );
        if (n > 0) logger.info(`Recorded ${n} deployments from GitHub`);
      },
    });
  }
  const membershipOrg = config.getOptionalString(
    'spaceMetrics.githubMembership.org',
  );
  if (membershipOrg) {
    const host =
      config.getOptionalString('spaceMetrics.githubMembership.host') ??
      'github.com';
    const integration = ScmIntegrations.fromConfig(config).github.byHost(host);
    if (!integration?.config.apiBaseUrl) {
      throw new Error(
        `spaceMetrics.githubMembership needs an integrations.github entry for ${host} (with apiBaseUrl and a token)`,
      );
    }
    const collector = new GithubMembershipCollector({
      apiBaseUrl: integration.config.apiBaseUrl,
      token: integration.config.token,
      org: membershipOrg,
      store: options.memberships,
    });
    collectors.push({
      id: 'github-membership',
      run: async () => {
        const n = await collector.run();
        if (n > 0) logger.info(`Recorded ${n} GitHub organisation joins`);
      },
    });
  }
  return collectors;
}
