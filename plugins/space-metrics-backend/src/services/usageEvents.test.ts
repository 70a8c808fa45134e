import { classifyEvent, monthStart, periodEnd, weekStart } from './usageEvents';

const ctx = { pluginId: 'x', extensionId: 'y' };

describe('classifyEvent', () => {
  it('counts a navigation as a page view, without query or hash', () => {
    expect(
      classifyEvent({
        action: 'navigate',
        subject: '/catalog?filters=x#top',
        context: ctx,
      }),
    ).toEqual([{ category: 'page', subject: '/catalog' }]);
  });

  it("counts a docs page as a page view and a view of that entity's docs", () => {
    expect(
      classifyEvent({
        action: 'navigate',
        subject: '/docs/default/Component/ledger-service/runbook/',
      }),
    ).toEqual([
      {
        category: 'page',
        subject: '/docs/default/Component/ledger-service/runbook/',
      },
      { category: 'docs', subject: 'component:default/ledger-service' },
    ]);
  });

  it('tells searches that found nothing from the others', () => {
    expect(
      classifyEvent({
        action: 'search',
        subject: '  Payments   API ',
        value: 12,
      }),
    ).toEqual([{ category: 'search', subject: 'payments api' }]);
    expect(
      classifyEvent({ action: 'search', subject: 'kafka', value: 0 }),
    ).toEqual([{ category: 'search-empty', subject: 'kafka' }]);
    expect(classifyEvent({ action: 'search', subject: '   ' })).toEqual([]);
  });

  it("counts a template run from the wizard's context", () => {
    expect(
      classifyEvent({
        action: 'create',
        subject: 'Task has been created',
        context: { ...ctx, entityRef: 'template:default/go-service' },
      }),
    ).toEqual([
      { category: 'template', subject: 'template:default/go-service' },
    ]);
    expect(
      classifyEvent({ action: 'create', subject: 'x', context: ctx }),
    ).toEqual([]);
  });

  it('keeps nothing of other events', () => {
    expect(
      classifyEvent({ action: 'click', subject: 'Template has been opened' }),
    ).toEqual([]);
  });
});

describe('periods', () => {
  it('finds the Monday of the week and the first of the month', () => {
    expect(weekStart('2026-11-26')).toBe('2026-11-23');
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-11-22')).toBe('2026-11-16');
    expect(monthStart('2026-11-26')).toBe('2026-11-01');
    expect(periodEnd('week', '2026-12-28')).toBe('2027-01-04');
    expect(periodEnd('month', '2026-12-01')).toBe('2027-01-01');
  });
});
