/**
 * Owner and repository names on the local git host: lowercase letters, digits
 * and single dashes, starting with a letter, at most 63 characters. The same
 * rule as a catalog entity name, so a repository and its component share a name.
 */
const namePattern = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Says in words what is wrong with a name, or undefined when it is valid. */
export function describeInvalidName(name: string): string | undefined {
  if (!name) return 'is empty';
  if (name.length > 63) {
    return `is ${name.length} characters long; at most 63 are allowed`;
  }
  if (/[A-Z]/.test(name)) return 'has capital letters; use lowercase';
  if (!/^[a-z]/.test(name)) return 'must start with a lowercase letter';
  if (/[^a-z0-9-]/.test(name)) {
    const bad = [...new Set(name.replace(/[a-z0-9-]/g, ''))].join(' ');
    return `has characters that are not allowed (${bad}); use lowercase letters, digits and dashes`;
  }
  if (/--/.test(name)) return 'has two dashes in a row';
  if (name.endsWith('-')) return 'ends with a dash';
  return namePattern.test(name) ? undefined : 'is not a valid name';
}

/**
 * Branch names: letters, digits, dots, dashes and underscores, no slashes, so
 * that a file URL's branch and path never blur (`blob/<branch>/<path>`).
 */
export function describeInvalidBranch(branch: string): string | undefined {
  if (!/^[A-Za-z0-9_][A-Za-z0-9._-]{0,99}$/.test(branch)) {
    return 'must be letters, digits, dots, dashes or underscores (no slashes), at most 100 characters';
  }
  if (branch.includes('..') || branch.endsWith('.lock')) {
    return 'must not contain ".." or end with ".lock"';
  }
  return undefined;
}
