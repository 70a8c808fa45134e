import {
  addQuarters,
  quarterBounds,
  quarterOf,
} from '@internal/plugin-space-metrics-common';
import { ComponentSeenRow, TaskRow } from '../database/AdoptionStore';
import { OrgModel } from '../services/OrgModel';
import { Random } from './random';

const NAMES = [
  'payout-scheduler',
  'chargeback-api',
  'merchant-onboarding',
  'dispute-worker',
  'fx-rates',
  'webhook-relay',
  'risk-rules',
  'statement-renderer',
  'card-vault-proxy',
  'kyc-document-worker',
  'ledger-exporter',
  'pricing-api',
  'checkout-experiments',
  'payout-reconciler',
  'sanctions-screening',
  'receipt-mailer',
  'settlement-reports',
  'merchant-search',
  'api-keys-service',
  'audit-log-worker',
  'refund-api',
  'subscription-billing',
  'tax-calculator',
  'fraud-features-worker',
];
const TEMPLATES = [
  'template:default/go-service',
  'template:default/python-worker',
];

/**
 * New components over the last four quarters and the current one, with the
 * share made from a golden path rising from about 40% to 85%, some made from
 * the templates' older 0.9 version; and the Scaffolder runs behind them,
 * including failed runs and runs nobody finished.
 */
export function demoAdoption(
  org: OrgModel,
  now: Date,
  random: Random,
): { components: ComponentSeenRow[]; tasks: TaskRow[] } {
  const teams = [...org.groups.values()]
    .filter(g => g.type === 'team')
    .map(g => g.ref);
  const people = [...org.users.keys()];
  const components: ComponentSeenRow[] = [];
  const tasks: TaskRow[] = [];
  const names = [...NAMES];
  const current = quarterOf(now);
  let taskNo = 0;
  for (let i = -4; i <= 0 && names.length > 0; i++) {
    const { start, end } = quarterBounds(addQuarters(current, i));
    const last = Math.min(end.getTime(), now.getTime());
    const share = 0.4 + 0.11 * (i + 4);
    const count = i === 0 ? 3 : random.int(4, 6);
    for (let n = 0; n < count && names.length > 0; n++) {
      const at = new Date(
        start.getTime() + random.next() * (last - start.getTime()),
      );
      const name = names.splice(random.int(0, names.length - 1), 1)[0];
      const fromTemplate = random.chance(share);
      const templateRef = fromTemplate ? random.pick(TEMPLATES) : undefined;
      // The golden paths went to 1.0.0 half a year ago.
      const version = i < -1 ? '0.9.0' : '1.0.0';
      components.push({
        entityRef: `component:default/${name}`,
        firstSeenAt: at,
        baseline: false,
        ownerRef: teams.length > 0 ? random.pick(teams) : undefined,
        templateRef,
        templateVersion: templateRef && version,
        source: 'demo',
      });
      if (templateRef) {
        // The run that made it, a few minutes before the component appeared.
        const created = new Date(at.getTime() - random.int(5, 30) * 60_000);
        tasks.push(
          task(
            ++taskNo,
            templateRef,
            'completed',
            created,
            random.int(45, 190),
            random.pick(people),
          ),
        );
      }
    }
    // Failed and abandoned runs: bad names, taken repositories.
    for (let n = random.int(1, 3); n > 0; n--) {
      const created = new Date(
        start.getTime() + random.next() * (last - start.getTime()),
      );
      const failed = random.chance(0.7);
      tasks.push(
        task(
          ++taskNo,
          random.pick(TEMPLATES),
          failed ? 'failed' : 'cancelled',
          created,
          failed ? random.int(8, 40) : undefined,
          random.pick(people),
        ),
      );
    }
  }
  return { components, tasks };
}

function task(
  n: number,
  templateRef: string,
  status: string,
  createdAt: Date,
  seconds: number | undefined,
  createdBy: string | undefined,
): TaskRow {
  return {
    taskId: `demo-${String(n).padStart(4, '0')}`,
    templateRef,
    status,
    createdBy,
    createdAt,
    finishedAt:
      seconds === undefined
        ? undefined
        : new Date(createdAt.getTime() + seconds * 1000),
    source: 'demo',
  };
}
