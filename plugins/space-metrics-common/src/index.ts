/**
 * Shared types, permissions and client of the SPACE metrics plugin.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './permissions';
export * from './client';
export * from './quarters';
export * from './definitions';
