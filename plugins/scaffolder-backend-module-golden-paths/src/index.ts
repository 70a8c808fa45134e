/**
 * Scaffolder actions of the golden paths.
 *
 * @packageDocumentation
 */
export { scaffolderModuleGoldenPaths as default } from './module';
export { createCheckAction } from './checkAction';
export { createRegisterAction } from './registerAction';
export { createGoldenPathPublishGithubAction } from './publishGithubAction';
export { GithubRepos } from './githubRepos';
export type { GithubRepoRef, UndoResult } from './githubRepos';
