export interface Config {
  /** The portal's local git host (plugins/githost-backend). */
  githost?: {
    /**
     * The folder that holds the repositories, one bare git repository per
     * `<owner>/<name>.git`. Relative paths are taken from the backend's working
     * folder. Default: `./data/githost` (app-config.yaml sets `../../data/githost`,
     * beside the SQLite files and TechDocs, since the backend runs in
     * packages/backend).
     */
    directory?: string;
  };
}
