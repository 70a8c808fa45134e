import { resolvePackagePath } from '@backstage/backend-plugin-api';

/** The folder that holds the portal's `techdocs-core` MkDocs plugin. */
export function portalMkdocsPluginDir(): string {
  return resolvePackagePath(
    '@internal/plugin-techdocs-backend-module-portal',
    'mkdocs',
  );
}

/**
 * MkDocs finds plugins through Python entry points; with our folder on
 * PYTHONPATH, `techdocs-core` resolves to the portal's plugin. The mkdocs
 * processes the generator spawns inherit the variable. Idempotent.
 */
export function addPortalMkdocsPluginToPythonPath(
  env: NodeJS.ProcessEnv = process.env,
): void {
  const dir = portalMkdocsPluginDir();
  const current = env.PYTHONPATH ? env.PYTHONPATH.split(':') : [];
  if (!current.includes(dir)) {
    env.PYTHONPATH = [dir, ...current].join(':');
  }
}
