import {
  coreExtensionData,
  createExtension,
  createFrontendModule,
} from '@backstage/frontend-plugin-api';
import { MissingDocs } from './MissingDocs';

/**
 * Replaces the TechDocs tab's empty state (shown for entities without
 * `backstage.io/techdocs-ref`) with one that says the entity has no docs and
 * how to add them. It has the built-in's extension id, so it overrides it.
 */
const missingDocsEmptyState = createExtension({
  kind: 'empty-state',
  name: 'entity-content',
  attachTo: { id: 'entity-content:techdocs', input: 'emptyState' },
  output: [coreExtensionData.reactElement],
  factory: () => [coreExtensionData.reactElement(<MissingDocs />)],
});

/** The TechDocs tab for entities without docs. */
export const techdocsModuleMissingDocs = createFrontendModule({
  pluginId: 'techdocs',
  extensions: [missingDocsEmptyState],
});
