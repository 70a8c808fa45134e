import { MeasureId } from './types';

/**
 * Every measure in a sentence or two, shown one click away from its figure.
 * docs/coverage.md says the same at more length; keep the two in step.
 */
export const measureDefinitions: Record<
  MeasureId,
  { title: string; text: string }
> = {
  coverage: {
    title: 'Catalog coverage',
    text:
      'The share of production services that have a catalog entity. Production services come from the ' +
      'systems that know: repositories of the GitHub organisation (not archived, not forks, with a commit ' +
      'in the configured window), Argo CD applications and PagerDuty services, de-duplicated and matched to ' +
      'entities by repository (the github.com/project-slug annotation, or the repository the entity was read from) or by annotation.',
  },
  ownership: {
    title: 'Ownership',
    text:
      'Of the production services in the catalog, the share whose owner resolves to an existing Group ' +
      'that has at least one member.',
  },
  documentation: {
    title: 'Documentation',
    text:
      'Of the production services in the catalog, the share with TechDocs (a backstage.io/techdocs-ref ' +
      'annotation) whose docs build.',
  },
  operability: {
    title: 'Operability',
    text:
      'Of the production services in the catalog, the share with all three of: on-call (a PagerDuty ' +
      'annotation), deployment (an Argo CD annotation) and a runbook link.',
  },
  hygiene: {
    title: 'Hygiene',
    text:
      'Of the production services in the catalog, the share with lifecycle and system set, no relation ' +
      'pointing at an entity that does not exist, and no processing error.',
  },
};

/** The default trust threshold: below it the catalog cannot be trusted. */
export const DEFAULT_COVERAGE_THRESHOLD = 0.8;
