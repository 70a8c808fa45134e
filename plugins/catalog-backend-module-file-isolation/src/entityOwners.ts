import { Knex } from 'knex';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { EntityOwnerLookup } from './isolatingParser';

/**
 * Reads, from the catalog's own table, which location holds each entity. One
 * query per file read, by primary key: the refs as the catalog writes them
 * (lower case) and as providers may (the kind as written).
 */
export function createEntityOwnerLookup(knex: Knex): EntityOwnerLookup {
  return async (entities: Entity[]) => {
    const refs = new Set<string>();
    for (const e of entities) {
      const ref = stringifyEntityRef(e);
      refs.add(ref);
      const namespace = e.metadata.namespace ?? 'default';
      refs.add(`${e.kind}:${namespace}/${e.metadata.name}`);
    }
    const owners = new Map<string, string>();
    const all = [...refs];
    for (let i = 0; i < all.length; i += 500) {
      const rows: { entity_ref: string; location_key: string | null }[] =
        await knex('refresh_state')
          .select('entity_ref', 'location_key')
          .whereIn('entity_ref', all.slice(i, i + 500));
      for (const row of rows) {
        if (row.location_key) {
          owners.set(
            row.entity_ref.toLocaleLowerCase('en-US'),
            row.location_key,
          );
        }
      }
    }
    return owners;
  };
}
