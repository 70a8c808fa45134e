/**
 * Types of the SPACE metrics API (`/api/space-metrics`). The OpenAPI document in
 * the backend (`src/schema/openapi.yaml`) describes the same shapes.
 */

// Type aliases rather than interfaces: the router's types, derived from the
// OpenAPI document, accept type aliases where interfaces lack an index signature.

/** Where a stored row came from; `demo` rows are made by the demo seed. */
export type DataSource = 'demo' | 'live';

/** Whether, and why, the signed-in user is asked the survey question now. */
export type SurveyStatus = {
  /** The current quarter, e.g. `2026-Q4`. */
  quarter: string;
  /** True when the prompt should be shown now. */
  prompt: boolean;
  /** The user's answer this quarter, when there is one. */
  answer?: { score: number; comment?: string; answeredAt: string };
  /** Until when "later" postponed the prompt (ISO 8601). */
  postponedUntil?: string;
  /** True when the user closed the prompt for the rest of the quarter. */
  dismissed: boolean;
  /** The question, as the portal asks it. */
  question: string;
};

/** A survey answer, as submitted. */
export type SurveyAnswerInput = {
  /** 0 (not at all likely) to 10 (extremely likely). */
  score: number;
  /** Optional free text, at most `maxCommentLength` characters (default 2,000). */
  comment?: string;
};

/** What the user did with the prompt instead of answering. */
export type SurveyPromptInput = {
  /** `later` postpones the prompt a few days; `dismiss` closes it for the quarter. */
  action: 'later' | 'dismiss';
};

/** Why a figure is not shown. */
export type SuppressionReason =
  /** The group has fewer respondents than the anonymity threshold. */
  | 'not-enough-responses'
  /** Showing it would let a reader derive a hidden group's figure by subtraction. */
  | 'could-be-derived';

/** The NPS of one group in one quarter, or why it is withheld. */
export type NpsFigure = {
  quarter: string;
  /** `group:default/team-web`, or null for the whole organisation. */
  groupRef: string | null;
  shown: boolean;
  reason?: SuppressionReason;
  /** The remaining fields are present only when `shown`. */
  respondents?: number;
  promoters?: number;
  passives?: number;
  detractors?: number;
  /** % promoters − % detractors, rounded to one decimal, −100 to 100. */
  nps?: number;
};

/** `GET /nps`: the NPS trend of the chosen group, and its teams in the last quarter. */
export type NpsReport = {
  threshold: number;
  quarters: string[];
  /** One figure per quarter of the period, for the chosen group (or the organisation). */
  trend: NpsFigure[];
  /** The chosen group's descendant groups in the period's last quarter. */
  groups: NpsFigure[];
  demo: boolean;
};

/** `GET /nps/comments`: comments of one group and quarter, without authors. */
export type NpsComments = {
  quarter: string;
  groupRef: string | null;
  shown: boolean;
  reason?: SuppressionReason;
  /** Comment texts in alphabetical order (not in answering order, which could identify). */
  comments: string[];
};

/** Time to first deploy of one quarterly cohort of new engineers. */
export type TtfdCohort = {
  /** The quarter the engineers started in. */
  quarter: string;
  shown: boolean;
  reason?: SuppressionReason;
  /** Engineers who started in the quarter (shown only above the threshold). */
  engineers?: number;
  /** Of those, how many have deployed to production so far. */
  deployed?: number;
  /** Median days from start date to first production deployment with their commit. */
  medianDays?: number;
  /** 75th percentile of the same. */
  p75Days?: number;
};

/** `GET /ttfd`: time to first deploy per quarterly cohort. */
export type TtfdReport = {
  threshold: number;
  cohorts: TtfdCohort[];
  demo: boolean;
};

/** New components of one quarter: made from a template or not. */
export type AdoptionPeriod = {
  quarter: string;
  newComponents: number;
  fromTemplate: number;
  /** fromTemplate / newComponents, 0–1; null when there were no new components. */
  share: number | null;
};

/** Scaffolder runs of one template in the period. */
export type TemplateRuns = {
  templateRef: string;
  title?: string;
  runs: number;
  succeeded: number;
  failed: number;
  /** succeeded / (succeeded + failed), 0–1; null when no run has finished. */
  successRate: number | null;
  /** Median seconds from start to finish of the finished runs. */
  medianDurationSeconds: number | null;
  /** The template's version in the catalog now. */
  currentVersion?: string;
};

/** A component made from an older version of its template than the current one. */
export type OutdatedComponent = {
  componentRef: string;
  templateRef: string;
  version: string;
  currentVersion: string;
};

/** `GET /adoption`. */
export type AdoptionReport = {
  periods: AdoptionPeriod[];
  templates: TemplateRuns[];
  outdated: OutdatedComponent[];
  demo: boolean;
};

/** One entry of a top list. */
export type TopEntry = {
  key: string;
  count: number;
};

/** Active users of one week or month. */
export type ActiveUsers = {
  /** First day of the week (Monday) or month, `YYYY-MM-DD`. */
  start: string;
  users: number;
};

/** `GET /usage`. */
export type UsageReport = {
  weekly: ActiveUsers[];
  monthly: ActiveUsers[];
  topPages: TopEntry[];
  topTemplates: TopEntry[];
  topDocs: TopEntry[];
  topSearches: TopEntry[];
  /** Searches that found nothing, most frequent first. */
  emptySearches: TopEntry[];
  demo: boolean;
};

/** A group the dashboard can be narrowed to (the team picker). */
export type GroupOption = {
  ref: string;
  title: string;
  type: string;
  parent?: string;
};

/** `GET /groups`. */
export type GroupsResponse = {
  groups: GroupOption[];
};

/** The dashboard's period and team, as query parameters. */
export type DashboardQuery = {
  /** First day of the period, `YYYY-MM-DD` (inclusive). */
  from: string;
  /** Last day of the period, `YYYY-MM-DD` (inclusive). */
  to: string;
  /** `group:default/team-web`; the whole organisation when absent. */
  group?: string;
};

/** One frontend analytics event, as the portal's collector sends it. */
export type AnalyticsEventInput = {
  action: string;
  subject: string;
  value?: number;
  /** The plugin and extension the event came from, and the entity if any. */
  context?: { pluginId?: string; extensionId?: string; entityRef?: string };
  /** When it happened in the browser (ISO 8601); the server's clock when absent. */
  timestamp?: string;
};

/** `POST /deployments`: a production deployment reported by a CI pipeline. */
export type DeploymentInput = {
  /** The component, `component:default/payment-processor` or just its name. */
  service: string;
  /** Only `production` deployments count for time to first deploy. */
  environment: string;
  /** The deployed commit (full SHA): the same commit reported twice counts once. */
  revision: string;
  /** When it went live (ISO 8601). */
  deployedAt: string;
  /** Authors of the commits this deployment shipped: GitHub logins, emails or user refs. */
  commitAuthors?: string[];
  /** A link to the pipeline run. */
  url?: string;
};

/** The answer of `POST /deployments`. */
export type DeploymentResult = {
  id: string;
  /** False when the same deployment was already known (it is counted once). */
  created: boolean;
};
