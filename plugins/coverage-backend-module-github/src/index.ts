/**
 * Coverage from GitHub: the organisation's active repositories as a source of
 * production services, and GitHub as a repository host.
 *
 * @packageDocumentation
 */
export { coverageModuleGithub as default } from './module';
export { GithubCoverageSource } from './GithubCoverageSource';
export { GithubRepositoryHost } from './GithubRepositoryHost';
export { GithubApi } from './githubApi';
