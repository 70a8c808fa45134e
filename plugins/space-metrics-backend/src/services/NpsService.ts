import { NotAllowedError } from '@backstage/errors';
import {
  NpsComments,
  NpsFigure,
  NpsReport,
} from '@internal/plugin-space-metrics-common';
import { SurveyAnswerRow, SurveyStore } from '../database/SurveyStore';
import { computeNps } from '../metrics/nps';
import { Disclosure, decideDisclosure } from '../metrics/anonymity';
import { OrgModel } from './OrgModel';
import { OrgSource } from './CatalogOrgSource';
import { Period } from './period';

/** One quarter's answers, grouped along the organisation tree. */
interface QuarterView {
  answersByGroup: Map<string | null, SurveyAnswerRow[]>;
  disclosure: Map<string | null, Disclosure>;
}

/**
 * NPS per quarter for the organisation and every group, with the anonymity
 * rules applied over the whole tree (not only the groups on screen: a reader
 * can switch the team picker and subtract across views).
 */
export class NpsService {
  constructor(
    private readonly store: SurveyStore,
    private readonly org: OrgSource,
    private readonly threshold: number,
    private readonly isDemo: () => Promise<boolean>,
  ) {}

  async report(period: Period): Promise<NpsReport> {
    const org = await this.org.get();
    const answers = await this.store.listAnswers(period.quarters);
    const views = new Map(
      period.quarters.map(q => [
        q,
        this.view(
          org,
          answers.filter(a => a.quarter === q),
        ),
      ]),
    );
    const figure = (quarter: string, ref: string | null): NpsFigure => {
      const view = views.get(quarter)!;
      const d = view.disclosure.get(ref) ?? {
        shown: false,
        reason: 'not-enough-responses' as const,
      };
      if (!d.shown)
        return { quarter, groupRef: ref, shown: false, reason: d.reason };
      const counts = computeNps(
        (view.answersByGroup.get(ref) ?? []).map(a => a.score),
      );
      return {
        quarter,
        groupRef: ref,
        shown: true,
        respondents: counts.respondents,
        promoters: counts.promoters,
        passives: counts.passives,
        detractors: counts.detractors,
        nps: counts.nps ?? undefined,
      };
    };
    const last = period.quarters[period.quarters.length - 1];
    // Depth first, so a department comes before its teams.
    const below = period.group
      ? [...org.descendantsOf(period.group)].filter(g => g !== period.group)
      : [...org.descendantsOfRoot()];
    return {
      threshold: this.threshold,
      quarters: period.quarters,
      trend: period.quarters.map(q => figure(q, period.group ?? null)),
      groups: below.map(g => figure(last, g)),
      demo: await this.isDemo(),
    };
  }

  /** Comments of a group in a quarter, when its figure may be shown. */
  async comments(quarter: string, group: string | null): Promise<NpsComments> {
    const org = await this.org.get();
    const answers = await this.store.listAnswers([quarter]);
    const view = this.view(org, answers);
    const d = view.disclosure.get(group);
    if (!d) throw new NotAllowedError(`Unknown group '${group}'`);
    if (!d.shown) {
      return {
        quarter,
        groupRef: group,
        shown: false,
        reason: d.reason,
        comments: [],
      };
    }
    const comments = (view.answersByGroup.get(group) ?? [])
      .map(a => a.comment)
      .filter((c): c is string => Boolean(c))
      // Alphabetical, not in answering order, which could tell who wrote what.
      .sort((a, b) => a.localeCompare(b));
    return { quarter, groupRef: group, shown: true, comments };
  }

  private view(org: OrgModel, answers: SurveyAnswerRow[]): QuarterView {
    const answersByGroup = new Map<string | null, SurveyAnswerRow[]>([
      [null, []],
    ]);
    for (const g of org.groups.keys()) answersByGroup.set(g, []);
    for (const a of answers) {
      answersByGroup.get(null)!.push(a);
      // The groups at answer time, rolled up through today's group tree.
      for (const g of org.withAncestors(a.groupRefs))
        answersByGroup.get(g)!.push(a);
    }
    const respondents = new Map<string | null, Set<string>>();
    for (const [g, list] of answersByGroup) {
      respondents.set(g, new Set(list.map(a => a.userRef)));
    }
    const disclosure = decideDisclosure({
      respondents,
      childrenOf: org.childrenOf,
      threshold: this.threshold,
    });
    return { answersByGroup, disclosure };
  }
}
