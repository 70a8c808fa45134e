/**
 * Shared types, permissions and client of the catalog-health view.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './permissions';
export * from './client';
