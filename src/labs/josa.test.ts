import { test } from 'node:test';
import assert from 'node:assert/strict';
import { josa } from './josa.ts';

test('particles after names read aloud', () => {
  const cases: [string, Parameters<typeof josa>[1], string][] = [
    ['redis', '이/가', 'redis가'],
    ['nginx', '이/가', 'nginx가'],
    ['web', '이/가', 'web이'],
    ['webapp', '을/를', 'webapp을'],
    ['node01', '이/가', 'node01이'],
    ['node02', '이/가', 'node02가'],
    ['redis:alpine', '이/가', 'redis:alpine이'],
    ['nginx:1.27', '이/가', 'nginx:1.27이'],
    ['httpd:2.4', '이/가', 'httpd:2.4가'],
    ['10', '이/가', '10이'],
    ['4', '이/가', '4가'],
    ['stable', '으로/로', 'stable로'],
    ['elastic-stack', '으로/로', 'elastic-stack으로'],
    ['DB', '이/가', 'DB가'],
    ['URL', '이/가', 'URL이'],
    ['secret', '이/가', 'secret이'],
    ['root', '이/가', 'root가'],
    ['파드', '이/가', '파드가'],
    ['컨피그맵', '이/가', '컨피그맵이'],
    ['레이블', '으로/로', '레이블로'],
    ['pink', '이/가', 'pink가'],
    ['stack', '이/가', 'stack이'],
    ['help', '이/가', 'help가'],
    ['', '이/가', '가'],
  ];
  for (const [w, p, want] of cases) assert.equal(josa(w, p), want, w);
});
