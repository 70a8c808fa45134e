import { randomBytes } from 'node:crypto';
import { ConflictError, InputError } from '@backstage/errors';
import {
  GitHostAuthor,
  GitHostCommitRequest,
  GitHostFileChange,
} from '@internal/plugin-githost-common';
import { git, gitOk } from './git';
import { normalizeRepoPath } from './paths';

/** The "must not exist yet" value of `git update-ref`. */
export const NO_COMMIT = '0'.repeat(40);

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

/**
 * Writes a commit with `git fast-import` on a private ref, then moves the
 * branch to it only if the branch is still where it was (compare-and-swap).
 */
export async function writeCommit(
  gitDir: string,
  request: Omit<GitHostCommitRequest, 'expectedHead'>,
  parent: string | undefined,
): Promise<string> {
  const tmpRef = `refs/githost-import/${randomBytes(6).toString('hex')}`;
  const script = fastImportScript({ ...request, ref: tmpRef, parent });
  try {
    await gitOk(['fast-import', '--quiet', '--done'], {
      gitDir,
      input: script,
    });
    const commit = (await gitOk(['rev-parse', tmpRef], { gitDir }))
      .toString()
      .trim();
    const swap = await git(
      [
        'update-ref',
        `refs/heads/${request.branch}`,
        commit,
        parent ?? NO_COMMIT,
      ],
      { gitDir },
    );
    if (swap.code !== 0) {
      throw new ConflictError(
        `The branch "${request.branch}" moved while the commit was written; retry`,
      );
    }
    return commit;
  } finally {
    await git(['update-ref', '-d', tmpRef], { gitDir });
  }
}
