// Table tests after pkg/scheduler/framework/plugins/nodeports/node_ports_test.go (TestNodePorts):
// reason "node(s) didn't have free ports for the requested pod ports", Unschedulable; PreFilter
// Skip without host ports; 0.0.0.0 conflicts with every IP; protocol defaults to TCP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ContainerPort, Pod } from 'kubernetes-types/core/v1';
import { New } from './nodeports.ts';
import { nodeInfosFor, nodeWithCapacity, podWithRequests, runFilter } from '../testing/harness.ts';

const withPorts = (name: string, ports: ContainerPort[], nodeName?: string): Pod => {
  const p = podWithRequests(name, [{}], {}, nodeName);
  p.spec!.containers[0].ports = ports;
  return p;
};
/** "TCP/127.0.0.1/8080" like node_ports_test.go newPod */
const port = (s: string): ContainerPort => {
  const [protocol, hostIP, p] = s.split('/');
  return { containerPort: Number(p), hostPort: Number(p), protocol, hostIP };
};
const CONFLICT = "Unschedulable: node(s) didn't have free ports for the requested pod ports";

test('Filter (TestNodePorts)', () => {
  const cases: { name: string; pod: string[]; existing: string[]; want: string | null }[] = [
    { name: 'nothing running', pod: ['UDP/127.0.0.1/8080'], existing: [], want: null },
    { name: 'other port', pod: ['UDP/127.0.0.1/8080'], existing: ['UDP/127.0.0.1/9090'], want: null },
    { name: 'same udp port', pod: ['UDP/127.0.0.1/8080'], existing: ['UDP/127.0.0.1/8080'], want: CONFLICT },
    { name: 'same tcp port', pod: ['TCP/127.0.0.1/8080'], existing: ['TCP/127.0.0.1/8080'], want: CONFLICT },
    { name: 'different host ip', pod: ['TCP/127.0.0.1/8080'], existing: ['TCP/127.0.0.2/8080'], want: null },
    { name: 'different protocol', pod: ['UDP/127.0.0.1/8080'], existing: ['TCP/127.0.0.1/8080'], want: null },
    { name: 'second udp port conflict', pod: ['UDP/127.0.0.1/8000', 'UDP/127.0.0.1/8080'], existing: ['UDP/127.0.0.1/8080'], want: CONFLICT },
    { name: 'first tcp port conflict', pod: ['TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8080'], existing: ['TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8081'], want: CONFLICT },
    { name: 'first tcp port conflict due to 0.0.0.0 hostIP', pod: ['TCP/0.0.0.0/8001'], existing: ['TCP/127.0.0.1/8001'], want: CONFLICT },
    { name: 'TCP hostPort conflict due to 0.0.0.0 hostIP', pod: ['TCP/10.0.10.10/8001', 'TCP/0.0.0.0/8001'], existing: ['TCP/127.0.0.1/8001'], want: CONFLICT },
    { name: 'second tcp port conflict to 0.0.0.0 hostIP', pod: ['TCP/127.0.0.1/8001'], existing: ['TCP/0.0.0.0/8001'], want: CONFLICT },
    { name: 'second different protocol', pod: ['UDP/127.0.0.1/8001'], existing: ['TCP/0.0.0.0/8001'], want: null },
    { name: 'UDP hostPort conflict due to 0.0.0.0 hostIP', pod: ['UDP/127.0.0.1/8001'], existing: ['TCP/0.0.0.0/8001', 'UDP/0.0.0.0/8001'], want: CONFLICT },
    { name: 'empty hostIP and protocol mean 0.0.0.0 and TCP', pod: ['//8080'], existing: ['TCP/127.0.0.1/8080'], want: CONFLICT },
  ];
  for (const c of cases) {
    const existing = c.existing.length ? [withPorts('e', c.existing.map(port), 'n')] : [];
    const r = runFilter(New(), withPorts('p', c.pod.map(port)), nodeInfosFor([nodeWithCapacity('n')], existing));
    assert.equal(r.nodes.n, c.want, c.name);
  }
});

test('PreFilter: Skip for pods without host ports; containerPort alone does not count', () => {
  const r = runFilter(New(), withPorts('p', [{ containerPort: 80 }]), nodeInfosFor([nodeWithCapacity('n')]));
  assert.deepEqual(r.preFilter, { code: 'Skip', reasons: [] });
});
