import { OwnerGuess } from '@internal/plugin-coverage-common';
import { CatalogView } from './catalogView';

/** Where CODEOWNERS may live, in the order GitHub looks. */
export const CODEOWNERS_PATHS = [
  '.github/CODEOWNERS',
  'CODEOWNERS',
  'docs/CODEOWNERS',
];

/**
 * The owner CODEOWNERS gives the whole repository: the owners of the last `*`
 * rule (GitHub's last-match-wins), or of the first rule when there is no `*`.
 * `@org/team` is read as the Group `team`; `@user` as the Group that user is a
 * member of. Only owners that are in the catalog count.
 */
export function guessFromCodeowners(
  text: string,
  catalog: CatalogView,
): OwnerGuess | undefined {
  const rules = text
    .split('\n')
    .map(l => l.replace(/#.*$/, '').trim())
    .filter(Boolean)
    .map(l => l.split(/\s+/))
    .filter(parts => parts.length > 1);
  const everything = rules.filter(r => r[0] === '*' || r[0] === '/*').at(-1);
  const rule = everything ?? rules[0];
  if (!rule) return undefined;
  for (const owner of rule.slice(1)) {
    const handle = owner.replace(/^@/, '');
    const team = handle.includes('/') ? handle.split('/')[1] : undefined;
    const groupRef = team
      ? `group:default/${team.toLocaleLowerCase('en-US')}`
      : firstGroupOf(catalog, handle);
    if (groupRef && catalog.groups.has(groupRef)) {
      return {
        ref: groupRef,
        basis: 'codeowners',
        detail: `CODEOWNERS names ${owner} for ${rule[0]}`,
      };
    }
  }
  return undefined;
}

function firstGroupOf(catalog: CatalogView, identity: string) {
  const user = catalog.usersByIdentity.get(identity.toLocaleLowerCase('en-US'));
  return user ? catalog.userGroups.get(user)?.[0] : undefined;
}

/**
 * The Group most of the top committers belong to (ties: the Group of the
 * most frequent committer). Committers not in the catalog are ignored.
 */
export function guessFromCommitters(
  committers: string[],
  catalog: CatalogView,
): OwnerGuess | undefined {
  const votes = new Map<
    string,
    { count: number; first: number; who: string[] }
  >();
  committers.forEach((login, position) => {
    const user = catalog.usersByIdentity.get(login.toLocaleLowerCase('en-US'));
    for (const group of user ? catalog.userGroups.get(user) ?? [] : []) {
      const v = votes.get(group) ?? { count: 0, first: position, who: [] };
      v.count += 1;
      v.who.push(login);
      votes.set(group, v);
    }
  });
  const best = [...votes.entries()].sort(
    ([, a], [, b]) => b.count - a.count || a.first - b.first,
  )[0];
  if (!best) return undefined;
  const [ref, v] = best;
  return {
    ref,
    basis: 'top-committers',
    detail: `${v.count} of the ${
      committers.length
    } most frequent recent committers (${v.who.join(', ')}) are in ${ref}`,
  };
}
