import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { GithubWorld } from './model';
import { GithubStandin } from './server';

const exec = promisify(execFile);

/**
 * The stand-in makes and unmakes repositories as publish:github needs: create
 * in an organisation, `git push` and `git clone` over smart HTTP with the
 * machine's git, settings, and delete; with tokens denied push or delete.
 */
describe('the GitHub stand-in, making repositories', () => {
  let standin: GithubStandin;
  let work: string;
  const token = 'standin-token';
  const auth = { authorization: `token ${token}` };

  beforeAll(async () => {
    const world = new GithubWorld();
    world.addRepo('acme', { name: 'kept', files: { 'README.md': 'mine' } });
    world.addTeam('acme', { slug: 'core', name: 'Core', members: [] });
    standin = await GithubStandin.start({ world });
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'standin-push-'));
  });
  afterAll(async () => {
    await standin.stop();
    await fs.rm(work, { recursive: true, force: true });
  });
  afterEach(() => standin.limits.clear());

  const api = async (method: string, url: string, body?: object) => {
    const res = await fetch(`${standin.url}${url}`, {
      method,
      headers: { ...auth, 'content-type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };

  /** Runs git in `dir` with the token as the password, as publish:github does. */
  const gitIn = (dir: string, args: string[]) => {
    const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
    return exec(
      'git',
      [
        '-c',
        `http.extraHeader=Authorization: Basic ${basic}`,
        '-c',
        'user.name=Test',
        '-c',
        'user.email=test@example.com',
        ...args,
      ],
      { cwd: dir },
    );
  };

  async function sourceTree(name: string) {
    const dir = path.join(work, name);
    await fs.mkdir(path.join(dir, 'docs'), { recursive: true });
    await fs.writeFile(path.join(dir, 'catalog-info.yaml'), `name: ${name}\n`);
    await fs.writeFile(path.join(dir, 'docs/index.md'), '# Hello\n');
    await gitIn(dir, ['init', '--quiet', '--initial-branch=main']);
    await gitIn(dir, ['add', '.']);
    await gitIn(dir, ['commit', '--quiet', '-m', 'initial commit']);
    return dir;
  }

  it('answers an organisation on /users with its type, as publish:github asks', async () => {
    const res = await api('GET', '/users/acme');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ login: 'acme', type: 'Organization' });
  });

  it('creates a repository, takes a git push, serves the files and clones back', async () => {
    const created = await api('POST', '/orgs/acme/repos', {
      name: 'fresh',
      description: 'New',
      visibility: 'internal',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      full_name: 'acme/fresh',
      visibility: 'internal',
      html_url: 'https://github.com/acme/fresh',
      clone_url: `${standin.url}/acme/fresh.git`,
    });

    const dir = await sourceTree('fresh');
    await gitIn(dir, ['push', created.body.clone_url, 'main']);
    const { stdout: head } = await gitIn(dir, ['rev-parse', 'HEAD']);

    const branch = await api('GET', '/repos/acme/fresh/branches/main');
    expect(branch.body.commit.sha).toBe(head.trim());
    const file = await api(
      'GET',
      '/repos/acme/fresh/contents/docs/index.md?ref=main',
    );
    expect(Buffer.from(file.body.content, 'base64').toString()).toBe(
      '# Hello\n',
    );

    const clone = path.join(work, 'fresh-clone');
    await gitIn(work, ['clone', '--quiet', created.body.clone_url, clone]);
    expect(
      await fs.readFile(path.join(clone, 'catalog-info.yaml'), 'utf8'),
    ).toBe('name: fresh\n');

    const protection = await api(
      'PUT',
      '/repos/acme/fresh/branches/main/protection',
      {
        enforce_admins: true,
        required_status_checks: null,
        restrictions: null,
      },
    );
    expect(protection.status).toBe(200);
    expect(protection.body.enforce_admins.enabled).toBe(true);
    const topics = await api('PUT', '/repos/acme/fresh/topics', {
      names: ['go'],
    });
    expect(topics.body).toEqual({ names: ['go'] });
    expect(
      (await api('PUT', '/orgs/acme/teams/core/repos/acme/fresh', {})).status,
    ).toBe(204);
  });

  it('refuses a name that exists, with GitHub 422, and leaves the repository as it was', async () => {
    const res = await api('POST', '/orgs/acme/repos', { name: 'KEPT' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].message).toBe(
      'name already exists on this account',
    );
    const readme = await api('GET', '/repos/acme/kept/contents/README.md');
    expect(Buffer.from(readme.body.content, 'base64').toString()).toBe('mine');
  });

  it('refuses a push by a token denied push, and one without a token', async () => {
    expect(
      (await api('POST', '/orgs/acme/repos', { name: 'locked' })).status,
    ).toBe(201);
    const dir = await sourceTree('locked');
    standin.limits.deny(token, 'push');
    await expect(
      gitIn(dir, ['push', `${standin.url}/acme/locked.git`, 'main']),
    ).rejects.toThrow(/403/);
    await expect(
      exec('git', ['push', `${standin.url}/acme/locked.git`, 'main'], {
        cwd: dir,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
      }),
    ).rejects.toThrow();
    expect((await api('GET', '/repos/acme/locked/branches/main')).status).toBe(
      404,
    );
  });

  it('deletes a repository (204, then 404), unless the token is denied delete (403)', async () => {
    expect(
      (await api('POST', '/orgs/acme/repos', { name: 'gone' })).status,
    ).toBe(201);
    standin.limits.deny(token, 'delete');
    const denied = await api('DELETE', '/repos/acme/gone');
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('Must have admin rights to Repository.');
    expect((await api('GET', '/repos/acme/gone')).status).toBe(200);

    standin.limits.clear(token);
    expect((await api('DELETE', '/repos/acme/gone')).status).toBe(204);
    expect((await api('GET', '/repos/acme/gone')).status).toBe(404);
    expect(standin.world.findRepo('acme', 'gone')).toBeUndefined();
  });

  it('needs a token to make or delete a repository', async () => {
    const res = await fetch(`${standin.url}/orgs/acme/repos`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'anon' }),
    });
    expect(res.status).toBe(401);
    expect(standin.world.findRepo('acme', 'anon')).toBeUndefined();
  });
});
