/**
 * Shared types, permissions, measure definitions and the client of the
 * coverage plugin.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './permissions';
export * from './client';
export * from './definitions';
