/**
 * The Scaffolder's `publish:githost` action.
 *
 * @packageDocumentation
 */
export { scaffolderModuleGithost as default } from './module';
export { createPublishGithostAction } from './publishGithost';
