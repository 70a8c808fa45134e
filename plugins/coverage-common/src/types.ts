/**
 * The coverage plugin's data, as the backend serves it and the frontend shows it.
 * docs/coverage.md defines every measure in words.
 */

/** The five measures. */
export type MeasureId =
  | 'coverage'
  | 'ownership'
  | 'documentation'
  | 'operability'
  | 'hygiene';

export const MEASURE_IDS: MeasureId[] = [
  'coverage',
  'ownership',
  'documentation',
  'operability',
  'hygiene',
];

/**
 * One measure for one scope: numerator of denominator. `ratio` is
 * numerator / denominator (0..1), or null when the denominator is 0.
 */
export interface MeasureValue {
  numerator: number;
  denominator: number;
  ratio: number | null;
}

export type Measures = Record<MeasureId, MeasureValue>;

/** What one source of production services said in a snapshot. */
export interface SourceStatus {
  /** The source's id, e.g. `github`, `argocd`, `pagerduty`, `inventory`. */
  id: string;
  title: string;
  ok: boolean;
  /** How many production services it reported (0 when it failed). */
  count: number;
  /** Why it failed, in words (set when ok is false). */
  error?: string;
  /**
   * When the source failed: the time of its last good list, which the
   * snapshot used instead (its services are then neither lost nor new).
   */
  lastGoodAt?: string;
}

/** The individual checks behind the entity-level measures. */
export type CheckId =
  | 'owner-resolves'
  | 'owner-has-members'
  | 'techdocs-annotation'
  | 'techdocs-builds'
  | 'pagerduty'
  | 'argocd'
  | 'runbook'
  | 'lifecycle'
  | 'system'
  | 'relations-resolve'
  | 'no-processing-error';

export interface CheckResult {
  id: CheckId;
  /** The measure the check belongs to. */
  measure: Exclude<MeasureId, 'coverage'>;
  ok: boolean;
  /** What was found, in words ("owner group:default/payments has no members"). */
  detail: string;
  /** How to fix it, in words. */
  fix: string;
  /** A link that says how to fix it (docs page, the file to edit). */
  fixUrl?: string;
}

/** One catalog entity's completeness: the entity page card, a team's view. */
export interface EntityCompleteness {
  entityRef: string;
  title?: string;
  kind: string;
  type?: string;
  owner?: string;
  system?: string;
  /** Whether the entity was matched to a production service. */
  production: boolean;
  /** Pass/fail for each entity-level measure. */
  measures: Record<Exclude<MeasureId, 'coverage'>, boolean>;
  checks: CheckResult[];
  /** Where to edit the entity's file (`backstage.io/edit-url`), when known. */
  editUrl?: string;
}

/** A scope of the report: the organisation, a team (Group) or a System. */
export interface ScopeReport {
  ref: string;
  kind: 'organisation' | 'group' | 'system';
  title: string;
  /** For groups: the parent group's ref (the roll-up goes up this chain). */
  parentRef?: string;
  measures: Measures;
  /**
   * How far the scope is from complete: production services missing from the
   * catalog plus failed entity-level checks of its production entities.
   * Teams are ranked by this, largest first.
   */
  gap: number;
}

/** A production service, as the sources reported it and the catalog matched it. */
export interface ProductionService {
  /** De-duplicated identity, e.g. `repo:acme-pay/payments-api`. */
  key: string;
  name: string;
  /** `owner/repo`, lower case, when known. */
  repoSlug?: string;
  /** Ids of the sources that reported it. */
  sources: string[];
  /** The matching catalog entity, when there is one. */
  entityRef?: string;
  matchedBy?: 'repo-slug' | 'annotation';
  url?: string;
}

/** A guessed owner of a repository that is not in the catalog yet. */
export interface OwnerGuess {
  /** Entity ref of the Group or User guessed. */
  ref: string;
  basis: 'codeowners' | 'top-committers';
  /** In words, e.g. "CODEOWNERS names @acme-pay/payments for *". */
  detail: string;
}

/** A production repository that has no catalog entity. */
export interface MissingRepository {
  repoSlug: string;
  name: string;
  url?: string;
  sources: string[];
  /** Always marked as a guess in the UI and in the generated file. */
  ownerGuess?: OwnerGuess;
  /** An open pull request that adds catalog-info.yaml, if one was made. */
  pullRequestUrl?: string;
}

/** A snapshot's report: GET /report. */
export interface CoverageReport {
  /** The day (UTC, YYYY-MM-DD) of the snapshot and when it was taken. */
  day: string;
  takenAt: string;
  /** The trust threshold (0..1), `coverage.threshold` in config, 0.8 by default. */
  threshold: number;
  organisation: ScopeReport;
  /** Teams ranked by gap, largest first. */
  teams: ScopeReport[];
  systems: ScopeReport[];
  sources: SourceStatus[];
  /** Ids of configured sources that failed: the figures leave them out. */
  missingSources: string[];
}

export interface TrendPoint {
  day: string;
  /** The organisation's ratio per measure that day (null: no denominator). */
  ratios: Record<MeasureId, number | null>;
  missingSources: string[];
}

/** GET /trend?days=90 (and ?scope=<group or system ref>). */
export interface CoverageTrend {
  scope: string;
  days: number;
  points: TrendPoint[];
  /**
   * Change of each ratio between the latest snapshot and the one 7 days
   * before it (null when either is missing), in ratio points (0.05 = 5 %).
   */
  changeSinceLastWeek: Record<MeasureId, number | null>;
}

/** GET /missing */
export interface MissingRepositories {
  items: MissingRepository[];
}

/** GET /teams/:namespace/:name: a Group's own view. */
export interface TeamView {
  /** Null when there is no snapshot yet. */
  team: ScopeReport | null;
  entities: EntityCompleteness[];
  missing: MissingRepository[];
}

/** POST /missing/:owner/:repo/pull-request */
export interface PullRequestResult {
  repoSlug: string;
  /** `githost` on the embedded default, `github` in production. */
  host: string;
  url: string;
  branch: string;
  /** The generated catalog-info.yaml that the change adds. */
  catalogInfoYaml: string;
}

/** POST /snapshots */
export interface SnapshotResult {
  day: string;
  takenAt: string;
  /** False when another replica took today's snapshot already (same result). */
  created: boolean;
}
