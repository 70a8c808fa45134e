import { promises as fs } from 'node:fs';
import path from 'node:path';
import parseGitUrl from 'git-url-parse';
import yaml from 'yaml';
import { JsonValue } from '@backstage/types';
import {
  PlaceholderResolver,
  PlaceholderResolverParams,
  processingResult,
} from '@backstage/plugin-catalog-node';

/**
 * True when the placeholder's base is a catalog file read from local disk
 * (a `file` location), as opposed to a URL such as a GitHub blob.
 */
function isLocalFileBase(baseUrl: string): boolean {
  return path.isAbsolute(baseUrl) && !/^[a-z][a-z0-9+.-]*:\/\//i.test(baseUrl);
}

/**
 * Reads a placeholder target relative to a catalog file on disk.
 *
 * Backstage refuses relative placeholders in file locations because an
 * unconfined path could read any file on the host. We allow them with the
 * confinement Backstage asks for: the target must resolve, after following
 * symlinks, to a file inside the catalog file's own folder (its repository).
 */
async function readLocal(params: PlaceholderResolverParams): Promise<string> {
  const { key, value, baseUrl } = params;
  if (typeof value !== 'string' || value.length === 0) {
    throw new Error(
      `Placeholder $${key} expects a relative path such as ./openapi.yaml`,
    );
  }
  const root = path.dirname(baseUrl);
  const wanted = path.resolve(root, value);
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([
      fs.realpath(wanted),
      fs.realpath(root),
    ]);
  } catch {
    throw new Error(
      `Placeholder $${key} could not read ${value}: no such file next to ${baseUrl}`,
    );
  }
  if (real !== realRoot && !real.startsWith(`${realRoot}${path.sep}`)) {
    throw new Error(
      `Placeholder $${key} may only read files inside ${root}; ${value} points outside it`,
    );
  }
  return fs.readFile(real, 'utf8');
}

/** Mirrors Backstage's own check: a URL placeholder stays in the entity's repository. */
function assertSameRepository(resolved: string, base: string) {
  let r;
  let b;
  try {
    r = parseGitUrl(resolved);
    b = parseGitUrl(base);
  } catch {
    return;
  }
  if (
    !r.owner ||
    !r.name ||
    !r.filepath ||
    !b.owner ||
    !b.name ||
    !b.filepath
  ) {
    return;
  }
  if (r.resource !== b.resource || r.full_name !== b.full_name) {
    throw new Error(
      'Placeholder may only reference files from the same repository as the entity',
    );
  }
}

async function readRemote(params: PlaceholderResolverParams): Promise<string> {
  const { key, value, baseUrl } = params;
  if (typeof value !== 'string') {
    throw new Error(
      `Placeholder $${key} expected a string value parameter, in the form of an absolute URL or a relative path`,
    );
  }
  let url: string;
  try {
    url = params.resolveUrl(value, baseUrl);
    assertSameRepository(url, baseUrl);
  } catch (e) {
    throw new Error(
      `Placeholder $${key} could not form a URL out of ${baseUrl} and ${value}, ${e}`,
    );
  }
  params.emit(processingResult.refresh(`url:${url}`));
  try {
    return (await params.read(url)).toString('utf-8');
  } catch (e) {
    throw new Error(
      `Placeholder $${key} could not read location ${value}, ${e}`,
    );
  }
}

function readText(params: PlaceholderResolverParams): Promise<string> {
  return isLocalFileBase(params.baseUrl)
    ? readLocal(params)
    : readRemote(params);
}

function parseYaml(
  params: PlaceholderResolverParams,
  content: string,
): JsonValue {
  const docs = yaml.parseAllDocuments(content).filter(d => d);
  if (docs.length !== 1) {
    throw new Error(
      `Placeholder $${params.key} expected to find exactly one document of data at ${params.value}, found ${docs.length}`,
    );
  }
  if (docs[0].errors?.length) {
    throw new Error(
      `Placeholder $${params.key} found an error in the data at ${params.value}, ${docs[0].errors[0]}`,
    );
  }
  return docs[0].toJSON();
}

function parseJson(
  params: PlaceholderResolverParams,
  content: string,
): JsonValue {
  try {
    return JSON.parse(content);
  } catch (e) {
    throw new Error(
      `Placeholder $${params.key} failed to parse JSON data at ${params.value}, ${e}`,
    );
  }
}

/** `$text`, `$yaml` and `$json` resolvers that also accept local catalog files. */
export const localPlaceholderResolvers: Record<
  'text' | 'yaml' | 'json',
  PlaceholderResolver
> = {
  text: async params => readText(params),
  yaml: async params => parseYaml(params, await readText(params)),
  json: async params => parseJson(params, await readText(params)),
};
