import path from 'node:path';
import fs from 'node:fs';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import {
  CoverageReport,
  MissingRepository,
} from '@internal/plugin-coverage-common';
import {
  demoDocsBuild,
  loadDemoCatalog,
  REPO_ROOT,
} from '../__testUtils__/demoCatalog';
import { MemoryRepositoryHost } from '../__testUtils__/hosts';
import { parseInventory } from '../service/InventorySource';
import { OwnerGuesser } from '../service/OwnerGuesser';
import { assess, buildReport } from '../measures/report';
import { DEMO_REPOSITORIES } from './demoRepositories';

/*
 * The demo organisation, counted by hand from catalog/ and
 * catalog/production-repositories.yaml.
 *
 * Production services: the inventory has 20 entries; "Payment Processor
 * (on-call)" has no repository but carries pagerduty.com/service-id P1A2B3C,
 * which is payment-processor's, so it is the same service: 19 services.
 *
 * In the catalog (15): api-gateway, checkout-web, data-pipeline,
 * developer-portal, fraud-detector, invoice-service, kyc-service,
 * ledger-service, legacy-reporting, merchant-dashboard, mobile-bff,
 * notification-service, payment-processor, settlement-worker, status-page.
 * Missing (4): refund-service (its file is rejected: no owner, no lifecycle),
 * merchant-webhooks, chargeback-service, search-indexer. Coverage 15/19.
 *
 * Checks failed per entity (of 11):
 *   api-gateway, fraud-detector, ledger-service, payment-processor,
 *   settlement-worker: none
 *   checkout-web       4: no techdocs (annotation + build), no PagerDuty, no runbook
 *   data-pipeline      4: no techdocs (2), no PagerDuty, no runbook
 *   developer-portal   3: no PagerDuty, no Argo CD, no runbook
 *   invoice-service    3: no techdocs (2), no runbook
 *   kyc-service        3: no techdocs (2), no Argo CD
 *   legacy-reporting   8: owner team-analytics is no Group (2: resolves, members),
 *                         no techdocs (2), no PagerDuty, no Argo CD, no runbook,
 *                         ownedBy points at group:default/team-analytics (relations)
 *   merchant-dashboard 4: no techdocs (2), no PagerDuty, no runbook
 *   mobile-bff         3: no techdocs (2), no runbook
 *   notification-service 2: no PagerDuty; its docs do not build (mkdocs.yml
 *                         names the mermaid2 plugin, which the portal refuses)
 *   status-page        5: no techdocs (2), no PagerDuty, no Argo CD, no runbook
 * Total 39 failed checks.
 *
 * Organisation: ownership 14/15 (legacy-reporting), documentation 6/15
 * (api-gateway, developer-portal, fraud-detector, ledger-service,
 * payment-processor, settlement-worker), operability 5/15 (the
 * five with nothing failing), hygiene 14/15 (legacy-reporting's dangling
 * owner). Gap 4 + 39 = 43.
 *
 * Owner guesses (CODEOWNERS): refund-service -> team-payments,
 * merchant-webhooks -> team-platform (the last "*" rule wins over *.md),
 * chargeback-service -> team-risk; search-indexer has no CODEOWNERS and the
 * local git host gives no committers: no guess, it counts for the
 * organisation only.
 *
 * Teams (services = own entities + guessed missing repositories):
 *   team-payments: invoice, ledger, payment-processor, settlement + refund
 *                  -> coverage 4/5, documentation 3/4, operability 3/4, gap 1 + 3 = 4
 *   team-risk:     fraud-detector, kyc + chargeback -> coverage 2/3, operability 1/2, gap 1 + 3 = 4
 *   team-platform: api-gateway, notification, developer-portal + merchant-webhooks
 *                  -> coverage 3/4, documentation 2/3, operability 1/3, gap 1 + 3 + 2 = 6
 *   team-sre:      status-page -> 1/1, gap 5
 *   team-data:     data-pipeline -> 1/1, gap 4 (legacy-reporting's owner is not team-data)
 *   team-web:      checkout-web, merchant-dashboard -> 2/2, documentation 0/2, gap 8
 *   team-mobile:   mobile-bff -> 1/1, gap 3
 *   engineering-payments 6/8 (gap 8); engineering-platform 5/6 (gap 15);
 *   engineering-growth 3/3 (gap 11); acme 14/17 (gap 34; without
 *   legacy-reporting and search-indexer, which belong to no Group).
 * Systems: billing-platform 4/4 (refund-service has no system), risk-engine
 *   2/2, developer-platform 4/4, customer-experience 3/3, data-platform 2/2
 *   with ownership 1/2.
 */
