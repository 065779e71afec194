// Finds the Chromium the e2e tests drive (playwright-core cannot download browsers here).
// Order: $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser. If none is there and this is
// Debian and we are root, installs Debian's chromium (and the Korean fonts) with apt-get.
// CLI: `node scripts/ensure-chromium.mjs` prints the path, or explains and exits 1.
import { accessSync, constants, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/** Launch flags for a sandbox-less, offline headless run. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** @param {string} path */
function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The first usable Chromium, or null.
 * @param {NodeJS.ProcessEnv} [env]
 * @param {(path: string) => boolean} [isExecutable]
 */
export function findChromium(env = process.env, isExecutable = executable) {
  const wanted = env.CHROMIUM_PATH;
  if (wanted) return isExecutable(wanted) ? wanted : null;
  return CANDIDATES.find((p) => isExecutable(p)) ?? null;
}

/** @param {string[]} args */
function run(args) {
  console.error(`ensure-chromium: ${args.join(' ')}`);
  const r = spawnSync(args[0], args.slice(1), {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.status === 0;
}

/** Debian packages for Korean text; installed with Chromium, and on their own if missing. */
const FONT_PACKAGES = ['fonts-noto-cjk'];
const canApt = () => existsSync('/etc/debian_version') && process.getuid?.() === 0;

/**
 * Returns the Chromium path, installing it first where that is possible.
 * @returns {string}
 */
export function ensureChromium() {
  let found = findChromium();
  if (found) {
    // Korean fonts make screenshots readable; the tests do not depend on them.
    if (canApt() && !existsSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc')) {
      run(['apt-get', 'install', '-y', '--no-install-recommends', ...FONT_PACKAGES]) ||
        (run(['apt-get', 'update']) && run(['apt-get', 'install', '-y', '--no-install-recommends', ...FONT_PACKAGES]));
    }
    return found;
  }
  if (process.env.CHROMIUM_PATH) {
    throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file.`);
  }
  if (canApt()) {
    if (run(['apt-get', 'update']) && run(['apt-get', 'install', '-y', 'chromium', ...FONT_PACKAGES])) {
      found = findChromium();
      if (found) return found;
    }
    throw new Error('apt-get could not install chromium; install it by hand or set CHROMIUM_PATH.');
  }
  throw new Error(
    'No Chromium found (looked at $CHROMIUM_PATH, ' +
      CANDIDATES.join(', ') +
      '). The e2e tests drive a system Chromium through playwright-core. Install it ' +
      '(Debian/Ubuntu: `sudo apt-get install chromium fonts-noto-cjk`) or set CHROMIUM_PATH to its executable.',
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(ensureChromium());
  } catch (e) {
    console.error(`ensure-chromium: ${/** @type {Error} */ (e).message}`);
    process.exit(1);
  }
}
