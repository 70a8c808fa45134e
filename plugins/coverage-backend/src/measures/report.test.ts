import { assess, buildReport } from './report';
import { component, org } from '../__testUtils__/entities';
import { guessFromCodeowners, guessFromCommitters } from './ownerGuess';
import { CatalogView } from './catalogView';

/**
 * Hand-made organisation: acme > engineering > payments (ana, bo), risk (cy),
 * ghosts (nobody). Production services (GitHub + Argo CD):
 *  - pay-a (payments, billing): complete
 *  - pay-b (payments, billing): no runbook, docs not built
 *  - risk-a (risk, fraud): complete, reported by both sources
 *  - ghost-a (ghosts, fraud): owner has no members
 *  - acme/new-risk: missing, CODEOWNERS guesses risk
 *  - acme/unknown: missing, no guess
 * Not production: lib-x (payments) is in the catalog but no source lists it.
 */
function scenario() {
  const entities = [
    ...org(),
    component('pay-a'),
    component('pay-b', { links: [] }),
    component('risk-a', { owner: 'risk', system: 'fraud' }),
    component('ghost-a', { owner: 'ghosts', system: 'fraud' }),
    component('lib-x'),
  ];
  const assessment = assess({
    entities,
    sources: [
      {
        sourceId: 'github',
        records: [
          'pay-a',
          'pay-b',
          'risk-a',
          'ghost-a',
          'new-risk',
          'unknown',
        ].map(n => ({
          name: n,
          repoSlug: `acme/${n}`,
        })),
      },
      {
        sourceId: 'argocd',
        records: [{ name: 'risk-a', repoSlug: 'acme/risk-a' }],
      },
    ],
    docsBuilt: ref => ref !== 'component:default/pay-b',
    fixUrl: id => `#${id}`,
  });
  assessment.missing[0].ownerGuess = {
    ref: 'group:default/risk',
    basis: 'codeowners',
    detail: 'CODEOWNERS names @acme/risk for *',
  };
  return buildReport({
    assessment,
    sources: [
      { id: 'github', title: 'GitHub', ok: true, count: 6 },
      { id: 'argocd', title: 'Argo CD', ok: true, count: 1 },
    ],
    threshold: 0.8,
    day: '2026-11-26',
    takenAt: '2026-11-26T03:00:00.000Z',
    organisationTitle: 'Acme',
  });
}

describe('roll-up', () => {
  const report = scenario();
  const scope = (ref: string) =>
    [report.organisation, ...report.teams, ...report.systems].find(
      s => s.ref === ref,
    )!;
  const ratios = (ref: string) =>
    Object.fromEntries(
      Object.entries(scope(ref).measures).map(([k, v]) => [
        k,
        `${v.numerator}/${v.denominator}`,
      ]),
    );

  it('organisation: 4 of 6 services in the catalog, each entity once', () => {
    expect(ratios('organisation')).toEqual({
      coverage: '4/6',
      ownership: '3/4', // ghost-a's group has no members
      documentation: '3/4', // pay-b's docs did not build
      operability: '3/4', // pay-b has no runbook
      hygiene: '4/4',
    });
    // 2 missing + pay-b (2 failed checks) + ghost-a (1)
    expect(report.organisation.gap).toBe(5);
  });

  it('teams roll up through nested groups: the department includes its teams', () => {
    expect(ratios('group:default/payments')).toMatchObject({
      coverage: '2/2',
      operability: '1/2',
    });
    // risk-a plus the missing repository guessed to be risk's
    expect(ratios('group:default/risk')).toMatchObject({
      coverage: '1/2',
      ownership: '1/1',
    });
    expect(ratios('group:default/ghosts')).toMatchObject({
      coverage: '1/1',
      ownership: '0/1',
    });
    expect(ratios('group:default/engineering')).toEqual({
      coverage: '4/5',
      ownership: '3/4',
      documentation: '3/4',
      operability: '3/4',
      hygiene: '4/4',
    });
    expect(ratios('group:default/acme')).toMatchObject({ coverage: '4/5' });
    expect(scope('group:default/engineering').parentRef).toBe(
      'group:default/acme',
    );
  });

  it('systems count their entities; missing services have no system', () => {
    expect(ratios('system:default/billing')).toMatchObject({
      coverage: '2/2',
      documentation: '1/2',
    });
    expect(ratios('system:default/fraud')).toMatchObject({
      coverage: '2/2',
      ownership: '1/2',
    });
  });

  it('ranks teams by gap, largest first', () => {
    expect(
      report.teams.map(t => [t.ref.replace('group:default/', ''), t.gap]),
    ).toEqual([
      ['acme', 4],
      ['engineering', 4],
      ['payments', 2],
      ['ghosts', 1],
      ['risk', 1],
    ]);
  });

  it('a scope without production services has no ratio, not zero', () => {
    const empty = assess({
      entities: org(),
      sources: [],
      docsBuilt: () => true,
      fixUrl: () => '',
    });
    const r = buildReport({
      assessment: empty,
      sources: [],
      threshold: 0.8,
      day: 'd',
      takenAt: 't',
      organisationTitle: 'Acme',
    });
    expect(r.organisation.measures.coverage).toEqual({
      numerator: 0,
      denominator: 0,
      ratio: null,
    });
  });
});

describe('owner guesses', () => {
  const catalog = new CatalogView(org());

  it('CODEOWNERS: the last rule for everything wins; teams and users are read', () => {
    expect(
      guessFromCodeowners(
        '# owners\n*.md @acme/ghosts\n* @acme/payments\n* @acme/Risk\n',
        catalog,
      ),
    ).toEqual({
      ref: 'group:default/risk',
      basis: 'codeowners',
      detail: 'CODEOWNERS names @acme/Risk for *',
    });
    expect(guessFromCodeowners('/src/ @cy-gh\n', catalog)?.ref).toBe(
      'group:default/risk',
    );
    expect(guessFromCodeowners('* @acme/not-a-team', catalog)).toBeUndefined();
  });

  it('top committers: the group most of them are in', () => {
    expect(
      guessFromCommitters(['cy-gh', 'ana-gh', 'stranger', 'bo-gh'], catalog),
    ).toMatchObject({
      ref: 'group:default/payments',
      basis: 'top-committers',
    });
    expect(guessFromCommitters(['stranger'], catalog)).toBeUndefined();
  });
});
