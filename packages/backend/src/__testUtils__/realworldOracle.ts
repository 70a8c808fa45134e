import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import {
  apiEntityV1alpha1Validator,
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  domainEntityV1alpha1Validator,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  groupEntityV1alpha1Validator,
  KindValidator,
  locationEntityV1alpha1Validator,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
  systemEntityV1alpha1Validator,
  userEntityV1alpha1Validator,
} from '@backstage/catalog-model';
import { templateEntityV1beta3Validator } from '@backstage/plugin-scaffolder-common';
import { waitUntil } from './githubCatalog';

/** What the corpus should give the catalog, judged file by file on its own. */
export interface CorpusExpectation {
  /** Entities that are valid as written: each must be in the catalog. */
  valid: Set<string>;
  /** Files that must be reported, with why (repository-relative `repo/path`). */
  failing: Map<string, string>;
  /**
   * Valid entities defined by more than one file, with those files: the
   * catalog keeps one and the others must be reported (which one is kept
   * depends on the order the files are read in).
   */
  duplicates: Map<string, Set<string>>;
}

/**
 * Checks what the catalog reported (as `repo/path` keys) against the
 * expectation: every failing file, no file without a reason, and all but one
 * of the files that define the same entity.
 */
export function unexplainedReports(
  expected: CorpusExpectation,
  reported: Set<string>,
) {
  const duplicateFiles = new Set(
    [...expected.duplicates.values()].flatMap(files => [...files]),
  );
  return {
    notReported: [...expected.failing.keys()].filter(f => !reported.has(f)),
    withoutReason: [...reported].filter(
      f => !expected.failing.has(f) && !duplicateFiles.has(f),
    ),
    duplicatesNotReported: [...expected.duplicates]
      .filter(
        ([, files]) =>
          [...files].filter(f => reported.has(f)).length < files.size - 1,
      )
      .map(([ref]) => ref),
  };
}

const validators: Record<string, KindValidator> = {
  component: componentEntityV1alpha1Validator,
  api: apiEntityV1alpha1Validator,
  resource: resourceEntityV1alpha1Validator,
  system: systemEntityV1alpha1Validator,
  domain: domainEntityV1alpha1Validator,
  group: groupEntityV1alpha1Validator,
  user: userEntityV1alpha1Validator,
  location: locationEntityV1alpha1Validator,
  template: templateEntityV1beta3Validator,
};

const policies = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

function filesOf(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return filesOf(full, base);
    return /\.ya?ml$/.test(e.name) ? [path.relative(base, full)] : [];
  });
}

/** Every `$text`/`$json`/`$yaml` value anywhere in a document. */
function placeholders(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(placeholders);
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1 && ['$text', '$json', '$yaml'].includes(keys[0])) {
      return [String(obj[keys[0]])];
    }
    return Object.values(obj).flatMap(placeholders);
  }
  return [];
}

/**
 * Judges the real-world corpus with the catalog model's own policies and kind
 * validators, independently of the catalog: which entities are valid as
 * written (and must not be lost), which files must be reported and why.
 * A placeholder or Location target resolves when it names a file of the same
 * repository; anything else cannot be read here (the other repositories and
 * hosts those files point at are not on the stand-in).
 */
export async function judgeCorpus(root: string): Promise<CorpusExpectation> {
  const valid = new Set<string>();
  const failing = new Map<string, string>();
  const definedIn = new Map<string, Set<string>>();
  for (const owner of fs.readdirSync(root, { withFileTypes: true })) {
    if (!owner.isDirectory()) continue;
    for (const repo of fs.readdirSync(path.join(root, owner.name))) {
      const repoDir = path.join(root, owner.name, repo);
      const repoName = `rw-${owner.name}-${repo}`.toLowerCase();
      for (const file of filesOf(repoDir)) {
        const key = `${repoName}/${file}`;
        const fail = (why: string) => {
          if (!failing.has(key)) failing.set(key, why);
        };
        const exists = (ref: string) =>
          !/^[a-z]+:\/\//i.test(ref) &&
          fs.existsSync(path.join(repoDir, path.dirname(file), ref));
        const docs = yaml.parseAllDocuments(
          fs.readFileSync(path.join(repoDir, file), 'utf8'),
        );
        // Judged document by document: a broken one breaks only itself.
        for (const doc of docs) {
          if (doc.errors.length) {
            fail(`YAML error: ${doc.errors[0].message}`);
            continue;
          }
          const json = doc.toJSON();
          if (json === null || json === undefined) continue;
          if (typeof json !== 'object' || Array.isArray(json)) {
            fail('not an object');
            continue;
          }
          const unresolved = placeholders(json).filter(p => !exists(p));
          if (unresolved.length) {
            fail(`placeholder cannot be read: ${unresolved[0]}`);
            continue;
          }
          let entity: Entity;
          try {
            entity = (await policies.enforce(json as Entity)) as Entity;
            const validator = validators[entity.kind.toLowerCase()];
            // check() answers false for an apiVersion the kind does not have.
            if (!validator || !(await validator.check(entity))) {
              throw new Error(`unknown ${entity.apiVersion} ${entity.kind}`);
            }
          } catch (e) {
            fail(`invalid: ${(e as Error).message}`);
            continue;
          }
          if (entity.kind.toLowerCase() === 'location') {
            // A Location that names a missing file fails as a whole: the
            // catalog records the error and keeps none of it (the files it
            // does find are read on their own, through the corpus glob).
            const spec = entity.spec as { target?: string; targets?: string[] };
            const targets = [
              ...(spec.target ? [spec.target] : []),
              ...(spec.targets ?? []),
            ];
            const missing = targets.filter(t => !exists(t));
            if (missing.length) {
              fail(`Location target missing: ${missing[0]}`);
              continue;
            }
          }
          const ref = stringifyEntityRef(entity).toLowerCase();
          valid.add(ref);
          definedIn.set(ref, (definedIn.get(ref) ?? new Set()).add(key));
        }
      }
    }
  }
  const duplicates = new Map(
    [...definedIn].filter(([, files]) => files.size > 1),
  );
  return { valid, failing, duplicates };
}

/**
 * Waits until the catalog holds every valid entity and reports every failing
 * file, or the time is up, and answers what is still wrong: entities missing
 * and the report's differences (all empty when the catalog got it right).
 * `refs` lists the catalog's entity refs; `reportedFiles` the files its
 * health report names, as `repo/path` keys.
 */
export async function compareWithCatalog(
  expected: CorpusExpectation,
  catalog: {
    refs: () => Promise<string[]>;
    reportedFiles: () => Promise<Set<string>>;
  },
  timeoutMs = 120_000,
) {
  let missing = [...expected.valid];
  await waitUntil(
    'every valid entity of the corpus',
    async () => {
      const refs = new Set((await catalog.refs()).map(r => r.toLowerCase()));
      missing = [...expected.valid].filter(r => !refs.has(r));
      return missing.length === 0 ? true : undefined;
    },
    timeoutMs,
  ).catch(() => undefined);
  let reported = new Set<string>();
  await waitUntil(
    'every failing file',
    async () => {
      reported = await catalog.reportedFiles();
      const { notReported, duplicatesNotReported } = unexplainedReports(
        expected,
        reported,
      );
      return notReported.length + duplicatesNotReported.length === 0
        ? true
        : undefined;
    },
    timeoutMs,
  ).catch(() => undefined);
  return { missing, ...unexplainedReports(expected, reported) };
}
