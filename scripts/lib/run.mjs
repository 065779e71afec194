// Helpers for the orchestration scripts: run a command with inherited output, and node:test with
// counts taken from scripts/lib/count-reporter.mjs.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
/** Always the Node that runs this script (the project's Node 24), never whatever `node` is on PATH. */
export const NODE = process.execPath;
export const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');
export const ENV = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: process.env.FORCE_COLOR ?? '0' };

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv }} [options]
 * @returns {Promise<{ code: number, ms: number }>}
 */
export function run(cmd, args, { env = ENV } = {}) {
  const start = performance.now();
  return new Promise((ok) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', (e) => {
      console.error(`${cmd}: ${e.message}`);
      ok({ code: 127, ms: performance.now() - start });
    });
    child.on('close', (code, signal) => ok({ code: code ?? (signal ? 128 : 1), ms: performance.now() - start }));
  });
}

/**
 * Runs `node --test` over the given files or globs with the spec reporter on stdout and returns
 * the counts. A run that fails without any failed test (a file that does not load) counts as one
 * failure.
 * @param {string[]} files
 * @param {string[]} [extra] more node flags
 */
export async function nodeTest(files, extra = []) {
  const dir = mkdtempSync(join(tmpdir(), 'kubenote-test-'));
  const countsFile = join(dir, 'counts.json');
  try {
    const { code, ms } = await run(NODE, [
      '--test',
      ...extra,
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      `--test-reporter=${join(ROOT, 'scripts', 'lib', 'count-reporter.mjs')}`,
      `--test-reporter-destination=${countsFile}`,
      ...files,
    ]);
    let counts = { passed: 0, failed: 0, skipped: 0, todo: 0, failures: /** @type {{ name: string, message: string }[]} */ ([]) };
    try {
      counts = JSON.parse(readFileSync(countsFile, 'utf8'));
    } catch {
      /* the runner did not get to the end */
    }
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    return { code, ms, ...counts };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** @param {number} ms */
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
