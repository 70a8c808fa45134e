import { DeploymentRecord } from '../database/DeploymentStore';
import { OrgModel } from '../services/OrgModel';
import { DAY_MS, Random } from './random';

/** A component and its owning group. */
export interface DemoComponent {
  ref: string;
  ownerRef?: string;
}

/**
 * Production deployments from the first person's start date until now: each
 * service ships two or three times a week, with commits of its owning team's
 * people. Each person's first deployment comes 4 to 40 days after their start
 * date (faster for people who joined later: the golden paths got better), and
 * nobody appears on a deployment before their first one.
 */
export function demoDeployments(
  org: OrgModel,
  components: DemoComponent[],
  now: Date,
  random: Random,
): DeploymentRecord[] {
  const people = [...org.users.values()].filter(u => u.startDate);
  const firstDeploy = new Map<string, number>();
  for (const u of people) {
    const start = Date.parse(`${u.startDate}T00:00:00Z`);
    const yearsAgo = (now.getTime() - start) / (365 * DAY_MS);
    const typical = 9 + 6 * yearsAgo;
    const days = Math.max(3, Math.min(45, random.normal(typical, typical / 3)));
    firstDeploy.set(
      u.ref,
      start + days * DAY_MS + random.int(9, 17) * 3_600_000,
    );
  }
  const teamOf = (ownerRef?: string) =>
    people.filter(u => ownerRef && u.groups.includes(ownerRef)).map(u => u.ref);
  const services = components.filter(c => teamOf(c.ownerRef).length > 0);
  const result: DeploymentRecord[] = [];
  const deploy = (serviceRef: string, at: number, authors: string[]) =>
    result.push({
      serviceRef,
      environment: 'production',
      revision: random.sha(),
      deployedAt: new Date(at),
      reportedBy: 'demo',
      authors,
      source: 'demo',
    });

  // Every person's first deployment, on a service of their team.
  for (const u of people) {
    const at = firstDeploy.get(u.ref)!;
    if (at > now.getTime()) continue;
    const own = services.filter(
      s => s.ownerRef && u.groups.includes(s.ownerRef),
    );
    const service = own.length > 0 ? random.pick(own) : random.pick(services);
    if (!service) continue;
    deploy(service.ref, at, [u.ref]);
  }

  // Routine deployments of people who had already shipped once.
  const begin = Math.min(...[...firstDeploy.values()]);
  for (const s of services) {
    const team = teamOf(s.ownerRef);
    for (
      let t = begin + random.int(1, 4) * DAY_MS;
      t < now.getTime();
      t += random.int(2, 4) * DAY_MS
    ) {
      const eligible = team.filter(ref => firstDeploy.get(ref)! < t);
      if (eligible.length === 0) continue;
      const authors = new Set<string>();
      const n = random.int(1, Math.min(3, eligible.length));
      while (authors.size < n) authors.add(random.pick(eligible));
      deploy(s.ref, t, [...authors]);
    }
  }
  return result;
}
