import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolvePath, serve } from './static-server.mjs';

test('resolvePath stays inside the root', () => {
  const cases = [
    ['/', '/srv/site'],
    ['/notes/a/', '/srv/site/notes/a'],
    ['/%ED%95%9C/', '/srv/site/한'],
    ['/../etc/passwd', null],
    ['/%2e%2e/%2e%2e/etc/passwd', null],
    ['/a/%00', null],
    ['/%E0%A4%A', null],
  ];
  for (const [input, want] of cases) assert.equal(resolvePath('/srv/site', input), want, input);
});

let dir = '';
/** @type {Awaited<ReturnType<typeof serve>>} */
let server;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kubenote-serve-'));
  await mkdir(join(dir, 'notes', 'a'), { recursive: true });
  await writeFile(join(dir, 'index.html'), '<h1>home</h1>');
  await writeFile(join(dir, 'notes', 'a', 'index.html'), '<h1>a</h1>');
  await writeFile(join(dir, 'style.css'), 'body{}');
  await writeFile(join(dir, '404.html'), '<h1>missing</h1>');
  server = await serve(dir);
});
after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

const routes = [
  { path: '/', status: 200, body: '<h1>home</h1>', type: 'text/html; charset=utf-8' },
  { path: '/notes/a/', status: 200, body: '<h1>a</h1>', type: 'text/html; charset=utf-8' },
  { path: '/style.css', status: 200, body: 'body{}', type: 'text/css; charset=utf-8' },
  { path: '/nope/', status: 404, body: '<h1>missing</h1>', type: 'text/html; charset=utf-8' },
];
for (const r of routes) {
  test(`serve GET ${r.path} → ${r.status}`, async () => {
    const res = await fetch(server.origin + r.path);
    assert.equal(res.status, r.status);
    assert.equal(res.headers.get('content-type'), r.type);
    assert.equal(await res.text(), r.body);
  });
}

test('serve redirects a folder without its trailing slash', async () => {
  const res = await fetch(server.origin + '/notes/a', { redirect: 'manual' });
  assert.equal(res.status, 301);
  assert.equal(res.headers.get('location'), '/notes/a/');
});

test('serve refuses other methods', async () => {
  const res = await fetch(server.origin + '/', { method: 'POST' });
  assert.equal(res.status, 405);
});
