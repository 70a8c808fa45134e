import { toCsv } from './csv';

describe('toCsv', () => {
  it('exports figures, withheld figures as withheld, and quotes what needs it', () => {
    const csv = toCsv(
      {
        nps: {
          threshold: 5,
          quarters: ['2026-Q4'],
          trend: [
            {
              quarter: '2026-Q4',
              groupRef: null,
              shown: true,
              nps: 23.5,
              respondents: 34,
            },
          ],
          groups: [
            {
              quarter: '2026-Q4',
              groupRef: 'group:default/team-sre',
              shown: false,
              reason: 'not-enough-responses',
            },
          ],
          demo: true,
        },
        usage: {
          weekly: [{ start: '2026-11-23', users: 50 }],
          monthly: [],
          topPages: [],
          topTemplates: [],
          topDocs: [],
          topSearches: [
            { key: 'payments, api', count: 3 },
            { key: '=cmd', count: 1 },
          ],
          emptySearches: [],
          demo: true,
        },
      },
      { from: '2025-10-01', to: '2026-11-26', group: '' },
    );
    expect(csv.split('\r\n')).toEqual([
      'measure,period,group,item,value,note',
      'nps,2026-Q4,organisation,nps,23.5,34 respondents',
      'nps,2026-Q4,group:default/team-sre,nps,,withheld: not enough responses',
      'weekly-active-users,2026-11-23,organisation,,50,',
      'top-search,2025-10-01..2026-11-26,organisation,"payments, api",3,',
      "top-search,2025-10-01..2026-11-26,organisation,'=cmd,1,",
      '',
    ]);
  });
});
