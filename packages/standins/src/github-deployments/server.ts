import http from 'node:http';
import { closeLoopback, listenOnLoopback } from '../loopback';
import express from 'express';
import { GithubDeploymentsWorld } from './world';
import { createGithubDeploymentsRouter } from './router';

/** The deployments part of GitHub's REST API, on its own on loopback. */
export class GithubDeploymentsStandin {
  readonly world: GithubDeploymentsWorld;
  readonly tokens: Set<string>;
  /** e.g. `http://127.0.0.1:40123`, for an integration's `apiBaseUrl`. */
  url = '';
  private server?: http.Server;

  private constructor(options: {
    world?: GithubDeploymentsWorld;
    tokens?: string[];
  }) {
    this.world = options.world ?? new GithubDeploymentsWorld();
    this.tokens = new Set(options.tokens ?? ['standin-token']);
  }

  static async start(
    options: {
      world?: GithubDeploymentsWorld;
      tokens?: string[];
      port?: number;
    } = {},
  ) {
    const standin = new GithubDeploymentsStandin(options);
    const app = express().use(
      createGithubDeploymentsRouter(standin.world, {
        tokens: standin.tokens,
        baseUrl: () => standin.url,
      }),
    );
    ({ server: standin.server, url: standin.url } = await listenOnLoopback(
      app,
      options.port,
    ));
    return standin;
  }

  get token() {
    return [...this.tokens][0];
  }

  /** The `integrations.github` entry that points the portal here. */
  integrationConfig() {
    return { host: 'github.com', apiBaseUrl: this.url, token: this.token };
  }

  async stop() {
    await closeLoopback(this.server);
    this.server = undefined;
  }
}
