import { InputError } from '@backstage/errors';
import {
  SurveyAnswerInput,
  SurveyPromptInput,
  SurveyStatus,
  quarterOf,
} from '@internal/plugin-space-metrics-common';
import { SurveyStore } from '../database/SurveyStore';
import { SpaceMetricsSettings } from '../config';
import { OrgSource } from './CatalogOrgSource';

export const SURVEY_QUESTION =
  'How likely are you to recommend the portal to a colleague?';

/** The quarterly question: who is asked, answering, postponing, dismissing. */
export class SurveyService {
  constructor(
    private readonly store: SurveyStore,
    private readonly org: OrgSource,
    private readonly settings: SpaceMetricsSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async status(userRef: string): Promise<SurveyStatus> {
    const now = this.now();
    const quarter = quarterOf(now);
    const [answer, prompt] = await Promise.all([
      this.store.getAnswer(quarter, userRef),
      this.store.getPrompt(quarter, userRef),
    ]);
    const postponed =
      prompt?.postponedUntil !== undefined && prompt.postponedUntil > now;
    return {
      quarter,
      question: SURVEY_QUESTION,
      prompt:
        this.settings.survey.enabled &&
        !answer &&
        !prompt?.dismissed &&
        !postponed,
      answer: answer && {
        score: answer.score,
        comment: answer.comment,
        answeredAt: answer.answeredAt.toISOString(),
      },
      postponedUntil: postponed
        ? prompt!.postponedUntil!.toISOString()
        : undefined,
      dismissed: prompt?.dismissed ?? false,
    };
  }

  /** Stores the answer (replacing this quarter's earlier one). */
  async answer(
    userRef: string,
    input: SurveyAnswerInput,
  ): Promise<SurveyStatus> {
    if (!this.settings.survey.enabled) {
      throw new InputError(
        'The survey is turned off (spaceMetrics.survey.enabled)',
      );
    }
    const { score } = input;
    if (
      typeof score !== 'number' ||
      !Number.isInteger(score) ||
      score < 0 ||
      score > 10
    ) {
      throw new InputError(
        `score must be a whole number from 0 to 10, got ${JSON.stringify(
          score,
        )}`,
      );
    }
    let comment: string | undefined;
    if (input.comment !== undefined && input.comment !== null) {
      if (typeof input.comment !== 'string') {
        throw new InputError('comment must be text');
      }
      comment = input.comment.trim() || undefined;
      const max = this.settings.survey.maxCommentLength;
      if (comment && comment.length > max) {
        throw new InputError(
          `comment is ${comment.length} characters long; shorten it to at most ${max}`,
        );
      }
    }
    const org = await this.org.get();
    const now = this.now();
    await this.store.putAnswer({
      quarter: quarterOf(now),
      userRef,
      groupRefs: org.users.get(userRef)?.groups ?? [],
      score,
      comment,
      answeredAt: now,
      source: 'live',
    });
    return this.status(userRef);
  }

  /** "Later" postpones the prompt; "dismiss" closes it for the quarter. */
  async respond(
    userRef: string,
    input: SurveyPromptInput,
  ): Promise<SurveyStatus> {
    const now = this.now();
    const quarter = quarterOf(now);
    const current = await this.store.getPrompt(quarter, userRef);
    if (input.action === 'later') {
      const until = new Date(
        now.getTime() + this.settings.survey.postponeDays * 86_400_000,
      );
      await this.store.putPrompt(quarter, userRef, {
        dismissed: current?.dismissed ?? false,
        postponedUntil: until,
      });
    } else if (input.action === 'dismiss') {
      await this.store.putPrompt(quarter, userRef, {
        dismissed: true,
        postponedUntil: current?.postponedUntil,
      });
    } else {
      throw new InputError(
        `action must be 'later' or 'dismiss', got ${JSON.stringify(
          input.action,
        )}`,
      );
    }
    return this.status(userRef);
  }
}
