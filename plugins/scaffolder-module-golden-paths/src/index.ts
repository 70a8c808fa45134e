/**
 * The golden paths' Scaffolder form fields (new frontend system module).
 *
 * @packageDocumentation
 */
export { scaffolderModuleGoldenPaths as default } from './module';
export { validateGoldenPathName } from './validateName';
