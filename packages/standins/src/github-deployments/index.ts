export {
  GithubDeploymentsStandin,
  GithubDeploymentsWorld,
  createGithubDeploymentsRouter,
} from './server';
export type {
  DeploymentRecord,
  DeploymentStatusRecord,
  CommitRecord,
} from './server';
