// Table tests after pkg/scheduler/framework/plugins/nodename/node_name_test.go (TestNodeName):
// reason "node(s) didn't match the requested node name", UnschedulableAndUnresolvable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { New } from './nodename.ts';
import { nodeInfosFor, nodeWithCapacity, podWithRequests, runFilter } from '../testing/harness.ts';

test('Filter (TestNodeName)', () => {
  const cases: { name: string; nodeName?: string; want: string | null }[] = [
    { name: 'no host specified', want: null },
    { name: 'host matches', nodeName: 'foo', want: null },
    { name: 'host does not match', nodeName: 'bar', want: "UnschedulableAndUnresolvable: node(s) didn't match the requested node name" },
  ];
  for (const c of cases) {
    const r = runFilter(New(), podWithRequests('p', [{}], {}, c.nodeName), nodeInfosFor([nodeWithCapacity('foo')]));
    assert.equal(r.nodes.foo, c.want, c.name);
  }
});
