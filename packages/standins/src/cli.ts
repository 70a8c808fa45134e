/*
 * Runs a stand-in on its own, for the production boot check, benchmarks and
 * trying the portal against "GitHub" by hand:
 *
 *   node --require @backstage/cli-node/config/nodeTransform.cjs \
 *     packages/standins/src/cli.ts github [--port 7300] [--org acme-pay]
 *     [--generated 2000] [--repo-root .]
 *
 * Prints one JSON line when it listens ({"url": ..., "token": ...}); on
 * stdin, a line `stats` prints the request counts, `reset` clears them.
 */
import path from 'node:path';
import readline from 'node:readline';
import {
  buildAcmePayOnGithub,
  buildGeneratedOrg,
  GithubStandin,
} from './github';

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(args: string[]) {
  const [system] = args;
  if (system !== 'github') {
    throw new Error(`unknown stand-in '${system}'; known: github`);
  }
  const generated = option(args, 'generated');
  const org = option(args, 'org') ?? 'acme-pay';
  const world = generated
    ? buildGeneratedOrg({ org, repos: Number(generated) })
    : buildAcmePayOnGithub(path.resolve(option(args, 'repo-root') ?? '.'));
  const standin = await GithubStandin.start({
    world,
    port: Number(option(args, 'port') ?? 0),
    oauthApps: [
      {
        clientId: option(args, 'client-id') ?? 'standin-client',
        clientSecret: option(args, 'client-secret') ?? 'standin-secret',
      },
    ],
  });
  process.stdout.write(
    `${JSON.stringify({ url: standin.url, token: standin.token, org })}\n`,
  );
  let since = 0;
  readline.createInterface({ input: process.stdin }).on('line', line => {
    if (line.trim() === 'stats') {
      process.stdout.write(`${JSON.stringify(standin.traffic.stats(since))}\n`);
    } else if (line.trim() === 'reset') {
      since = Date.now();
      process.stdout.write('{"reset":true}\n');
    }
  });
  const stop = () => standin.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main(process.argv.slice(2)).catch(error => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exit(1);
});
