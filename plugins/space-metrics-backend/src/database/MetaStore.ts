import { Knex } from 'knex';

/** Small facts the plugin remembers between runs. */
export class MetaStore {
  constructor(private readonly db: Knex) {}

  async get(key: string): Promise<string | undefined> {
    const row = await this.db('space_meta').where({ key }).first();
    return row?.value;
  }

  async set(key: string, value: string): Promise<void> {
    await this.db('space_meta')
      .insert({ key, value })
      .onConflict('key')
      .merge(['value']);
  }
}
