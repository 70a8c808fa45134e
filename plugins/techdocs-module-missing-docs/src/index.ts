/**
 * The TechDocs tab of an entity without docs (new frontend system module).
 *
 * @packageDocumentation
 */
export { techdocsModuleMissingDocs as default } from './module';
export { MissingDocs, docsSnippets } from './MissingDocs';
