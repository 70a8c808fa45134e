// Writes a synthetic organisation for the benchmark: one organisation, 8
// departments, 40 teams, 400 engineers who started over the last three years.
import fs from 'node:fs';

const out = process.argv[2];
const docs = [];
const group = (name, type, parent, children) => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Group',
  metadata: { name },
  spec: {
    type,
    profile: { displayName: name },
    ...(parent ? { parent } : {}),
    children,
  },
});
const departments = Array.from({ length: 8 }, (_, d) => `dept-${d}`);
docs.push(group('bench-org', 'organization', undefined, departments));
let user = 0;
const now = Date.now();
for (const [d, dept] of departments.entries()) {
  const teams = Array.from({ length: 5 }, (_, t) => `team-${d}-${t}`);
  docs.push(group(dept, 'department', 'bench-org', teams));
  for (const team of teams) {
    docs.push(group(team, 'team', dept, []));
    for (let i = 0; i < 10; i++, user++) {
      // Deterministic spread of start dates over the last 3 years.
      const start = new Date(now - ((user * 2741) % (3 * 365)) * 86_400_000);
      docs.push({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'User',
        metadata: {
          name: `engineer-${user}`,
          annotations: {
            'acme-pay.example/start-date': start.toISOString().slice(0, 10),
            'github.com/user-login': `engineer-${user}`,
          },
        },
        spec: {
          profile: { displayName: `Engineer ${user}` },
          memberOf: [team],
        },
      });
    }
  }
}
fs.writeFileSync(
  out,
  docs.map(d => `---\n${JSON.stringify(d, null, 2)}\n`).join(''),
);
console.log(`wrote ${docs.length} entities to ${out}`);
