// Generates the case list for taint.json: node taint.cases.mjs > /tmp/t.json &&
//   node ../../yaml/testdata/oracle/capture.mjs /tmp/t.json taint.json
const node = (name, taints) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, spec: taints ? { taints } : {} });
const NODES = {
  'nodes/node1': node('node1'),
  'nodes/node2': node('node2', [{ key: 'app', value: 'blue', effect: 'NoSchedule' }, { key: 'dedicated', effect: 'NoExecute' }]),
  'nodes/controlplane': node('controlplane', [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }]),
};
const cases = [];
const add = (id, args) => cases.push({ id, args: ['taint', ...args], objects: NODES });
add('add', ['nodes', 'node1', 'app=blue:NoSchedule']);
add('add key only effect', ['node', 'node1', 'app:NoSchedule']);
add('add two', ['nodes', 'node1', 'app=blue:NoSchedule', 'dedicated=x:NoExecute']);
add('add json', ['nodes', 'node1', 'app=blue:NoSchedule', '-o', 'json']);
add('add yaml', ['nodes', 'node1', 'app=blue:PreferNoSchedule', '-o', 'yaml']);
add('add name', ['nodes', 'node1', 'app=blue:NoSchedule', '-o', 'name']);
add('add dry', ['nodes', 'node1', 'app=blue:NoSchedule', '--dry-run=client']);
add('typo effect', ['nodes', 'node1', 'app=blue:NoSchdule']);
add('lowercase effect', ['nodes', 'node1', 'app=blue:noschedule']);
add('no effect', ['nodes', 'node1', 'app=blue']);
add('no effect key', ['nodes', 'node1', 'app:']);
add('empty key', ['nodes', 'node1', '=blue:NoSchedule']);
add('two colons', ['nodes', 'node1', 'a:b:NoSchedule']);
add('two equals', ['nodes', 'node1', 'a=b=c:NoSchedule']);
add('bad value', ['nodes', 'node1', 'app=blue green:NoSchedule']);
add('bad value long', ['nodes', 'node1', 'app=' + 'x'.repeat(64) + ':NoSchedule']);
add('bad key', ['nodes', 'node1', 'app!=blue:NoSchedule']);
add('bad key prefix', ['nodes', 'node1', 'Example.COM/app=blue:NoSchedule']);
add('bad key slash', ['nodes', 'node1', 'a/b/c=blue:NoSchedule']);
add('prefixed key', ['nodes', 'node1', 'example.com/app=blue:NoSchedule']);
add('duplicate', ['nodes', 'node1', 'app=blue:NoSchedule', 'app=green:NoSchedule']);
add('duplicate diff effect', ['nodes', 'node1', 'app=blue:NoSchedule', 'app=green:NoExecute']);
add('already', ['nodes', 'node2', 'app=green:NoSchedule']);
add('already two', ['nodes', 'node2', 'app=green:NoSchedule', 'dedicated:NoExecute']);
add('overwrite', ['nodes', 'node2', 'app=green:NoSchedule', '--overwrite']);
add('overwrite new', ['nodes', 'node1', 'app=green:NoSchedule', '--overwrite']);
add('same effect other key', ['nodes', 'node2', 'other=x:NoSchedule']);
add('remove', ['nodes', 'node2', 'app=blue:NoSchedule-']);
add('remove key effect', ['nodes', 'node2', 'app:NoSchedule-']);
add('remove key', ['nodes', 'node2', 'dedicated-']);
add('remove missing', ['nodes', 'node1', 'app-']);
add('remove missing effect', ['nodes', 'node2', 'app:NoExecute-']);
add('remove one missing one present', ['nodes', 'node2', 'dedicated-', 'nope-']);
add('remove present after missing', ['nodes', 'node2', 'nope-', 'dedicated-']);
add('remove control-plane', ['node', 'controlplane', 'node-role.kubernetes.io/control-plane:NoSchedule-']);
add('remove control-plane key', ['node', 'controlplane', 'node-role.kubernetes.io/control-plane-']);
add('add and remove', ['nodes', 'node2', 'new=x:NoSchedule', 'dedicated-']);
add('add and remove same', ['nodes', 'node2', 'app=x:NoSchedule', 'app-']);
add('add and remove same effect', ['nodes', 'node2', 'app=x:NoSchedule', 'app:NoSchedule-']);
add('remove bad effect', ['nodes', 'node2', 'app:NoSchdule-']);
add('remove value only', ['nodes', 'node2', 'app=blue-']);
add('no taint', ['nodes', 'node1']);
add('no node name', ['nodes', 'app=blue:NoSchedule']);
add('no resource', ['app=blue:NoSchedule']);
add('resource after taint', ['nodes', 'app=blue:NoSchedule', 'node1']);
add('pod type', ['pods', 'nginx', 'app=blue:NoSchedule']);
add('missing node', ['nodes', 'node9', 'app=blue:NoSchedule']);
add('all', ['nodes', '--all', 'app=blue:NoSchedule', '--dry-run=client']);
add('selector', ['nodes', '-l', 'kubernetes.io/hostname=node1', 'app=blue:NoSchedule', '--dry-run=client']);
add('all and selector', ['nodes', '--all', '-l', 'a=b', 'app=blue:NoSchedule']);
add('slash form', ['node/node1', 'app=blue:NoSchedule']);
add('no args', []);
add('effect only', ['nodes', 'node1', ':NoSchedule']);
add('dash only', ['nodes', 'node1', '-']);
add('value with colon key', ['nodes', 'node1', 'app=blue:NoSchedule:']);
console.log(JSON.stringify(cases));
