import {
  addQuarters,
  quarterBounds,
  quarterOf,
} from '@internal/plugin-space-metrics-common';
import { SurveyAnswerRow } from '../database/SurveyStore';
import { OrgModel } from '../services/OrgModel';
import { Random } from './random';

const COMMENTS = {
  low: [
    'Search rarely finds the runbook I need during an incident.',
    'Too many services have no docs; the portal shows the gap but nobody fills it.',
    'Creating a service still needs a ticket for the database, so the template only gets me halfway.',
    'The catalog page is slow to load for our team.',
  ],
  mid: [
    'Useful for finding owners. I still go to GitHub for most things.',
    'The golden path saved me a day, but I had to fix the CI file by hand.',
    'Good start. I would like deployment status on the service page.',
  ],
  high: [
    'The Go template gave me a working service with CI and docs in ten minutes.',
    'Finding who owns an API and where its docs live is finally one search.',
    'TechDocs next to the service is the best thing the platform team shipped this year.',
    'I onboarded with the portal; the runbooks and the catalog made my first on-call week calm.',
  ],
};

/** How each team feels about the portal, before the quarterly drift. */
const TEAM_MOOD: Record<string, number> = {
  'group:default/team-platform': 8.6,
  'group:default/team-payments': 7.4,
  'group:default/team-risk': 6.8,
  'group:default/team-sre': 7.9,
  'group:default/team-data': 6.4,
  'group:default/team-web': 8.1,
  'group:default/team-mobile': 7.0,
};

/**
 * Survey answers for the last four quarters and the current one: about two
 * thirds of the people who had started answer each quarter, the mood improves
 * a little each quarter, and in the current quarter only three people of
 * team-sre have answered so far, so the dashboard shows what a team below the
 * threshold looks like.
 */
export function demoSurveyAnswers(
  org: OrgModel,
  now: Date,
  random: Random,
): SurveyAnswerRow[] {
  const current = quarterOf(now);
  const answers: SurveyAnswerRow[] = [];
  for (let i = -4; i <= 0; i++) {
    const quarter = addQuarters(current, i);
    const { start, end } = quarterBounds(quarter);
    const last = i === 0 ? now : end;
    let sreAnswers = 0;
    for (const user of org.users.values()) {
      if (user.startDate && new Date(`${user.startDate}T00:00:00Z`) > last)
        continue;
      const team = [...user.groups].sort()[0] ?? '';
      if (i === 0 && team === 'group:default/team-sre') {
        if (sreAnswers >= 3) continue;
        sreAnswers++;
      } else if (!random.chance(0.68)) {
        continue;
      }
      const mood = (TEAM_MOOD[team] ?? 7.5) + 0.25 * (i + 4);
      const score = Math.max(
        0,
        Math.min(10, Math.round(random.normal(mood, 1.7))),
      );
      let band: keyof typeof COMMENTS = 'low';
      if (score >= 9) band = 'high';
      else if (score >= 7) band = 'mid';
      const span = last.getTime() - start.getTime();
      answers.push({
        quarter,
        userRef: user.ref,
        groupRefs: user.groups,
        score,
        comment: random.chance(0.3) ? random.pick(COMMENTS[band]) : undefined,
        answeredAt: new Date(
          start.getTime() + Math.floor(random.next() * span),
        ),
        source: 'demo',
      });
    }
  }
  return answers;
}
