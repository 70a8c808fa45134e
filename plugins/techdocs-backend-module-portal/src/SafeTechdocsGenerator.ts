import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { InputError } from '@backstage/errors';
import {
  GeneratorRunOptions,
  TechdocsGenerator,
} from '@backstage/plugin-techdocs-node';
import { validateMkdocsConfig } from './validateMkdocsConfig';

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function findMkdocsYml(inputDir: string): Promise<string | undefined> {
  for (const name of ['mkdocs.yml', 'mkdocs.yaml']) {
    const file = path.join(inputDir, name);
    if (await exists(file)) return file;
  }
  return undefined;
}

/**
 * The TechDocs generator with a safety check in front: a repository's
 * mkdocs.yml is validated before MkDocs runs, and a refused configuration fails
 * the build with every problem listed, in the build log the reader shows.
 * Builds run on a copy of the input, which is never modified.
 */
export class SafeTechdocsGenerator extends TechdocsGenerator {
  async run(options: GeneratorRunOptions): Promise<void> {
    const file = await findMkdocsYml(options.inputDir);
    let docsDir = 'docs';
    if (file) {
      const text = await fs.readFile(file, 'utf8');
      const problems = validateMkdocsConfig(text, options.inputDir);
      if (problems.length > 0) {
        const message = `The docs were not built because mkdocs.yml was refused:\n${problems
          .map(p => `  - ${p}`)
          .join('\n')}`;
        options.logStream?.write(`${message}\n`);
        throw new InputError(message);
      }
      const configured = parseDocument(text).toJS()?.docs_dir;
      if (typeof configured === 'string') docsDir = configured;
    }
    // The generator patches mkdocs.yml in place. For docs read from a local
    // folder (the embedded default's `dir:` references) that folder is the
    // repository itself, so build from a copy and leave the source untouched.
    // MkDocs reads only its config, the docs folder and (for the legacy
    // README-as-index option) README.md: copy those, not the whole repository.
    const copy = await fs.mkdtemp(path.join(os.tmpdir(), 'techdocs-build-'));
    try {
      for (const name of [
        'mkdocs.yml',
        'mkdocs.yaml',
        'README.md',
        path.normalize(docsDir),
      ]) {
        const from = path.join(options.inputDir, name);
        if (await exists(from)) {
          const to = path.join(copy, name);
          await fs.mkdir(path.dirname(to), { recursive: true });
          await fs.cp(from, to, { recursive: true });
        }
      }
      await super.run({ ...options, inputDir: copy });
    } finally {
      await fs.rm(copy, { recursive: true, force: true });
    }
  }
}
