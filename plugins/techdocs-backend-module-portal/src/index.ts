/**
 * TechDocs built locally and safely: the portal's techdocs-core, and mkdocs.yml
 * validated before MkDocs runs.
 *
 * @packageDocumentation
 */
export { techdocsModulePortal as default } from './module';
export { validateMkdocsConfig } from './validateMkdocsConfig';
export { SafeTechdocsGenerator } from './SafeTechdocsGenerator';
