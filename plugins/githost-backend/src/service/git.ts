import { spawn } from 'node:child_process';

/** The result of one git command. */
export interface GitResult {
  stdout: Buffer;
  stderr: string;
  code: number;
}

/**
 * Runs the machine's `git` without a shell, with a clean identity and no user or
 * system configuration (hooks, aliases or credential helpers of whoever runs the
 * portal must not change what the host does).
 */
export function git(
  args: string[],
  options: {
    gitDir?: string;
    input?: Buffer | string;
    env?: NodeJS.ProcessEnv;
  } = {},
): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      env: gitEnv(options.gitDir, options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', d => out.push(d));
    child.stderr.on('data', d => err.push(d));
    child.on('error', reject);
    child.on('close', code =>
      resolve({
        stdout: Buffer.concat(out),
        stderr: Buffer.concat(err).toString('utf8'),
        code: code ?? 1,
      }),
    );
    child.stdin.on('error', () => {
      // git may exit before reading all input (e.g. a bad ref); its exit code says why.
    });
    child.stdin.end(options.input ?? '');
  });
}

/** Like {@link git}, but throws with git's own message when it fails. */
export async function gitOk(
  args: string[],
  options: Parameters<typeof git>[1] = {},
): Promise<Buffer> {
  const result = await git(args, options);
  if (result.code !== 0) {
    throw new Error(
      `git ${args[0]} failed: ${result.stderr.trim() || `exit ${result.code}`}`,
    );
  }
  return result.stdout;
}

/** The environment git runs in. */
export function gitEnv(
  gitDir?: string,
  extra: NodeJS.ProcessEnv = {},
): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: '/nonexistent',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    LANG: 'C',
    ...(gitDir ? { GIT_DIR: gitDir } : {}),
    ...extra,
  };
}

/** The non-empty lines of a command's output. */
export function lines(out: Buffer) {
  return out.toString('utf8').split('\n').filter(Boolean);
}
