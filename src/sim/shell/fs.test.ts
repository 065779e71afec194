import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FileSystem } from './fs.ts';

// A lazily written file (a machine's certificate filler) is the same file as a written one: it
// exists, is listed and changes the version at once; its content is made on the first read only.
test('writeLazy: a file made on its first read, like one written', () => {
  const fs = new FileSystem();
  let made = 0;
  const seen: string[] = [];
  fs.onChange = (p) => seen.push(p);
  const v = fs.version;
  fs.writeLazy('/etc/pki/ca.crt', () => {
    made++;
    return 'CERT\n';
  });
  assert.equal(made, 0);
  assert.ok(fs.version > v);
  assert.deepEqual(seen, ['/etc/pki/ca.crt']);
  assert.ok(fs.isFile('/etc/pki/ca.crt') && fs.isDir('/etc/pki'));
  assert.deepEqual(fs.walk('/etc'), ['/etc/pki/ca.crt']);
  assert.deepEqual(fs.list('/etc/pki'), ['ca.crt']);
  assert.equal(fs.read('/etc/pki/ca.crt'), 'CERT\n');
  assert.equal(fs.read('/etc/pki/ca.crt'), 'CERT\n');
  assert.equal(made, 1);
  fs.append('/etc/pki/ca.crt', 'MORE\n');
  assert.equal(fs.read('/etc/pki/ca.crt'), 'CERT\nMORE\n');
  fs.writeLazy('/etc/pki/b.key', () => {
    made++;
    return 'KEY';
  });
  fs.write('/etc/pki/b.key', 'NEW');
  assert.equal(fs.read('/etc/pki/b.key'), 'NEW');
  assert.equal(made, 1);
});
