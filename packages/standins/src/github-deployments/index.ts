export { GithubDeploymentsStandin } from './server';
export { GithubDeploymentsWorld } from './world';
export { createGithubDeploymentsRouter } from './router';
export type {
  AuditLogEntry,
  DeploymentRecord,
  DeploymentStatusRecord,
  CommitRecord,
} from './world';
