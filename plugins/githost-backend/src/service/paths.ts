import { InputError } from '@backstage/errors';
import {
  describeInvalidBranch,
  describeInvalidName,
} from '@internal/plugin-githost-common';

/** Throws a 400 naming the field when an owner or repository name is invalid. */
export function assertName(kind: 'owner' | 'repository', name: string) {
  const problem = describeInvalidName(name);
  if (problem) {
    throw new InputError(`The ${kind} name "${name}" ${problem}`);
  }
}

/** Throws a 400 when a branch name is invalid. */
export function assertBranch(branch: string) {
  const problem = describeInvalidBranch(branch);
  if (problem) {
    throw new InputError(`The branch name "${branch}" ${problem}`);
  }
}

/** A branch name or a full commit id; anything else could be read as a git option. */
export function assertRef(ref: string) {
  if (!/^[0-9a-f]{40}$/.test(ref)) assertBranch(ref);
}

/**
 * A path inside a repository, normalised: relative, no `.` or `..` segments,
 * nothing under `.git`, no characters git's import format would need quoted.
 * Empty means the repository's root.
 */
export function normalizeRepoPath(path: string): string {
  const segments = path.split('/').filter(s => s !== '' && s !== '.');
  for (const segment of segments) {
    if (segment === '..' || segment === '.git') {
      throw new InputError(`The path "${path}" leaves the repository`);
    }
  }
  if (/[\0\n\r]/.test(path) || path.startsWith('"')) {
    throw new InputError(
      `The path "${path}" has characters that are not allowed`,
    );
  }
  return segments.join('/');
}
