import { GithubWorld } from './model';
import { GithubStandin } from './server';

describe('the GitHub stand-in: branches, files on a branch and pull requests', () => {
  let standin: GithubStandin;
  let headSha: string;

  beforeAll(async () => {
    const world = new GithubWorld();
    headSha = world
      .addRepo('acme', {
        name: 'payments',
        files: { 'README.md': '# payments\n' },
      })
      .branches.get('main')!.sha;
    standin = await GithubStandin.start({ world });
  });
  afterAll(() => standin.stop());

  const call = (method: string, path: string, body?: object, token = true) =>
    fetch(`${standin.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `token ${standin.token}` } : {}),
        'content-type': 'application/json',
      },
      body: body ? JSON.stringify(body) : undefined,
    });

  it('creates a branch, writes a file on it and opens a pull request that the API then lists', async () => {
    const ref = await call('POST', '/repos/acme/payments/git/refs', {
      ref: 'refs/heads/add-catalog-info',
      sha: headSha,
    });
    expect(ref.status).toBe(201);
    expect((await ref.json()).object.sha).toBe(headSha);

    const again = await call('POST', '/repos/acme/payments/git/refs', {
      ref: 'refs/heads/add-catalog-info',
      sha: headSha,
    });
    expect(again.status).toBe(422);
    expect((await again.json()).message).toBe('Reference already exists');

    const put = await call(
      'PUT',
      '/repos/acme/payments/contents/catalog-info.yaml',
      {
        message: 'Add catalog-info.yaml',
        content: Buffer.from('kind: Component\n').toString('base64'),
        branch: 'add-catalog-info',
      },
    );
    expect(put.status).toBe(201);
    expect((await put.json()).content.path).toBe('catalog-info.yaml');

    // The file is on the branch, not on the default branch.
    const onBranch = await call(
      'GET',
      '/repos/acme/payments/contents/catalog-info.yaml?ref=add-catalog-info',
    );
    expect(
      Buffer.from((await onBranch.json()).content, 'base64').toString(),
    ).toBe('kind: Component\n');
    expect(
      (await call('GET', '/repos/acme/payments/contents/catalog-info.yaml'))
        .status,
    ).toBe(404);

    const pr = await call('POST', '/repos/acme/payments/pulls', {
      title: 'Add catalog-info.yaml',
      head: 'add-catalog-info',
      base: 'main',
      body: 'Generated',
    });
    expect(pr.status).toBe(201);
    const created = await pr.json();
    expect(created).toMatchObject({
      number: 1,
      state: 'open',
      html_url: 'https://github.com/acme/payments/pull/1',
      head: { ref: 'add-catalog-info' },
      base: { ref: 'main' },
    });

    const dup = await call('POST', '/repos/acme/payments/pulls', {
      title: 'Add catalog-info.yaml',
      head: 'add-catalog-info',
      base: 'main',
    });
    expect(dup.status).toBe(422);
    expect((await dup.json()).errors[0].message).toBe(
      'A pull request already exists for acme:add-catalog-info.',
    );

    const listed = await (
      await call(
        'GET',
        '/repos/acme/payments/pulls?state=open&head=acme:add-catalog-info',
      )
    ).json();
    expect(listed.map((p: any) => p.number)).toEqual([1]);
    const other = await (
      await call('GET', '/repos/acme/payments/pulls?head=acme:other')
    ).json();
    expect(other).toEqual([]);
    expect(
      (await (await call('GET', '/repos/acme/payments/pulls/1')).json()).title,
    ).toBe('Add catalog-info.yaml');
  });

  it('refuses to replace a file without its sha, and writes without a token', async () => {
    const replace = await call(
      'PUT',
      '/repos/acme/payments/contents/README.md',
      {
        message: 'Replace',
        content: Buffer.from('x').toString('base64'),
      },
    );
    expect(replace.status).toBe(422);
    const anonymous = await call(
      'POST',
      '/repos/acme/payments/pulls',
      { title: 't', head: 'add-catalog-info', base: 'main' },
      false,
    );
    expect(anonymous.status).toBe(401);
  });

  it('refuses a pull request with no commits between base and head', async () => {
    await call('POST', '/repos/acme/payments/git/refs', {
      ref: 'refs/heads/empty',
      sha: headSha,
    });
    const res = await call('POST', '/repos/acme/payments/pulls', {
      title: 'Nothing',
      head: 'empty',
      base: 'main',
    });
    expect(res.status).toBe(422);
    expect((await res.json()).errors[0].message).toBe(
      'No commits between main and empty',
    );
  });
});
