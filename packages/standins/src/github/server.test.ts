import { GithubStandin } from './server';
import { GithubWorld } from './model';
import { signWebhook } from './webhooks';

describe('the GitHub stand-in', () => {
  let standin: GithubStandin;
  const auth = { authorization: 'token standin-token' };

  beforeAll(async () => {
    const world = new GithubWorld();
    for (let i = 1; i <= 5; i++) {
      world.addRepo('acme', {
        name: `svc-${i}`,
        files: { 'catalog-info.yaml': `name: svc-${i}\n` },
      });
    }
    world.addRepo('acme', { name: 'old', archived: true, files: {} });
    world.addMember('acme', { login: 'ada', name: 'Ada' });
    world.addTeam('acme', { slug: 'core', name: 'Core', members: ['ada'] });
    standin = await GithubStandin.start({
      world,
      oauthApps: [{ clientId: 'app', clientSecret: 'secret' }],
    });
  });
  afterAll(() => standin.stop());
  afterEach(() => standin.traffic.clearFaults());

  const graphql = (query: string, variables: object) =>
    fetch(`${standin.url}/graphql`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });

  const reposQuery = `query($org: String!, $cursor: String, $first: Int) {
    repositoryOwner(login: $org) {
      repositories(first: $first, after: $cursor) {
        nodes { name isArchived defaultBranchRef { name }
          catalogInfoFile: object(expression: "HEAD:catalog-info.yaml") {
            __typename ... on Blob { text } } }
        pageInfo { hasNextPage endCursor } } } }`;

  it('pages repositories through GraphQL with cursors, as GitHub does', async () => {
    const names: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const res = await graphql(reposQuery, { org: 'acme', cursor, first: 2 });
      const body = await res.json();
      const conn = body.data.repositoryOwner.repositories;
      names.push(...conn.nodes.map((n: any) => n.name));
      if (!conn.pageInfo.hasNextPage) break;
      cursor = conn.pageInfo.endCursor;
    }
    expect(names).toEqual(['svc-1', 'svc-2', 'svc-3', 'svc-4', 'svc-5', 'old']);
  });

  it('refuses more than 100 per page and fields GitHub does not have', async () => {
    const tooMany = await (
      await graphql(reposQuery, { org: 'acme', first: 101 })
    ).json();
    expect(tooMany.errors[0].message).toMatch(
      /exceeds the `first` limit of 100/,
    );
    const unknown = await (
      await graphql('query { organization(login: "acme") { nope } }', {})
    ).json();
    expect(unknown.errors[0].message).toMatch(/Cannot query field "nope"/);
  });

  it('answers a conditional read with 304 and does not charge it', async () => {
    const url = `${standin.apiBaseUrl}/repos/acme/svc-1/contents/catalog-info.yaml?ref=main`;
    const headers = { ...auth, accept: 'application/vnd.github.v3.raw' };
    const first = await fetch(url, { headers });
    expect(await first.text()).toBe('name: svc-1\n');
    const etag = first.headers.get('etag')!;
    const charged = standin.traffic.stats().charged;
    const second = await fetch(url, {
      headers: { ...headers, 'if-none-match': etag },
    });
    expect(second.status).toBe(304);
    expect(standin.traffic.stats().charged).toBe(charged);
  });

  it('rate-limits REST with 403 and GraphQL with RATE_LIMITED until the reset', async () => {
    standin.traffic.inject({ kind: 'primary-rate-limit', seconds: 1 });
    const rest = await fetch(`${standin.apiBaseUrl}/repos/acme/svc-1`, {
      headers: auth,
    });
    expect(rest.status).toBe(403);
    expect(rest.headers.get('x-ratelimit-remaining')).toBe('0');
    const gql = await (
      await graphql(reposQuery, { org: 'acme', first: 1 })
    ).json();
    expect(gql.errors[0].type).toBe('RATE_LIMITED');
    await new Promise(r => setTimeout(r, 1100));
    const after = await fetch(`${standin.apiBaseUrl}/repos/acme/svc-1`, {
      headers: auth,
    });
    expect(after.status).toBe(200);
  });

  it('answers 429 with retry-after for a secondary rate limit, after some requests pass', async () => {
    standin.traffic.inject({
      kind: 'secondary-rate-limit',
      after: 1,
      times: 1,
      seconds: 7,
    });
    const url = `${standin.apiBaseUrl}/repos/acme/svc-2`;
    expect((await fetch(url, { headers: auth })).status).toBe(200);
    const limited = await fetch(url, { headers: auth });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect((await fetch(url, { headers: auth })).status).toBe(200);
  });

  it('refuses an unknown token', async () => {
    const res = await fetch(`${standin.apiBaseUrl}/repos/acme/svc-1`, {
      headers: { authorization: 'token wrong' },
    });
    expect(res.status).toBe(401);
  });

  it('signs a person in through the OAuth web flow', async () => {
    standin.signedInAs = 'ada';
    const authorize = await fetch(
      `${
        standin.url
      }/login/oauth/authorize?client_id=app&redirect_uri=${encodeURIComponent(
        'http://portal.test/cb',
      )}&state=s1`,
      { redirect: 'manual' },
    );
    const back = new URL(authorize.headers.get('location')!);
    expect(back.searchParams.get('state')).toBe('s1');
    const token = await (
      await fetch(`${standin.url}/login/oauth/access_token`, {
        method: 'POST',
        headers: { accept: 'application/json' },
        body: new URLSearchParams({
          client_id: 'app',
          client_secret: 'secret',
          code: back.searchParams.get('code')!,
        }),
      })
    ).json();
    const user =
      await // GitHub Enterprise's layout, which the OAuth sign-in reads the profile from.
      (
        await fetch(`${standin.url}/api/v3/user`, {
          headers: { authorization: `Bearer ${token.access_token}` },
        })
      ).json();
    expect(user.login).toBe('ada');
  });

  it('signs webhook deliveries the way GitHub does', () => {
    expect(signWebhook("It's a Secret to Everybody", 'Hello, World!')).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
  });
});
