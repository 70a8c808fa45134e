import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { BuiltinKindsEntityProcessor } from '@backstage/plugin-catalog-backend';
import { validateMkdocsConfig } from '@internal/plugin-techdocs-backend-module-portal';

/** The repository's root (this file is plugins/coverage-backend/src/__testUtils__). */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/**
 * The demo catalog as the portal loads it (catalog/*\/catalog-info.yaml,
 * catalog/org/*.yaml, the portal's own catalog-info.yaml), each entity
 * validated and given its relations by the catalog's own
 * BuiltinKindsEntityProcessor (after `$text` placeholders are read, as the
 * portal's local-placeholders module does). Entities the catalog rejects (refund-service)
 * are left out, as the catalog leaves them out.
 */
export async function loadDemoCatalog(): Promise<{
  entities: Entity[];
  rejected: string[];
}> {
  const catalogDir = path.join(REPO_ROOT, 'catalog');
  const files = [
    ...fs
      .readdirSync(catalogDir)
      .map(d => path.join(catalogDir, d, 'catalog-info.yaml'))
      .filter(f => fs.existsSync(f)),
    ...fs
      .readdirSync(path.join(catalogDir, 'org'))
      .filter(f => f.endsWith('.yaml'))
      .map(f => path.join(catalogDir, 'org', f)),
    path.join(REPO_ROOT, 'catalog-info.yaml'),
  ];
  const processor = new BuiltinKindsEntityProcessor();
  const entities: Entity[] = [];
  const rejected: string[] = [];
  const relations = new Map<string, { type: string; targetRef: string }[]>();
  for (const file of files) {
    for (const doc of yaml.parseAllDocuments(fs.readFileSync(file, 'utf8'))) {
      const entity = doc.toJSON() as Entity | null;
      if (!entity) continue;
      entity.metadata.namespace ??= 'default';
      resolveTextPlaceholders(entity, path.dirname(file));
      let valid = false;
      try {
        valid = await processor.validateEntityKind(entity);
      } catch {
        valid = false;
      }
      if (!valid) {
        rejected.push(stringifyEntityRef(entity));
        continue;
      }
      await processor.postProcessEntity(
        entity,
        { type: 'file', target: file },
        result => {
          if (result.type !== 'relation') return;
          const { source, type, target } = result.relation;
          const ref = stringifyEntityRef(source);
          relations.set(ref, [
            ...(relations.get(ref) ?? []),
            { type, targetRef: stringifyEntityRef(target) },
          ]);
        },
      );
      entities.push(entity);
    }
  }
  for (const e of entities)
    e.relations = relations.get(stringifyEntityRef(e)) ?? [];
  return { entities, rejected };
}

/**
 * Whether an entity's docs would build: its folder holds mkdocs.yml and
 * docs/index.md, and the portal's own mkdocs.yml check (the one its TechDocs
 * build runs first) finds nothing to refuse. The running portal asks TechDocs
 * whether they were published.
 */
export function demoDocsBuild(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  const repo = annotations['github.com/project-slug']?.split('/')[1];
  if (!annotations['backstage.io/techdocs-ref'] || !repo) return false;
  const dir =
    repo === 'developer-portal'
      ? REPO_ROOT
      : path.join(REPO_ROOT, 'catalog', repo);
  const mkdocs = path.join(dir, 'mkdocs.yml');
  if (
    !fs.existsSync(mkdocs) ||
    !fs.existsSync(path.join(dir, 'docs', 'index.md'))
  ) {
    return false;
  }
  return (
    validateMkdocsConfig(fs.readFileSync(mkdocs, 'utf8'), dir).length === 0
  );
}

/** Replaces `{ $text: ./file }` in spec with the file's text. */
function resolveTextPlaceholders(entity: Entity, dir: string) {
  const spec = entity.spec as Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(spec ?? {})) {
    const text = (value as { $text?: string } | null)?.$text;
    if (typeof text === 'string') {
      spec![key] = fs.readFileSync(path.join(dir, text), 'utf8');
    }
  }
}
