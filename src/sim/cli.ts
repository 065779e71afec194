/**
 * The `kubesim` command line: `kubesim run FILE|-` [--seed N] runs a script on a fresh default cluster
 * and prints its transcript; `kubesim serve` (HTTP API) is added by the serve module.
 */
import { readFileSync } from 'node:fs';
import { Session } from './session.ts';
import { SERVE_USAGE, serveMain, simMain } from './serve/command.ts';

const USAGE = `Usage:
  kubesim run FILE|- [--seed N] [--step DURATION] [--kubernetes-version vX.Y.Z]
                                                   run a script on a fresh cluster and print the transcript
`;

export function main(argv: string[]): number | Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd === 'serve') return serveMain(rest);
  if (cmd === 'sim') return simMain(rest);
  if (cmd !== 'run') {
    process.stderr.write(USAGE + SERVE_USAGE.replace(/^Usage:\n/, ''));
    return cmd === undefined || cmd === '--help' || cmd === '-h' ? 0 : 2;
  }
  let file: string | undefined;
  let seed = 1;
  let step: string | undefined;
  let version: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--seed') seed = Number(rest[++i]);
    else if (a.startsWith('--seed=')) seed = Number(a.slice(7));
    else if (a === '--step') step = rest[++i];
    else if (a === '--kubernetes-version') version = rest[++i];
    else if (a.startsWith('--kubernetes-version=')) version = a.slice('--kubernetes-version='.length);
    else if (a.startsWith('--step=')) step = a.slice(7);
    else if (file === undefined) file = a;
    else {
      process.stderr.write(`kubesim: unexpected argument "${a}"\n${USAGE}`);
      return 2;
    }
  }
  if (file === undefined) {
    process.stderr.write(USAGE);
    return 2;
  }
  if (!Number.isInteger(seed)) {
    process.stderr.write('kubesim: --seed must be an integer\n');
    return 2;
  }
  let script: string;
  try {
    script = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`kubesim: cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const session = new Session({ seed, ...(version ? { version } : {}) });
  if (step) session.run(`sim step ${step}`);
  process.stdout.write(Session.format(session.run(script)));
  return 0;
}
