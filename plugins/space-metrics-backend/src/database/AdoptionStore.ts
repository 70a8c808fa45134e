import { Knex } from 'knex';
import { DataSource } from '@internal/plugin-space-metrics-common';
import { chunk, toDate } from './util';

/** A component as first seen in the catalog. */
export interface ComponentSeenRow {
  entityRef: string;
  firstSeenAt: Date;
  baseline: boolean;
  ownerRef?: string;
  templateRef?: string;
  templateVersion?: string;
  source: DataSource;
}

/** A Scaffolder template and its current version. */
export interface TemplateRow {
  templateRef: string;
  title?: string;
  currentVersion?: string;
  source: DataSource;
}

/** A Scaffolder run. */
export interface TaskRow {
  taskId: string;
  templateRef: string;
  status: string;
  createdBy?: string;
  createdAt: Date;
  finishedAt?: Date;
  source: DataSource;
}

/** Components, templates and Scaffolder runs. */
export interface AdoptionStore {
  knownComponents(): Promise<Map<string, ComponentSeenRow>>;
  putComponents(rows: ComponentSeenRow[]): Promise<void>;
  componentsFirstSeen(from: Date, to: Date): Promise<ComponentSeenRow[]>;
  componentsWithTemplate(): Promise<ComponentSeenRow[]>;
  putTemplates(rows: TemplateRow[]): Promise<void>;
  listTemplates(): Promise<TemplateRow[]>;
  putTasks(rows: TaskRow[]): Promise<void>;
  /** Tasks this store has not seen finish yet. */
  unfinishedTaskIds(): Promise<Set<string>>;
  knownTaskIds(): Promise<Set<string>>;
  tasksCreated(from: Date, to: Date): Promise<TaskRow[]>;
}

export class DatabaseAdoptionStore implements AdoptionStore {
  constructor(private readonly db: Knex) {}

  async knownComponents() {
    const rows = await this.db('components_seen');
    return new Map(
      rows.map(r => [r.entity_ref as string, componentFromRow(r)]),
    );
  }

  async putComponents(rows: ComponentSeenRow[]) {
    for (const part of chunk(rows, 200)) {
      await this.db('components_seen')
        .insert(
          part.map(r => ({
            entity_ref: r.entityRef,
            first_seen_at: r.firstSeenAt,
            baseline: r.baseline,
            owner_ref: r.ownerRef ?? null,
            template_ref: r.templateRef ?? null,
            template_version: r.templateVersion ?? null,
            source: r.source,
          })),
        )
        .onConflict('entity_ref')
        // First-seen facts never change; ownership and template version do.
        .merge(['owner_ref', 'template_ref', 'template_version']);
    }
  }

  async componentsFirstSeen(from: Date, to: Date) {
    const rows = await this.db('components_seen')
      .where('first_seen_at', '>=', from)
      .andWhere('first_seen_at', '<', to)
      .andWhere('baseline', false);
    return rows.map(componentFromRow);
  }

  async componentsWithTemplate() {
    const rows = await this.db('components_seen').whereNotNull('template_ref');
    return rows.map(componentFromRow);
  }

  async putTemplates(rows: TemplateRow[]) {
    for (const part of chunk(rows, 200)) {
      await this.db('templates')
        .insert(
          part.map(r => ({
            template_ref: r.templateRef,
            title: r.title ?? null,
            current_version: r.currentVersion ?? null,
            source: r.source,
          })),
        )
        .onConflict('template_ref')
        .merge(['title', 'current_version', 'source']);
    }
  }

  async listTemplates() {
    const rows = await this.db('templates').orderBy('template_ref');
    return rows.map(r => ({
      templateRef: r.template_ref,
      title: r.title ?? undefined,
      currentVersion: r.current_version ?? undefined,
      source: r.source,
    }));
  }

  async putTasks(rows: TaskRow[]) {
    for (const part of chunk(rows, 200)) {
      await this.db('scaffolder_tasks')
        .insert(
          part.map(r => ({
            task_id: r.taskId,
            template_ref: r.templateRef,
            status: r.status,
            created_by: r.createdBy ?? null,
            created_at: r.createdAt,
            finished_at: r.finishedAt ?? null,
            source: r.source,
          })),
        )
        .onConflict('task_id')
        .merge(['status', 'finished_at']);
    }
  }

  async unfinishedTaskIds() {
    const rows = await this.db('scaffolder_tasks')
      .whereNull('finished_at')
      .whereNotIn('status', ['cancelled'])
      .select('task_id');
    return new Set(rows.map(r => r.task_id as string));
  }

  async knownTaskIds() {
    const rows = await this.db('scaffolder_tasks').select('task_id');
    return new Set(rows.map(r => r.task_id as string));
  }

  async tasksCreated(from: Date, to: Date) {
    const rows = await this.db('scaffolder_tasks')
      .where('created_at', '>=', from)
      .andWhere('created_at', '<', to);
    return rows.map(r => ({
      taskId: r.task_id,
      templateRef: r.template_ref,
      status: r.status,
      createdBy: r.created_by ?? undefined,
      createdAt: toDate(r.created_at),
      finishedAt: r.finished_at ? toDate(r.finished_at) : undefined,
      source: r.source,
    }));
  }
}

function componentFromRow(r: any): ComponentSeenRow {
  return {
    entityRef: r.entity_ref,
    firstSeenAt: toDate(r.first_seen_at),
    baseline: Boolean(r.baseline),
    ownerRef: r.owner_ref ?? undefined,
    templateRef: r.template_ref ?? undefined,
    templateVersion: r.template_version ?? undefined,
    source: r.source,
  };
}
