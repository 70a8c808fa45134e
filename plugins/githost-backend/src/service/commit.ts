import { InputError } from '@backstage/errors';
import {
  GitHostAuthor,
  GitHostFileChange,
} from '@internal/plugin-githost-common';
import { normalizeRepoPath } from './paths';

/** The identity of commits made by the portal when no author is given. */
export const portalAuthor: GitHostAuthor = {
  name: 'Acme Developer Portal',
  email: 'portal@acme-pay.example',
};

/**
 * Builds a `git fast-import` stream that writes one commit with the given files
 * on `ref`, on top of `parent` when given. One git process writes the whole
 * commit, however many files it has.
 */
export function fastImportScript(options: {
  ref: string;
  parent?: string;
  message: string;
  author?: GitHostAuthor;
  files: GitHostFileChange[];
}): Buffer {
  const { ref, parent, message, files } = options;
  if (!files.length) {
    throw new InputError('A commit needs at least one file');
  }
  const author = identity(options.author ?? portalAuthor);
  const committer = identity(portalAuthor);
  const when = `${Math.floor(Date.now() / 1000)} +0000`;
  const msg = Buffer.from(message, 'utf8');
  const parts: Buffer[] = [
    Buffer.from(
      `commit ${ref}\nauthor ${author} ${when}\ncommitter ${committer} ${when}\ndata ${msg.length}\n`,
    ),
    msg,
    Buffer.from(`\n${parent ? `from ${parent}\n` : ''}`),
  ];
  const seen = new Set<string>();
  for (const file of files) {
    const path = normalizeRepoPath(file.path);
    if (!path) throw new InputError('A file in the commit has an empty path');
    if (seen.has(path)) {
      throw new InputError(`The file "${path}" appears twice in the commit`);
    }
    seen.add(path);
    const data = Buffer.from(file.base64Content, 'base64');
    const mode = file.executable ? '100755' : '100644';
    parts.push(
      Buffer.from(`M ${mode} inline ${path}\ndata ${data.length}\n`),
      data,
      Buffer.from('\n'),
    );
  }
  parts.push(Buffer.from('done\n'));
  return Buffer.concat(parts);
}

function identity(who: GitHostAuthor) {
  const clean = (s: string) => s.replace(/[<>\n]/g, '').trim();
  if (!clean(who.name) || !clean(who.email)) {
    throw new InputError('A commit author needs a name and an email');
  }
  return `${clean(who.name)} <${clean(who.email)}>`;
}
