/**
 * Relative `$text`/`$yaml`/`$json` placeholders for catalog files on local disk.
 *
 * @packageDocumentation
 */
export { catalogModuleLocalPlaceholders as default } from './module';
export { localPlaceholderResolvers } from './resolvers';
