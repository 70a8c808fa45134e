/**
 * Shared types, permissions and client of the portal's local git host.
 *
 * @packageDocumentation
 */
export * from './types';
export * from './permissions';
export * from './names';
export * from './client';
