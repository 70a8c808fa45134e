import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** The plugin's settings, read once at start-up (see config.d.ts). */
export interface SpaceMetricsSettings {
  threshold: number;
  survey: { enabled: boolean; postponeDays: number; maxCommentLength: number };
  usage: { retentionMs: number; maxBatchSize: number };
  demoData: boolean;
}

const DAY_MS = 86_400_000;

/** Reads and checks the settings; a bad value stops start-up naming the key. */
export function readSettings(config: Config): SpaceMetricsSettings {
  const c = config.getOptionalConfig('spaceMetrics');
  const threshold = c?.getOptionalNumber('anonymityThreshold') ?? 5;
  if (!Number.isInteger(threshold) || threshold < 3) {
    throw new Error(
      `spaceMetrics.anonymityThreshold must be a whole number of at least 3 (figures of smaller groups identify people), got ${threshold}`,
    );
  }
  // { days: 90 }, 'P90D' or '90 days' (readDurationFromConfig reads all three).
  const retentionMs = c?.has('usage.retention')
    ? durationToMilliseconds(
        readDurationFromConfig(c, { key: 'usage.retention' }),
      )
    : 90 * DAY_MS;
  if (retentionMs < 35 * DAY_MS) {
    throw new Error(
      'spaceMetrics.usage.retention must be at least 35 days, so that a month of events is counted before it is deleted',
    );
  }
  const positive = (key: string, fallback: number) => {
    const v = c?.getOptionalNumber(key) ?? fallback;
    if (!Number.isInteger(v) || v < 1) {
      throw new Error(
        `spaceMetrics.${key} must be a positive whole number, got ${v}`,
      );
    }
    return v;
  };
  return {
    threshold,
    survey: {
      enabled: c?.getOptionalBoolean('survey.enabled') ?? true,
      postponeDays: positive('survey.postponeDays', 3),
      maxCommentLength: positive('survey.maxCommentLength', 2000),
    },
    usage: { retentionMs, maxBatchSize: positive('usage.maxBatchSize', 200) },
    demoData: c?.getOptionalBoolean('demoData.enabled') ?? false,
  };
}
