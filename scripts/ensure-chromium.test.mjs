import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findChromium, CANDIDATES, CHROMIUM_ARGS } from './ensure-chromium.mjs';

const only = (/** @type {string[]} */ ...paths) => (/** @type {string} */ p) => paths.includes(p);

const cases = [
  { name: 'CHROMIUM_PATH wins when executable', env: { CHROMIUM_PATH: '/opt/c/chrome' }, exe: ['/opt/c/chrome', CANDIDATES[0]], want: '/opt/c/chrome' },
  { name: 'CHROMIUM_PATH that is not executable finds nothing', env: { CHROMIUM_PATH: '/opt/none' }, exe: [CANDIDATES[0]], want: null },
  { name: '/usr/bin/chromium by default', env: {}, exe: [CANDIDATES[0], CANDIDATES[1]], want: '/usr/bin/chromium' },
  { name: 'chromium-browser as a fallback', env: {}, exe: [CANDIDATES[1]], want: '/usr/bin/chromium-browser' },
  { name: 'nothing installed', env: {}, exe: [], want: null },
];
for (const c of cases) {
  test(`findChromium: ${c.name}`, () => {
    assert.equal(findChromium(c.env, only(...c.exe)), c.want);
  });
}

test('launch flags keep Chromium offline and sandbox-less', () => {
  for (const flag of ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update']) {
    assert.ok(CHROMIUM_ARGS.includes(flag), flag);
  }
});
