/**
 * GitHub sign-in for the portal, and the guard that keeps guest sign-in out of
 * production.
 *
 * @packageDocumentation
 */
export { authModuleGithubSignIn as default } from './module';
export { githubUserInCatalog } from './resolver';
export { assertNoGuestInProduction } from './productionGuard';
