import { AnalyticsEventInput } from '@internal/plugin-space-metrics-common';
import { UsageCategory } from '../database/UsageStore';

/**
 * What an analytics event of the frontend counts as, or undefined when it
 * counts for nothing on the dashboard (clicks, hovers: not stored at all).
 *
 * - `navigate` (Backstage's route tracker): a page view; under `/docs/` also a
 *   docs view of that entity's docs.
 * - `search` (the search context; `value` is the number of results): a search,
 *   or a search that found nothing when the value is 0.
 * - `create` inside a template's wizard (its context names the template): a
 *   template run started.
 */
export function classifyEvent(
  event: AnalyticsEventInput,
): { category: UsageCategory; subject: string }[] {
  const subject = typeof event.subject === 'string' ? event.subject : '';
  switch (event.action) {
    case 'navigate': {
      const path = (subject.split(/[?#]/)[0] || '/').slice(0, 255);
      const result: { category: UsageCategory; subject: string }[] = [
        { category: 'page', subject: path },
      ];
      const docs = /^\/docs\/([^/]+)\/([^/]+)\/([^/]+)/.exec(path);
      if (docs) {
        result.push({
          category: 'docs',
          subject: `${docs[2]}:${docs[1]}/${docs[3]}`.toLowerCase(),
        });
      }
      return result;
    }
    case 'search': {
      const term = subject
        .trim()
        .toLowerCase()
        .replace(/\s+/g, ' ')
        .slice(0, 100);
      if (!term) return [];
      return [
        {
          category: event.value === 0 ? 'search-empty' : 'search',
          subject: term,
        },
      ];
    }
    case 'create': {
      const ref = event.context?.entityRef;
      if (
        typeof ref === 'string' &&
        ref.toLowerCase().startsWith('template:')
      ) {
        return [
          { category: 'template', subject: ref.toLowerCase().slice(0, 255) },
        ];
      }
      return [];
    }
    default:
      return [];
  }
}

/** Monday of the ISO week of a day, `YYYY-MM-DD`. */
export function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const offset = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
}

/** First of the month of a day, `YYYY-MM-DD`. */
export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** The day after the end of the week or month that starts on `start`. */
export function periodEnd(period: 'week' | 'month', start: string): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (period === 'week') {
    return new Date(d.getTime() + 7 * 86_400_000).toISOString().slice(0, 10);
  }
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1))
    .toISOString()
    .slice(0, 10);
}
