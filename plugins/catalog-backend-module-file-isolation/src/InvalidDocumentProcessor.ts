import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';
import { parseInvalidDocumentTarget } from './isolatingParser';

/**
 * Reads the locations the isolating parser makes of invalid documents: each
 * records its document's problem as a processing error of its own, where the
 * Catalog health page and the catalog's API show it.
 */
export class InvalidDocumentProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'InvalidDocumentProcessor';
  }

  /** Before the file and URL readers, which would try to read the target. */
  getPriority(): number {
    return 5;
  }

  async readLocation(
    location: LocationSpec,
    _optional: boolean,
    emit: CatalogProcessorEmit,
  ): Promise<boolean> {
    const parsed = parseInvalidDocumentTarget(location.target);
    if (!parsed) return false;
    emit(
      processingResult.inputError(
        location,
        `Document ${parsed.document} of ${parsed.file}: ${parsed.reason}`,
      ),
    );
    return true;
  }
}
