/**
 * The coverage plugin's extension point: modules add sources of production
 * services and the hosts where production repositories live.
 *
 * @packageDocumentation
 */
export * from './sources';
export * from './extensions';
export * from './repoSlug';
export * from './httpErrors';
export * from './sourceModule';
