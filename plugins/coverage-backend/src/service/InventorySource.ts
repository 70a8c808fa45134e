import fs from 'node:fs/promises';
import path from 'node:path';
import yaml from 'yaml';
import { InputError } from '@backstage/errors';
import {
  CoverageSource,
  ProductionServiceRecord,
} from '@internal/plugin-coverage-node';

/**
 * The built-in source: a YAML file listing the production repositories, for
 * the embedded default and for organisations whose production list lives in
 * no system the portal reads. The file is read at every snapshot, so editing
 * it needs no restart; a file that cannot be read or parsed makes the source
 * fail (the snapshot then says so) rather than count zero services.
 *
 * ```yaml
 * services:
 *   - name: payments-api
 *     repoSlug: acme-pay/payments-api
 *     annotations: { pagerduty.com/service-id: P123 }   # optional
 *     url: https://github.com/acme-pay/payments-api     # optional
 * ```
 */
export class InventorySource implements CoverageSource {
  readonly id = 'inventory';
  readonly title: string;

  constructor(private readonly file: string) {
    this.title = `Inventory file ${path.basename(file)}`;
  }

  async listProductionServices(): Promise<ProductionServiceRecord[]> {
    const text = await fs.readFile(this.file, 'utf8');
    return parseInventory(text, this.file);
  }
}

/** Parses an inventory file, naming the entry and field that is wrong. */
export function parseInventory(
  text: string,
  file: string,
): ProductionServiceRecord[] {
  const doc = yaml.parse(text);
  const list = doc?.services;
  if (!Array.isArray(list)) {
    throw new InputError(
      `${file}: expected a top-level "services:" list of production repositories`,
    );
  }
  return list.map((entry: any, i: number) => {
    const where = `${file}: services[${i}]`;
    if (!entry || typeof entry.name !== 'string' || !entry.name.trim()) {
      throw new InputError(`${where} has no name`);
    }
    if (
      entry.repoSlug !== undefined &&
      !/^[\w.-]+\/[\w.-]+$/.test(String(entry.repoSlug))
    ) {
      throw new InputError(
        `${where}: repoSlug "${entry.repoSlug}" is not owner/repository`,
      );
    }
    if (!entry.repoSlug && !entry.annotations) {
      throw new InputError(
        `${where} (${entry.name}) needs a repoSlug or annotations to be matched to the catalog`,
      );
    }
    const annotations = entry.annotations
      ? Object.fromEntries(
          Object.entries(entry.annotations).map(([k, v]) => [k, String(v)]),
        )
      : undefined;
    return {
      name: entry.name,
      ...(entry.repoSlug ? { repoSlug: String(entry.repoSlug) } : {}),
      ...(annotations ? { annotations } : {}),
      ...(entry.url ? { url: String(entry.url) } : {}),
    };
  });
}
