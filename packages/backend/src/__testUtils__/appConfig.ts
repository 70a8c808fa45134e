import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';

const repoRoot = path.resolve(__dirname, '../../../..');

/** One of the portal's config files, parsed (no substitutions). */
export function readAppConfig(file = 'app-config.yaml') {
  return yaml.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8'));
}

/** The kinds the portal's catalog accepts (`catalog.rules` of app-config.yaml). */
export function catalogRules() {
  return readAppConfig().catalog.rules;
}
