import {
  AdoptionReport,
  NpsReport,
  TtfdReport,
  UsageReport,
} from '@internal/plugin-space-metrics-common';

/** What the dashboard has loaded, for export. */
export interface DashboardData {
  nps?: NpsReport;
  ttfd?: TtfdReport;
  adoption?: AdoptionReport;
  usage?: UsageReport;
}

type Cell = string | number | null | undefined;

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Quote what would break a row; a leading = + - @ could run as a formula in a spreadsheet.
  const safe =
    /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The dashboard as one CSV table: measure, period (quarter, week, month),
 * group, item, value, and a note saying why a figure is withheld. Withheld
 * figures are exported as withheld, never as numbers.
 */
export function toCsv(
  data: DashboardData,
  meta: { from: string; to: string; group: string },
): string {
  const rows: Cell[][] = [
    ['measure', 'period', 'group', 'item', 'value', 'note'],
  ];
  const group = meta.group || 'organisation';
  const withheld = (reason?: string) =>
    reason === 'could-be-derived'
      ? 'withheld: could be derived from other figures'
      : 'withheld: not enough responses';
  for (const f of data.nps?.trend ?? []) {
    rows.push([
      'nps',
      f.quarter,
      f.groupRef ?? group,
      'nps',
      f.shown ? f.nps : null,
      f.shown ? `${f.respondents} respondents` : withheld(f.reason),
    ]);
  }
  for (const f of data.nps?.groups ?? []) {
    rows.push([
      'nps',
      f.quarter,
      f.groupRef,
      'nps',
      f.shown ? f.nps : null,
      f.shown ? `${f.respondents} respondents` : withheld(f.reason),
    ]);
  }
  for (const c of data.ttfd?.cohorts ?? []) {
    rows.push([
      'ttfd-median-days',
      c.quarter,
      group,
      'cohort',
      c.shown ? c.medianDays : null,
      c.shown
        ? `${c.engineers} engineers, ${c.deployed} deployed`
        : withheld(c.reason),
    ]);
    rows.push([
      'ttfd-p75-days',
      c.quarter,
      group,
      'cohort',
      c.shown ? c.p75Days : null,
      c.shown ? '' : withheld(c.reason),
    ]);
  }
  for (const p of data.adoption?.periods ?? []) {
    rows.push(['new-components', p.quarter, group, 'all', p.newComponents, '']);
    rows.push([
      'new-components-from-template',
      p.quarter,
      group,
      'share',
      p.share,
      `${p.fromTemplate} of ${p.newComponents}`,
    ]);
  }
  for (const t of data.adoption?.templates ?? []) {
    rows.push([
      'template-runs',
      `${meta.from}..${meta.to}`,
      group,
      t.templateRef,
      t.runs,
      '',
    ]);
    rows.push([
      'template-success-rate',
      `${meta.from}..${meta.to}`,
      group,
      t.templateRef,
      t.successRate,
      `${t.succeeded} succeeded, ${t.failed} failed`,
    ]);
    rows.push([
      'template-median-duration-seconds',
      `${meta.from}..${meta.to}`,
      group,
      t.templateRef,
      t.medianDurationSeconds,
      '',
    ]);
  }
  for (const o of data.adoption?.outdated ?? []) {
    rows.push([
      'outdated-component',
      '',
      group,
      o.componentRef,
      o.version,
      `${o.templateRef} is at ${o.currentVersion}`,
    ]);
  }
  for (const w of data.usage?.weekly ?? [])
    rows.push(['weekly-active-users', w.start, group, '', w.users, '']);
  for (const m of data.usage?.monthly ?? [])
    rows.push(['monthly-active-users', m.start, group, '', m.users, '']);
  const lists: [string, { key: string; count: number }[] | undefined][] = [
    ['top-page', data.usage?.topPages],
    ['top-template', data.usage?.topTemplates],
    ['top-docs', data.usage?.topDocs],
    ['top-search', data.usage?.topSearches],
    ['search-without-results', data.usage?.emptySearches],
  ];
  for (const [measure, list] of lists) {
    for (const e of list ?? [])
      rows.push([
        measure,
        `${meta.from}..${meta.to}`,
        group,
        e.key,
        e.count,
        '',
      ]);
  }
  return `${rows.map(r => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
