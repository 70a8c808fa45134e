import {
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { SnapshotService } from './service/SnapshotService';

/** The snapshot job's id in the scheduler. */
export const SNAPSHOT_TASK_ID = 'coverage-snapshot';

/**
 * Schedules the daily snapshot. Global: however many replicas run the
 * plugin, one of them takes each due snapshot (the scheduler's lock lives in
 * the plugin's database).
 */
export async function scheduleSnapshots(
  scheduler: SchedulerService,
  snapshots: SnapshotService,
  schedule: SchedulerServiceTaskScheduleDefinition,
) {
  await scheduler.scheduleTask({
    id: SNAPSHOT_TASK_ID,
    scope: 'global',
    ...schedule,
    fn: async () => {
      await snapshots.take();
    },
  });
}
