// Generates the case list for list.json (kubectl get -o yaml|json|name of one and several objects):
//   node list.cases.mjs > /tmp/l.json && node ../../yaml/testdata/oracle/capture.mjs /tmp/l.json list.json
const pod = (name, extra = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: 'uid-' + name, resourceVersion: '7', creationTimestamp: '2025-01-01T00:00:00Z', labels: { run: name }, managedFields: [{ manager: 'kubectl-run', operation: 'Update', apiVersion: 'v1', time: '2025-01-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': {} } }] }, spec: { containers: [{ name, image: 'nginx', resources: {} }], nodeName: 'node01' }, status: { phase: 'Running', podIP: '10.244.1.5' }, ...extra });
const O = { 'pods/a': pod('a'), 'pods/b': pod('b') };
const c = (id, args) => ({ id, args, objects: O });
console.log(JSON.stringify([
  c('get pods yaml', ['get', 'pods', '-o', 'yaml']),
  c('get pods json', ['get', 'pods', '-o', 'json']),
  c('get pods name', ['get', 'pods', '-o', 'name']),
  c('get pod yaml', ['get', 'pod', 'a', '-o', 'yaml']),
  c('get pod json', ['get', 'pod', 'a', '-o', 'json']),
  c('get pod yaml managed', ['get', 'pod', 'a', '-o', 'yaml', '--show-managed-fields']),
  c('get two pods yaml', ['get', 'pod', 'a', 'b', '-o', 'yaml']),
]));
