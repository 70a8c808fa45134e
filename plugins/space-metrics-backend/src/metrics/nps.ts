/** Counts behind an NPS figure. */
export interface NpsCounts {
  respondents: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters − % detractors, one decimal; null when nobody answered. */
  nps: number | null;
}

/**
 * Net Promoter Score of a set of 0–10 answers: promoters answer 9–10,
 * passives 7–8, detractors 0–6; NPS = % promoters − % detractors.
 */
export function computeNps(scores: readonly number[]): NpsCounts {
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (const score of scores) {
    if (!Number.isInteger(score) || score < 0 || score > 10) {
      throw new RangeError(`NPS scores are whole numbers 0-10, got ${score}`);
    }
    if (score >= 9) promoters++;
    else if (score >= 7) passives++;
    else detractors++;
  }
  const respondents = scores.length;
  const nps =
    respondents === 0
      ? null
      : Math.round(((promoters - detractors) / respondents) * 1000) / 10;
  // Math.round(-0.5) is -0; show 0.
  return {
    respondents,
    promoters,
    passives,
    detractors,
    nps: nps === 0 ? 0 : nps,
  };
}
