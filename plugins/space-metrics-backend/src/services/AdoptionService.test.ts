import { compareVersions, templateRuns } from './AdoptionService';
import { TaskRow } from '../database/AdoptionStore';

const task = (
  templateRef: string,
  status: string,
  seconds?: number,
): TaskRow => ({
  taskId: Math.random().toString(36),
  templateRef,
  status,
  createdAt: new Date('2026-10-01T10:00:00Z'),
  finishedAt:
    seconds === undefined
      ? undefined
      : new Date(Date.parse('2026-10-01T10:00:00Z') + seconds * 1000),
  source: 'live',
});

describe('compareVersions', () => {
  it('compares dotted versions as numbers', () => {
    expect(compareVersions('1.9.2', '1.10.0')).toBeLessThan(0);
    expect(compareVersions('1.0.0', '1.0.0')).toBe(0);
    expect(compareVersions('2.0', '1.9.9')).toBeGreaterThan(0);
    expect(compareVersions('v1.2.0', '1.2')).toBe(0);
    expect(compareVersions('0.9.0', '1.0.0')).toBeLessThan(0);
  });
});

describe('templateRuns', () => {
  it('counts runs, success rate over finished runs, and the median duration', () => {
    const [go] = templateRuns([
      task('template:default/go-service', 'completed', 60),
      task('template:default/go-service', 'completed', 120),
      task('template:default/go-service', 'failed', 10),
      task('template:default/go-service', 'completed', 90),
      task('template:default/go-service', 'processing'),
    ]);
    expect(go).toEqual({
      templateRef: 'template:default/go-service',
      runs: 5,
      succeeded: 3,
      failed: 1,
      successRate: 0.75,
      // 10, 60, 90, 120 -> (60 + 90) / 2.
      medianDurationSeconds: 75,
    });
  });

  it('has no rate or duration before any run finished', () => {
    const [py] = templateRuns([task('template:default/python-worker', 'open')]);
    expect(py.successRate).toBeNull();
    expect(py.medianDurationSeconds).toBeNull();
  });
});
