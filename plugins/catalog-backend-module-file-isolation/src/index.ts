/**
 * Reads each file matched by a glob location as a location of its own, so a
 * broken catalog file breaks only its own entities.
 *
 * @packageDocumentation
 */
export { catalogModuleFileIsolation as default } from './module';
export { PerFileLocationProcessor } from './PerFileLocationProcessor';
export { InvalidDocumentProcessor } from './InvalidDocumentProcessor';
export {
  createIsolatingParser,
  parseInvalidDocumentTarget,
} from './isolatingParser';
