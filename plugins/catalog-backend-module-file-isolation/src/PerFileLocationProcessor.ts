import path from 'node:path';
import { glob } from 'glob';
import isGlob from 'is-glob';
import parseGitUrl from 'git-url-parse';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import { toError } from '@backstage/errors';
import { LocationSpec } from '@backstage/plugin-catalog-common';
import {
  CatalogProcessor,
  CatalogProcessorCache,
  CatalogProcessorEmit,
  processingResult,
} from '@backstage/plugin-catalog-node';

type CachedListing = { etag: string; targets: string[] };

/** The file part of a URL location, where a glob would be. */
function urlFilePath(target: string): string {
  try {
    return parseGitUrl(target).filepath ?? '';
  } catch {
    return new URL(target).pathname;
  }
}

/**
 * Turns a location whose target is a glob (`catalog/*\/catalog-info.yaml`, a
 * repository's `**\/catalog-info.yaml`) into one location per matched file.
 *
 * Why: the catalog reads a glob as one location, and when any matched file
 * fails to parse, the whole location's result is discarded — the valid files
 * beside it are not ingested or updated. One location per file contains a broken
 * file to its own entities, and its error is recorded against that file.
 */
export class PerFileLocationProcessor implements CatalogProcessor {
  constructor(private readonly reader: UrlReaderService) {}

  getProcessorName(): string {
    return 'PerFileLocationProcessor';
  }

  /** Before the file and URL readers (priority 20), which would read the glob whole. */
  getPriority(): number {
    return 10;
  }

  async readLocation(
    location: LocationSpec,
    optional: boolean,
    emit: CatalogProcessorEmit,
    _parser: unknown,
    cache: CatalogProcessorCache,
  ): Promise<boolean> {
    if (location.type === 'file' && isGlob(location.target)) {
      await this.expandFileGlob(location, optional, emit);
      return true;
    }
    if (location.type === 'url' && isGlob(urlFilePath(location.target))) {
      await this.expandUrlGlob(location, optional, emit, cache);
      return true;
    }
    return false;
  }

  private async expandFileGlob(
    location: LocationSpec,
    optional: boolean,
    emit: CatalogProcessorEmit,
  ) {
    try {
      const matches = (
        await glob(location.target, { windowsPathsNoEscape: true, nodir: true })
      ).sort();
      if (!matches.length && !optional) {
        emit(
          processingResult.notFoundError(
            location,
            `${location.type} ${location.target} matches no file`,
          ),
        );
      }
      for (const match of matches) {
        emit(
          processingResult.location({
            type: 'file',
            target: path.normalize(match),
            presence: 'required',
          }),
        );
      }
    } catch (e) {
      emit(
        processingResult.generalError(
          location,
          `${location.type} ${location.target} could not be listed, ${
            toError(e).message
          }`,
        ),
      );
    }
  }

  private async expandUrlGlob(
    location: LocationSpec,
    optional: boolean,
    emit: CatalogProcessorEmit,
    cache: CatalogProcessorCache,
  ) {
    const cached = (await cache.get<CachedListing>('listing')) as
      | CachedListing
      | undefined;
    let targets: string[];
    try {
      const result = await this.reader.search(location.target, {
        etag: cached?.etag,
      });
      targets = result.files.map(f => f.url).sort();
      if (result.etag) {
        await cache.set<CachedListing>('listing', {
          etag: result.etag,
          targets,
        });
      }
    } catch (e) {
      const error = toError(e);
      if (error.name === 'NotModifiedError' && cached) {
        targets = cached.targets;
        await cache.set('listing', cached);
      } else {
        // A failed listing (GitHub down, rate-limited) is an error on this
        // location only; the catalog keeps the files it found last time.
        const message = `Unable to list ${location.target}, ${error.message}`;
        emit(
          error.name === 'NotFoundError'
            ? processingResult.notFoundError(location, message)
            : processingResult.generalError(location, message),
        );
        return;
      }
    }
    if (!targets.length && !optional) {
      emit(
        processingResult.notFoundError(
          location,
          `${location.target} matches no file`,
        ),
      );
    }
    for (const target of targets) {
      emit(
        processingResult.location({
          type: 'url',
          target,
          presence: 'required',
        }),
      );
    }
  }
}
