import fs from 'node:fs';
import yaml from 'yaml';

/** A `${VAR}` a config file needs that the environment does not provide. */
export interface MissingVariable {
  variable: string;
  key: string;
  file: string;
}

const REQUIRED_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * Finds `${VAR}` substitutions (without a `:-default`) and `$env: VAR` values in
 * config files whose variable is unset or empty.
 *
 * Why: Backstage silently drops a key whose variable is missing, so a production
 * backend without POSTGRES_HOST would try a default and fail later with an
 * unrelated error (or worse, succeed against the wrong server).
 */
export function findMissingVariables(
  files: { path: string; text: string }[],
  env: NodeJS.ProcessEnv,
): MissingVariable[] {
  const missing: MissingVariable[] = [];
  const isSet = (name: string) => (env[name] ?? '') !== '';
  const walk = (value: unknown, key: string, file: string) => {
    if (typeof value === 'string') {
      for (const m of value.matchAll(REQUIRED_REF)) {
        if (!isSet(m[1])) missing.push({ variable: m[1], key, file });
      }
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${key}[${i}]`, file));
    } else if (value && typeof value === 'object') {
      const obj = value as Record<string, unknown>;
      if (typeof obj.$env === 'string' && Object.keys(obj).length === 1) {
        if (!isSet(obj.$env)) missing.push({ variable: obj.$env, key, file });
        return;
      }
      for (const [k, v] of Object.entries(obj)) {
        walk(v, key ? `${key}.${k}` : k, file);
      }
    }
  };
  for (const f of files) {
    walk(yaml.parse(f.text), '', f.path);
  }
  return missing;
}

/** The `--config` files the backend was started with, in order. */
export function configPathsFromArgs(argv: string[]): string[] {
  const paths: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === '--config' && argv[i + 1]) paths.push(argv[i + 1]);
    else if (arg.startsWith('--config='))
      paths.push(arg.slice('--config='.length));
  });
  return paths;
}

/** Stops start-up, naming every missing variable and the key that needs it. */
export function assertConfigEnvironment(
  argv = process.argv,
  env = process.env,
): void {
  const files = configPathsFromArgs(argv)
    .filter(p => fs.existsSync(p))
    .map(p => ({ path: p, text: fs.readFileSync(p, 'utf8') }));
  const missing = findMissingVariables(files, env);
  if (missing.length === 0) return;
  const lines = missing.map(
    m => `  - ${m.variable} (for ${m.key} in ${m.file})`,
  );
  // eslint-disable-next-line no-console
  console.error(
    `The portal cannot start: required environment variables are not set:\n${lines.join(
      '\n',
    )}\nSet them, or remove the keys that use them. See docs/configuration.md.`,
  );
  process.exit(1);
}
