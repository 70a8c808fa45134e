/**
 * The portal's local git host: repositories under the data folder, their HTTP
 * API and `git clone`, and the UrlReader that lets the catalog and TechDocs
 * read them.
 *
 * @packageDocumentation
 */
export { githostPlugin as default } from './plugin';
export { githostUrlReaderServiceFactory, GitHostUrlReader } from './urlReader';
export { GitRepositories } from './service/GitRepositories';
export type { StoredRepository } from './service/GitRepositories';
