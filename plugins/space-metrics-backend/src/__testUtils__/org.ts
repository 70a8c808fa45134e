import { OrgModel } from '../services/OrgModel';
import { OrgSource } from '../services/CatalogOrgSource';

/**
 * A small organisation: acme > eng (dept) > team-a (6 people), team-b (7),
 * team-c (3), plus the department's director, and a few new starters.
 */
export function testOrg(): OrgModel {
  const g = (name: string, parent: string | null, type = 'team') => ({
    ref: `group:default/${name}`,
    title: name,
    type,
    parent: parent ? `group:default/${parent}` : null,
    children: [],
  });
  const people = (team: string, n: number, start?: string) =>
    Array.from({ length: n }, (_, i) => ({
      ref: `user:default/${team}-${i}`,
      groups: [`group:default/${team}`],
      startDate: start,
      githubLogin: `${team}-${i}-gh`,
      emails: [`${team}.${i}@example.com`],
    }));
  return new OrgModel(
    [
      g('acme', null, 'organization'),
      g('eng', 'acme', 'department'),
      g('team-a', 'eng'),
      g('team-b', 'eng'),
      g('team-c', 'eng'),
    ],
    [
      ...people('team-a', 6, '2026-01-12'),
      ...people('team-b', 7, '2025-11-03'),
      ...people('team-c', 3, '2026-02-02'),
      {
        ref: 'user:default/director',
        groups: ['group:default/eng'],
        emails: [],
      },
    ],
  );
}

export function staticOrg(model: OrgModel = testOrg()): OrgSource {
  return { get: async () => model };
}
