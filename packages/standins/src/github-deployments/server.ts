import http from 'node:http';
import { AddressInfo } from 'node:net';
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
    standin.server = http.createServer(app);
    await new Promise<void>(resolve =>
      standin.server!.listen(options.port ?? 0, '127.0.0.1', resolve),
    );
    standin.url = `http://127.0.0.1:${
      (standin.server.address() as AddressInfo).port
    }`;
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
    await new Promise<void>(resolve =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
