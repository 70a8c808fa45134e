import yaml from 'yaml';
import {
  Entity,
  entityEnvelopeSchemaValidator,
  stringifyEntityRef,
  stringifyLocationRef,
} from '@backstage/catalog-model';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessorParser,
  CatalogProcessorResult,
  processingResult,
} from '@backstage/plugin-catalog-node';

const validateEnvelope = entityEnvelopeSchemaValidator();

/**
 * Why a parsed YAML document cannot be emitted as an entity, if it cannot:
 * the checks the catalog applies to an emitted entity before it accepts it.
 */
export function documentProblem(doc: yaml.Document): string | undefined {
  if (doc.errors?.length) return `YAML error: ${doc.errors[0].message}`;
  const json = doc.toJSON();
  if (json === null || json === undefined) return undefined;
  if (typeof json !== 'object' || Array.isArray(json)) {
    return `expected an entity (a mapping) at the root, got ${
      Array.isArray(json) ? 'a list' : typeof json
    }`;
  }
  try {
    validateEnvelope(json);
  } catch (e) {
    return (e as Error).message;
  }
  const annotations = (json as any).metadata?.annotations;
  if (
    annotations !== undefined &&
    (typeof annotations !== 'object' || Array.isArray(annotations))
  ) {
    return 'metadata.annotations must be a mapping';
  }
  return undefined;
}

/**
 * The target of an invalid document's location: the file's target, which
 * document of it (from 1), and why it is not an entity. The reason is part of
 * the target so that the problem is recorded without reading the file again,
 * and a new reason replaces the old location. The location keeps the file's
 * type (`url`, `file`), which the catalog allows a file's children to have.
 */
export function invalidDocumentTarget(
  file: LocationSpec,
  document: number,
  reason: string,
): string {
  return `${file.target}#document-${document}: ${reason.replace(/\s+/g, ' ')}`;
}

/** The parts of an invalid document's target, or undefined for another target. */
export function parseInvalidDocumentTarget(
  target: string,
): { file: string; document: number; reason: string } | undefined {
  const match = target.match(/^(.*?)#document-(\d+): ([\s\S]*)$/);
  if (!match) return undefined;
  return { file: match[1], document: Number(match[2]), reason: match[3] };
}

/**
 * Which location already holds each of these entities (lower-cased refs to
 * location keys): the catalog keeps the first file that defines an entity and
 * quietly ignores later copies.
 */
export type EntityOwnerLookup = (
  entities: Entity[],
) => Promise<Map<string, string>>;

/**
 * A location key in one spelling: GitHub files are recorded both as
 * `/blob/<ref>/` and `/tree/<ref>/` URLs, which name the same file.
 */
export function sameFileKey(locationKey: string): string {
  return locationKey.replace(
    /^(url:https?:\/\/[^/]+\/[^/]+\/[^/]+)\/(?:tree|blob)\//,
    '$1/blob/',
  );
}

/**
 * Parses catalog files like the catalog's own parser, but a document that
 * cannot be an entity (a YAML error, a list, no `metadata.name`...) is emitted
 * as a location of its own that carries the reason, instead of an error.
 *
 * Why: any error in a file's results discards all of them, so one bad document
 * in a multi-document file would keep its valid neighbours out of the catalog.
 * As a location of its own, its error is recorded against it (and shown on
 * the Catalog health page) while the neighbours are ingested.
 */
export function createIsolatingParser(options?: {
  enableYamlMerge?: boolean;
  /** When given, an entity another file already defines is reported here. */
  owners?: EntityOwnerLookup;
}): CatalogProcessorParser {
  return async function* isolatingParser({
    data,
    location,
  }): AsyncIterable<CatalogProcessorResult> {
    let documents: yaml.Document[];
    try {
      documents = yaml.parseAllDocuments(data.toString('utf8'), {
        merge: options?.enableYamlMerge ?? false,
      }) as yaml.Document[];
    } catch (e) {
      yield processingResult.generalError(
        location,
        `Failed to parse YAML at ${stringifyLocationRef(location)}, ${e}`,
      );
      return;
    }
    const entities: { index: number; entity: Entity }[] = [];
    for (const [index, doc] of documents.entries()) {
      const problem = documentProblem(doc);
      if (problem) {
        yield processingResult.location({
          type: location.type,
          target: invalidDocumentTarget(
            location,
            index + 1,
            `not a valid entity: ${problem}`,
          ),
          presence: 'required',
        });
        continue;
      }
      const json = doc.toJSON();
      if (json !== null && json !== undefined) {
        entities.push({ index, entity: json });
        yield processingResult.entity(location, json);
      }
    }
    // A copy of an entity another file defines: the catalog keeps the other
    // one and drops this one without a word. Say so, against this document.
    // (The copy is still emitted, so it takes over if the other file goes.)
    if (options?.owners && entities.length) {
      const owners = await options.owners(entities.map(e => e.entity));
      const here = sameFileKey(stringifyLocationRef(location));
      let unowned = false;
      for (const { index, entity } of entities) {
        const ref = stringifyEntityRef(entity);
        const owner = owners.get(ref.toLocaleLowerCase('en-US'));
        unowned ||= !owner;
        if (owner && sameFileKey(owner) !== here) {
          yield processingResult.location({
            type: location.type,
            target: invalidDocumentTarget(
              location,
              index + 1,
              `${ref} is already defined in ${owner.replace(
                /^[a-z]+:/,
                '',
              )}; the catalog keeps that one and ignores this copy. Rename one of them, or remove the copy.`,
            ),
            presence: 'required',
          });
        }
      }
      // Entities the catalog does not hold yet: another new file read at the
      // same time may define them too, and only the next read can tell. Any
      // result that is not an entity keeps the URL reader from caching this
      // read, so the file is parsed once more on the next pass (one extra
      // read per new file); after that, an unchanged file is answered from
      // the cache again.
      if (unowned) {
        yield processingResult.refresh(stringifyLocationRef(location));
      }
    }
  };
}
