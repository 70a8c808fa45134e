import {
  AuthService,
  DiscoveryService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import { AdoptionStore, TaskRow } from '../database/AdoptionStore';

interface SerializedTask {
  id: string;
  spec: { templateInfo?: { entityRef?: string } };
  status: string;
  createdAt: string;
  createdBy?: string;
}

interface TaskEvent {
  type: string;
  createdAt: string;
}

const FINISHED = new Set(['completed', 'failed', 'cancelled']);
const PAGE = 100;

/**
 * Reads Scaffolder runs through the Scaffolder's own API (`GET /v2/tasks`,
 * newest first, and `GET /v2/tasks/{id}/events` for when a run finished) with
 * the plugin's service token: the supported way in, rather than reading the
 * Scaffolder's tables. Only new runs, and runs not yet seen finished, cost a
 * request.
 */
export class ScaffolderCollector {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly auth: AuthService,
    private readonly store: AdoptionStore,
    private readonly logger: LoggerService,
  ) {}

  async run(): Promise<void> {
    const known = await this.store.knownTaskIds();
    const unfinished = await this.store.unfinishedTaskIds();
    const base = await this.discovery.getBaseUrl('scaffolder');
    const rows: TaskRow[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.get<{ tasks: SerializedTask[] }>(
        `${base}/v2/tasks?limit=${PAGE}&offset=${offset}&order=desc:created_at`,
      );
      let needed = false;
      for (const task of page.tasks) {
        if (known.has(task.id) && !unfinished.has(task.id)) continue;
        needed = true;
        rows.push(await this.toRow(base, task));
      }
      // Older pages hold only runs already recorded as finished.
      if (page.tasks.length < PAGE || !needed) break;
    }
    await this.store.putTasks(rows);
    if (rows.length > 0)
      this.logger.info(`Recorded ${rows.length} Scaffolder runs`);
  }

  private async toRow(base: string, task: SerializedTask): Promise<TaskRow> {
    let finishedAt: Date | undefined;
    if (FINISHED.has(task.status)) {
      const events = await this.get<TaskEvent[]>(
        `${base}/v2/tasks/${encodeURIComponent(task.id)}/events`,
      );
      const end = events
        .filter(e => e.type === 'completion' || e.type === 'cancelled')
        .pop();
      finishedAt = end ? new Date(end.createdAt) : undefined;
    }
    return {
      taskId: task.id,
      templateRef:
        task.spec.templateInfo?.entityRef ?? 'template:default/unknown',
      status: task.status,
      createdBy: task.createdBy || undefined,
      createdAt: new Date(task.createdAt),
      finishedAt,
      source: 'live',
    };
  }

  private async get<T>(url: string): Promise<T> {
    const { token } = await this.auth.getPluginRequestToken({
      onBehalfOf: await this.auth.getOwnServiceCredentials(),
      targetPluginId: 'scaffolder',
    });
    const res = await fetch(url, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!res.ok) throw await ResponseError.fromResponse(res);
    return (await res.json()) as T;
  }
}
