import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import authPlugin from '@backstage/plugin-auth-backend';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { GithubStandin, GithubWorld } from '@internal/standins';
import { authModuleGithubSignIn } from './module';

const user = (name: string, annotations: Record<string, string>) => `---
apiVersion: backstage.io/v1alpha1
kind: User
metadata:
  name: ${name}
  annotations: ${JSON.stringify(annotations)}
spec:
  memberOf: [team-a]
`;

describe('signing in with GitHub', () => {
  let standin: GithubStandin;
  let backend: Awaited<ReturnType<typeof startTestBackend>>;
  let dir: string;

  beforeAll(async () => {
    const world = new GithubWorld();
    world.addOrg('acme');
    const ada = world.addMember('acme', { login: 'ada', name: 'Ada' });
    world.addMember('acme', { login: 'grace' });
    world.addMember('acme', { login: 'mallory' });
    world.addUser({ login: 'linus' });
    standin = await GithubStandin.start({
      world,
      oauthApps: [{ clientId: 'portal', clientSecret: 'shh' }],
    });
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sign-in-'));
    const nodeId = (id: number) =>
      Buffer.from(`04:User${id}`).toString('base64');
    await fs.writeFile(
      path.join(dir, 'users.yaml'),
      [
        // Written by the GitHub organisation provider: login and id.
        user('ada', {
          'github.com/user-login': 'ada',
          'github.com/user-id': nodeId(ada.id),
        }),
        // Written by hand: a login, no id.
        user('grace-hopper', { 'github.com/user-login': 'grace' }),
        // A login now used by another account than the one recorded.
        user('mallory', {
          'github.com/user-login': 'mallory',
          'github.com/user-id': 'MDQ6VXNlcjE=',
        }),
      ].join(''),
    );
    backend = await startTestBackend({
      features: [
        authPlugin,
        authModuleGithubSignIn,
        catalogPlugin,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            auth: {
              environment: 'production',
              providers: {
                github: {
                  production: {
                    clientId: 'portal',
                    clientSecret: 'shh',
                    enterpriseInstanceUrl: standin.url,
                  },
                },
              },
            },
            catalog: {
              locations: [
                { type: 'file', target: path.join(dir, 'users.yaml') },
              ],
              rules: [{ allow: ['User', 'Group'] }],
            },
          },
        }),
      ],
    });
    // The catalog reads the file asynchronously.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const res = await request(backend.server)
        .get('/api/catalog/entities/by-query')
        .query({ filter: 'kind=user' });
      if (res.body.items?.length === 3) break;
      if (Date.now() > deadline) throw new Error('users not ingested');
      await new Promise(r => setTimeout(r, 200));
    }
  });

  afterAll(async () => {
    await backend.stop();
    await standin.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  /**
   * The browser's part of GitHub's OAuth flow, as the sign-in popup does it:
   * start at the portal, sign in at GitHub (the stand-in), come back with the
   * code, and read what the portal posts to the window that opened the popup.
   */
  async function signInAs(login: string) {
    standin.signedInAs = login;
    const agent = request.agent(backend.server);
    const start = await agent
      .get('/api/auth/github/start')
      .query({ env: 'production', scope: 'read:user' });
    expect(start.status).toBe(302);
    const authorize = await fetch(start.headers.location, {
      redirect: 'manual',
    });
    const callback = new URL(authorize.headers.get('location')!);
    const frame = await agent.get(`${callback.pathname}${callback.search}`);
    const match = frame.text.match(/decodeURIComponent\('([^']+)'\)/);
    return JSON.parse(decodeURIComponent(match![1]));
  }

  it('signs an account in as the User recorded with its GitHub id', async () => {
    const message = await signInAs('ada');
    expect(message.type).toBe('authorization_response');
    expect(message.response.backstageIdentity.identity).toEqual(
      expect.objectContaining({ userEntityRef: 'user:default/ada' }),
    );
  });

  it('signs in a User written by hand with only the GitHub login', async () => {
    const message = await signInAs('grace');
    expect(message.response.backstageIdentity.identity.userEntityRef).toBe(
      'user:default/grace-hopper',
    );
  });

  it('refuses someone who is not in the catalog, saying what to do', async () => {
    const message = await signInAs('linus');
    expect(message.error.message).toMatch(
      /You signed in to GitHub as linus, but the portal's catalog has no person with that GitHub login.*ask an organisation owner/,
    );
    expect(message.response).toBeUndefined();
  });

  it('refuses a login that now belongs to another GitHub account', async () => {
    const message = await signInAs('mallory');
    expect(message.error.message).toMatch(
      /belongs to a different GitHub account/,
    );
  });
});
