import { UsageEventRow } from '../database/UsageStore';
import { OrgModel } from '../services/OrgModel';
import { DAY_MS, Random } from './random';

const PAGES = [
  ['/', 30],
  ['/catalog/default/component/payment-processor', 9],
  ['/catalog/default/component/ledger-service', 7],
  ['/catalog/default/api/payments-api/definition', 6],
  ['/create', 4],
  ['/search', 5],
  ['/catalog-health', 2],
  ['/space-metrics', 1],
  ['/catalog/default/group/team-payments', 3],
  ['/catalog/default/component/api-gateway', 4],
  ['/catalog/default/component/fraud-detector', 3],
  ['/settings', 1],
] as const;
const DOCS = [
  ['/docs/default/component/payment-processor', 8],
  ['/docs/default/component/ledger-service', 6],
  ['/docs/default/component/api-gateway/runbook', 5],
  ['/docs/default/component/developer-portal', 3],
  ['/docs/default/component/settlement-worker', 3],
  ['/docs/default/component/fraud-detector/architecture', 2],
] as const;
const SEARCHES = [
  ['ledger', 6, true],
  ['payments api', 5, true],
  ['runbook', 5, true],
  ['outbox', 3, true],
  ['kafka', 3, false],
  ['on-call rota', 2, false],
  ['feature flags', 2, true],
  ['vpn setup', 2, false],
  ['grafana', 2, false],
  ['postgres', 2, true],
] as const;

function weighted<T extends readonly unknown[]>(
  random: Random,
  items: readonly T[],
): T {
  const total = items.reduce((sum, item) => sum + (item[1] as number), 0);
  let r = random.next() * total;
  for (const item of items) {
    r -= item[1] as number;
    if (r <= 0) return item;
  }
  return items[items.length - 1];
}

/**
 * A year of portal use by the people who had started: most use it on most
 * working days, a few rarely, more as the year goes on. Each active day brings
 * a few page views, now and then docs, a search (some find nothing) or a
 * template run.
 */
export function demoUsageEvents(
  org: OrgModel,
  now: Date,
  random: Random,
): UsageEventRow[] {
  const events: UsageEventRow[] = [];
  const people = [...org.users.values()].map(u => ({
    ref: u.ref,
    start: u.startDate ? Date.parse(`${u.startDate}T00:00:00Z`) : 0,
    habit: random.chance(0.2) ? 0.15 : 0.35 + random.next() * 0.45,
  }));
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  for (let day = today - 364 * DAY_MS; day <= today; day += DAY_MS) {
    const weekday = new Date(day).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    const growth =
      0.75 + 0.25 * ((day - (today - 364 * DAY_MS)) / (364 * DAY_MS));
    for (const p of people) {
      if (p.start > day || !random.chance(p.habit * growth)) continue;
      const at = (minutes: number) => {
        const t = new Date(day + (8 * 60 + minutes) * 60_000);
        return t > now ? now : t;
      };
      const add = (
        category: UsageEventRow['category'],
        subject: string,
        minutes: number,
      ) =>
        events.push({
          occurredAt: at(minutes),
          userRef: p.ref,
          category,
          subject,
          source: 'demo',
        });
      const views = random.int(1, 4);
      for (let v = 0; v < views; v++)
        add('page', weighted(random, PAGES)[0], random.int(0, 600));
      if (random.chance(0.35)) {
        const path = weighted(random, DOCS)[0];
        const m = /^\/docs\/([^/]+)\/([^/]+)\/([^/]+)/.exec(path)!;
        const minutes = random.int(0, 600);
        add('page', path, minutes);
        add('docs', `${m[2]}:${m[1]}/${m[3]}`, minutes);
      }
      if (random.chance(0.25)) {
        const [term, , found] = weighted(random, SEARCHES);
        add(found ? 'search' : 'search-empty', term, random.int(0, 600));
      }
      if (random.chance(0.015)) {
        add(
          'template',
          random.chance(0.6)
            ? 'template:default/go-service'
            : 'template:default/python-worker',
          random.int(0, 600),
        );
      }
    }
  }
  return events;
}