describe('the demo organisation, counted by hand', () => {
  let report: CoverageReport;
  let rejected: string[];
  let missing: MissingRepository[];

  beforeAll(async () => {
    const demo = await loadDemoCatalog();
    rejected = demo.rejected;
    const inventoryFile = path.join(
      REPO_ROOT,
      'catalog/production-repositories.yaml',
    );
    const records = parseInventory(
      fs.readFileSync(inventoryFile, 'utf8'),
      inventoryFile,
    );
    const built = new Set(
      demo.entities.filter(demoDocsBuild).map(e => stringifyEntityRef(e)),
    );
    const assessment = assess({
      entities: demo.entities,
      sources: [{ sourceId: 'inventory', records }],
      docsBuilt: ref => built.has(ref),
      fixUrl: id => `#${id}`,
    });
    const host = new MemoryRepositoryHost(
      Object.fromEntries(
        DEMO_REPOSITORIES.map(r => [
          `${r.owner}/${r.name}`,
          { files: r.files },
        ]),
      ),
    );
    await new OwnerGuesser([host], mockServices.logger.mock()).guessAll(
      assessment.missing,
      assessment.catalog,
    );
    missing = assessment.missing;
    report = buildReport({
      assessment,
      sources: [
        {
          id: 'inventory',
          title: 'Inventory',
          ok: true,
          count: records.length,
        },
      ],
      threshold: 0.8,
      day: '2026-11-26',
      takenAt: '2026-11-26T00:00:00.000Z',
      organisationTitle: 'Acme Pay',
    });
  });

  const count = (ref: string) => {
    const scope = [
      report.organisation,
      ...report.teams,
      ...report.systems,
    ].find(s => s.ref === ref)!;
    return {
      ...Object.fromEntries(
        Object.entries(scope.measures).map(([k, v]) => [
          k,
          `${v.numerator}/${v.denominator}`,
        ]),
      ),
      gap: scope.gap,
    };
  };

  it('the catalog rejects refund-service, and nothing else', () => {
    expect(rejected).toEqual(['component:default/refund-service']);
  });

  it('the organisation: 15 of 19 production services in the catalog', () => {
    expect(count('organisation')).toEqual({
      coverage: '15/19',
      ownership: '14/15',
      documentation: '6/15',
      operability: '5/15',
      hygiene: '14/15',
      gap: 43,
    });
  });

  it('teams, rolled up through the departments', () => {
    expect(count('group:default/team-payments')).toEqual({
      coverage: '4/5',
      ownership: '4/4',
      documentation: '3/4',
      operability: '3/4',
      hygiene: '4/4',
      gap: 4,
    });
    expect(count('group:default/team-risk')).toMatchObject({
      coverage: '2/3',
      operability: '1/2',
      gap: 4,
    });
    expect(count('group:default/team-platform')).toMatchObject({
      coverage: '3/4',
      documentation: '2/3',
      operability: '1/3',
      gap: 6,
    });
    expect(count('group:default/team-sre')).toMatchObject({
      coverage: '1/1',
      gap: 5,
    });
    expect(count('group:default/team-data')).toMatchObject({
      coverage: '1/1',
      gap: 4,
    });
    expect(count('group:default/team-web')).toMatchObject({
      coverage: '2/2',
      documentation: '0/2',
      gap: 8,
    });
    expect(count('group:default/team-mobile')).toMatchObject({
      coverage: '1/1',
      gap: 3,
    });
    expect(count('group:default/engineering-payments')).toMatchObject({
      coverage: '6/8',
      gap: 8,
    });
    expect(count('group:default/engineering-platform')).toMatchObject({
      coverage: '5/6',
      gap: 15,
    });
    expect(count('group:default/engineering-growth')).toMatchObject({
      coverage: '3/3',
      gap: 11,
    });
    expect(count('group:default/acme')).toMatchObject({
      coverage: '14/17',
      gap: 34,
    });
  });

  it('systems', () => {
    expect(count('system:default/billing-platform')).toMatchObject({
      coverage: '4/4',
    });
    expect(count('system:default/risk-engine')).toMatchObject({
      coverage: '2/2',
    });
    expect(count('system:default/developer-platform')).toMatchObject({
      coverage: '4/4',
    });
    expect(count('system:default/customer-experience')).toMatchObject({
      coverage: '3/3',
    });
    expect(count('system:default/data-platform')).toMatchObject({
      coverage: '2/2',
      ownership: '1/2',
    });
  });

  it('the missing repositories and their owner guesses', () => {
    expect(missing.map(m => [m.repoSlug, m.ownerGuess?.ref ?? null])).toEqual([
      ['acme-pay/chargeback-service', 'group:default/team-risk'],
      ['acme-pay/merchant-webhooks', 'group:default/team-platform'],
      ['acme-pay/refund-service', 'group:default/team-payments'],
      ['acme-pay/search-indexer', null],
    ]);
    // All 11 Groups are ranked; the organisation-type Group first (largest gap).
    expect(report.teams.map(t => t.ref)).toHaveLength(11);
    expect(report.teams[0].ref).toBe('group:default/acme');
  });
});
