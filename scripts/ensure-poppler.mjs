// Finds poppler's PDF tools (pdftotext, pdfinfo, pdftoppm) that the print tests read PDFs with. If
// they are missing and this is Debian and we are root, installs Debian's poppler-utils with apt-get
// (as ensure-chromium.mjs does for Chromium). CLI: `node scripts/ensure-poppler.mjs` prints the
// directory, or explains and exits 1.
import { accessSync, constants, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const TOOLS = ['pdftotext', 'pdfinfo', 'pdftoppm'];
const DIRS = ['/usr/bin', '/usr/local/bin', '/opt/homebrew/bin'];

/** @param {string} path */
function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The directory that holds every tool, or null. $POPPLER_DIR first. */
export function findPoppler(env = process.env, isExecutable = executable) {
  const dirs = env.POPPLER_DIR ? [env.POPPLER_DIR] : DIRS;
  return dirs.find((d) => TOOLS.every((t) => isExecutable(join(d, t)))) ?? null;
}

/** @param {string[]} args */
function run(args) {
  console.error(`ensure-poppler: ${args.join(' ')}`);
  const r = spawnSync(args[0], args.slice(1), { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return r.status === 0;
}

/**
 * The directory of the poppler tools, installing them first where that is possible.
 * @returns {string}
 */
export function ensurePoppler() {
  const found = findPoppler();
  if (found) return found;
  if (!process.env.POPPLER_DIR && existsSync('/etc/debian_version') && process.getuid?.() === 0) {
    const install = ['apt-get', 'install', '-y', '--no-install-recommends', 'poppler-utils'];
    if (run(install) || (run(['apt-get', 'update']) && run(install))) {
      const now = findPoppler();
      if (now) return now;
    }
  }
  throw new Error(
    'No poppler tools found (pdftotext, pdfinfo, pdftoppm in ' + (process.env.POPPLER_DIR ?? DIRS.join(', ')) + '). ' +
      'The print tests read PDFs with them. Install them (Debian/Ubuntu: `sudo apt-get install poppler-utils`, ' +
      'macOS: `brew install poppler`) or set POPPLER_DIR to their directory.',
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(ensurePoppler());
  } catch (e) {
    console.error(`ensure-poppler: ${/** @type {Error} */ (e).message}`);
    process.exit(1);
  }
}
