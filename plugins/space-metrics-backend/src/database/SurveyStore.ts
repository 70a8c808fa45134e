import { Knex } from 'knex';
import { DataSource } from '@internal/plugin-space-metrics-common';
import { toDate } from './util';

/** A stored survey answer. */
export interface SurveyAnswerRow {
  quarter: string;
  userRef: string;
  /** The groups the person was a direct member of when answering. */
  groupRefs: string[];
  score: number;
  comment?: string;
  answeredAt: Date;
  source: DataSource;
}

/** What a person did with the prompt. */
export interface SurveyPromptRow {
  dismissed: boolean;
  postponedUntil?: Date;
}

/** Survey answers and prompt state. */
export interface SurveyStore {
  /** Stores the answer, replacing the person's earlier answer of that quarter. */
  putAnswer(answer: SurveyAnswerRow): Promise<void>;
  putAnswers(answers: SurveyAnswerRow[]): Promise<void>;
  getAnswer(
    quarter: string,
    userRef: string,
  ): Promise<SurveyAnswerRow | undefined>;
  listAnswers(quarters: string[]): Promise<SurveyAnswerRow[]>;
  getPrompt(
    quarter: string,
    userRef: string,
  ): Promise<SurveyPromptRow | undefined>;
  putPrompt(
    quarter: string,
    userRef: string,
    prompt: SurveyPromptRow,
  ): Promise<void>;
}

export class DatabaseSurveyStore implements SurveyStore {
  constructor(private readonly db: Knex) {}

  async putAnswer(answer: SurveyAnswerRow): Promise<void> {
    await this.putAnswers([answer]);
  }

  async putAnswers(answers: SurveyAnswerRow[]): Promise<void> {
    for (let i = 0; i < answers.length; i += 200) {
      const rows = answers.slice(i, i + 200).map(a => ({
        quarter: a.quarter,
        user_ref: a.userRef,
        group_refs: JSON.stringify(a.groupRefs),
        score: a.score,
        comment: a.comment ?? null,
        answered_at: a.answeredAt,
        source: a.source,
      }));
      await this.db('survey_answers')
        .insert(rows)
        .onConflict(['quarter', 'user_ref'])
        .merge(['group_refs', 'score', 'comment', 'answered_at', 'source']);
    }
  }

  async getAnswer(quarter: string, userRef: string) {
    const row = await this.db('survey_answers')
      .where({ quarter, user_ref: userRef })
      .first();
    return row ? fromRow(row) : undefined;
  }

  async listAnswers(quarters: string[]) {
    if (quarters.length === 0) return [];
    const rows = await this.db('survey_answers').whereIn('quarter', quarters);
    return rows.map(fromRow);
  }

  async getPrompt(quarter: string, userRef: string) {
    const row = await this.db('survey_prompts')
      .where({ quarter, user_ref: userRef })
      .first();
    if (!row) return undefined;
    return {
      dismissed: Boolean(row.dismissed),
      postponedUntil: row.postponed_until
        ? toDate(row.postponed_until)
        : undefined,
    };
  }

  async putPrompt(quarter: string, userRef: string, prompt: SurveyPromptRow) {
    await this.db('survey_prompts')
      .insert({
        quarter,
        user_ref: userRef,
        dismissed: prompt.dismissed,
        postponed_until: prompt.postponedUntil ?? null,
      })
      .onConflict(['quarter', 'user_ref'])
      .merge(['dismissed', 'postponed_until']);
  }
}

function fromRow(row: any): SurveyAnswerRow {
  return {
    quarter: row.quarter,
    userRef: row.user_ref,
    groupRefs: JSON.parse(row.group_refs),
    score: Number(row.score),
    comment: row.comment ?? undefined,
    answeredAt: toDate(row.answered_at),
    source: row.source,
  };
}
