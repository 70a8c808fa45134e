import {
  CoverageReport,
  MEASURE_IDS,
  MissingRepository,
} from '@internal/plugin-coverage-common';

/** One CSV field, quoted when it holds a comma, quote or line break. */
function field(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function rows(lines: unknown[][]): string {
  return `${lines.map(l => l.map(field).join(',')).join('\r\n')}\r\n`;
}

/** Organisation, teams and systems: each measure as numerator, denominator and ratio. */
export function scopesCsv(report: CoverageReport): string {
  const header = [
    'day',
    'scope',
    'kind',
    'title',
    'parent',
    'gap',
    ...MEASURE_IDS.flatMap(m => [
      `${m}_numerator`,
      `${m}_denominator`,
      `${m}_ratio`,
    ]),
  ];
  const scopes = [report.organisation, ...report.teams, ...report.systems];
  return rows([
    header,
    ...scopes.map(s => [
      report.day,
      s.ref,
      s.kind,
      s.title,
      s.parentRef,
      s.gap,
      ...MEASURE_IDS.flatMap(m => {
        const v = s.measures[m];
        return [
          v.numerator,
          v.denominator,
          v.ratio === null ? '' : v.ratio.toFixed(4),
        ];
      }),
    ]),
  ]);
}

/** The production repositories missing from the catalog. */
export function missingCsv(day: string, missing: MissingRepository[]): string {
  return rows([
    [
      'day',
      'repository',
      'name',
      'sources',
      'owner_guess',
      'owner_guess_basis',
      'url',
      'pull_request',
    ],
    ...missing.map(m => [
      day,
      m.repoSlug,
      m.name,
      m.sources.join(' '),
      m.ownerGuess?.ref,
      m.ownerGuess?.basis,
      m.url,
      m.pullRequestUrl,
    ]),
  ]);
}
