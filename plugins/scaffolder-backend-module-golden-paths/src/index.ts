/**
 * Scaffolder actions of the golden paths.
 *
 * @packageDocumentation
 */
export { scaffolderModuleGoldenPaths as default } from './module';
export { createCheckAction } from './checkAction';
export { createRegisterAction } from './registerAction';
