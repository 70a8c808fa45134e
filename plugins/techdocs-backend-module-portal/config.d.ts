import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  techdocs?: {
    /**
     * Builds every entity's docs ahead of time, so they open at once and are
     * searchable before anyone has viewed them. Runs only with
     * `techdocs.builder: local`; with an external builder, CI publishes docs.
     */
    prebuild?: {
      /** Default: true. */
      enabled?: boolean;
      /**
       * When to run a pass. Default: every 30 minutes, first 10 seconds after
       * start, at most 30 minutes per pass. A pass over unchanged docs makes one
       * request per entity and builds nothing.
       */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /**
       * When to build the docs of entities that have never been built (new
       * services, and entities the catalog loaded after the first pass). A
       * pass asks only the TechDocs backend, not the repositories. Default:
       * every minute, first 20 seconds after start, at most 30 minutes.
       */
      newDocsSchedule?: SchedulerServiceTaskScheduleDefinitionConfig;
    };
  };
}
