export {
  GithubDeploymentsStandin,
  GithubDeploymentsWorld,
  createGithubDeploymentsRouter,
} from './server';
export type {
  AuditLogEntry,
  DeploymentRecord,
  DeploymentStatusRecord,
  CommitRecord,
} from './server';
