import path from 'node:path';
import {
  addPortalMkdocsPluginToPythonPath,
  portalMkdocsPluginDir,
} from './pythonPath';

describe('addPortalMkdocsPluginToPythonPath', () => {
  it('puts the plugin folder first, once', () => {
    const env: NodeJS.ProcessEnv = { PYTHONPATH: '/opt/lib' };
    addPortalMkdocsPluginToPythonPath(env);
    addPortalMkdocsPluginToPythonPath(env);
    expect(env.PYTHONPATH).toBe(`${portalMkdocsPluginDir()}:/opt/lib`);
  });

  it('points at the folder that holds the techdocs-core entry point', () => {
    expect(path.basename(portalMkdocsPluginDir())).toBe('mkdocs');
    const env: NodeJS.ProcessEnv = {};
    addPortalMkdocsPluginToPythonPath(env);
    expect(env.PYTHONPATH).toBe(portalMkdocsPluginDir());
  });
});
