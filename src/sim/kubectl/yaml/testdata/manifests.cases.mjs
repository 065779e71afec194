// Generates the case list for manifests.json (kubectl create -f with broken and odd manifests):
//   node manifests.cases.mjs > /tmp/m.json && node oracle/capture.mjs /tmp/m.json manifests.json
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: nginx
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx
    ports:
    - containerPort: 80
`;
const SVC = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: NodePort
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
    nodePort: 30008
`;
const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    tier: front-end
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: front-end
  template:
    metadata:
      labels:
        tier: front-end
    spec:
      containers:
      - name: nginx
        image: nginx
`;
const billion = `apiVersion: v1
kind: ConfigMap
metadata:
  name: lol
data:
  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
  f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
  g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
  h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
  i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;
const files = {
  // valid references
  'ok-pod.yaml': POD,
  'ok-svc.yaml': SVC,
  'ok-deploy.yaml': DEPLOY,
  'ok-multi.yaml': POD + '---\n' + SVC,
  'ok-leading-sep.yaml': '---\n' + POD + '---\n# comment\n---\n' + SVC + '...\n',
  'ok-crlf.yaml': POD.replace(/\n/g, '\r\n'),
  'ok-bom.yaml': '\ufeff' + POD,
  'ok-indented.yaml': POD.replace(/^/gm, '  ').replace(/\n  $/, '\n'),
  'ok-dupkey.yaml': POD.replace('  name: nginx\n', '  name: nginx\n  name: other\n'),
  'ok-yes.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: "yes"\n  b: "80"\n',
  'ok-merge.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: &m\n  name: c\n  labels:\n    a: b\ndata:\n  <<: {x: "1", y: "2"}\n  y: "3"\n',
  'ok-tab-value.yaml': POD.replace('image: nginx', 'image:\tnginx'),
  'ok-json.json': '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}\n{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b"}}\n',
  'ok-json-trailing-comma.json': '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a",}}\n',
  'ok-json-then-yaml.json': '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n',
  'ok-flow.yaml': '{apiVersion: v1, kind: ConfigMap, metadata: {name: flow}, data: {a: b}}\n',
  // broken
  'containerport-nospace.yaml': POD.replace('- containerPort: 80', '- containerPort:80\n      protocol: TCP'),
  'nodeport-nospace.yaml': SVC.replace('nodePort: 30008', 'nodePort:30008'),
  'nodeport-nospace-mid.yaml': SVC.replace('    nodePort: 30008\n', '    nodePort:30008\n    protocol: TCP\n'),
  'misindent-label.yaml': DEPLOY.replace('    tier: front-end\nspec:', '     type: front-end\nspec:'),
  'misindent-label2.yaml': DEPLOY.replace('        tier: front-end\n    spec:', '        tier: front-end\n         type: x\n    spec:'),
  'tab-indent.yaml': POD.replace('  name: nginx\n', '\tname: nginx\n'),
  'tab-indent-list.yaml': POD.replace('    image: nginx', '\timage: nginx'),
  'list-wrong-level.yaml': POD.replace('  - name: nginx\n    image: nginx', '  - name: nginx\n  image: nginx'),
  'list-wrong-level2.yaml': POD.replace('  containers:\n  - name: nginx', '  containers:\n- name: nginx'),
  'list-item-deeper.yaml': POD.replace('    ports:\n    - containerPort: 80', '    ports:\n      - containerPort: 80\n    - containerPort: 81'),
  'unclosed-dquote.yaml': POD.replace('image: nginx', 'image: "nginx'),
  'unclosed-squote.yaml': POD.replace('image: nginx', "image: 'nginx"),
  'unclosed-flow-seq.yaml': POD.replace('image: nginx', 'image: nginx\n    args: [a, b'),
  'unclosed-flow-map.yaml': POD.replace('app: web', 'app: {a: b'),
  'missing-colon.yaml': POD.replace('image: nginx', 'image nginx'),
  'missing-colon-last.yaml': POD.replace('    - containerPort: 80\n', '    - containerPort 80\n'),
  'list-item-nospace.yaml': POD.replace('  - name: nginx', '  -name: nginx'),
  'list-name-nospace.yaml': POD.replace('  - name: nginx', '  - name:nginx'),
  'value-value.yaml': POD.replace('image: nginx', 'image: nginx: latest'),
  'kind-no-colon.yaml': POD.replace('kind: Pod', 'kind Pod'),
  'quoted-then-text.yaml': POD.replace('image: nginx', 'image: "nginx" latest'),
  'at-sign.yaml': POD.replace('image: nginx', 'image: @nginx'),
  'backtick.yaml': POD.replace('image: nginx', 'image: `nginx`'),
  'percent-mid.yaml': POD.replace('kind: Pod', '%YAML 1.1\nkind: Pod'),
  'missing-key.yaml': POD.replace('  name: nginx\n', '  : nginx\n'),
  'dedent-one.yaml': POD.replace('  labels:\n', ' labels:\n'),
  'over-indent.yaml': POD.replace('kind: Pod', '  kind: Pod'),
  'over-indent2.yaml': POD.replace('spec:', ' spec:'),
  'block-scalar-bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: |\n    line1\n  line2\n',
  'block-scalar-tab.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: |\n\tline1\n',
  'trailing-bracket.yaml': POD + ']\n',
  'flow-extra-bracket.yaml': POD.replace('image: nginx', 'image: nginx\n    args: [a, b]]'),
  'unknown-alias.yaml': POD.replace('image: nginx', 'image: *img'),
  'alias-self.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata: &a\n  x: *a\n',
  'merge-bad.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  <<: 5\n',
  'second-doc-broken.yaml': POD + '---\n' + SVC.replace('nodePort: 30008', 'nodePort:30008'),
  'leading-sep-broken.yaml': '---\n' + POD.replace('image: nginx', 'image: nginx: latest'),
  'bad-separator.yaml': '--- foo\n' + POD,
  'bad-separator2.yaml': POD + '----\n' + SVC,
  'doc-end-marker.yaml': POD + '...\n' + SVC,
  'billion-laughs.yaml': billion,
  'control-char.yaml': POD.replace('image: nginx', 'image: ngi\u0001nx'),
  'del-char.yaml': POD.replace('image: nginx', 'image: ngi\u007fnx'),
  'empty.yaml': '',
  'comments-only.yaml': '# just a comment\n\n',
  'seps-only.yaml': '---\n---\n',
  'scalar.yaml': 'hello\n',
  'list.yaml': '- a\n- b\n',
  'null-doc.yaml': 'null\n',
  'no-kind.yaml': 'apiVersion: v1\nmetadata:\n  name: c\n',
  'no-apiversion.yaml': 'kind: ConfigMap\nmetadata:\n  name: c\n',
  'no-kind-no-api.yaml': 'metadata:\n  name: c\n',
  'kind-number.yaml': 'apiVersion: v1\nkind: 5\nmetadata:\n  name: c\n',
  'api-number.yaml': 'apiVersion: 1\nkind: ConfigMap\nmetadata:\n  name: c\n',
  'api-bad.yaml': 'apiVersion: a/b/c\nkind: ConfigMap\nmetadata:\n  name: c\n',
  'json-missing-comma.json': '{"apiVersion": "v1", "kind": "ConfigMap" "metadata": {"name": "a"}}\n',
  'json-truncated.json': '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"\n',
  'json-three-then-bad.json': '{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}\n{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b"}}\n{"apiVersion": "v1", "kind": }\n',
  'json-array.json': '[{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a"}}]\n',
  'null-key.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  ~: x\n',
  'nan.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nx: .nan\n',
  'list-of-map-key.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n? [a]\n: b\n',
  'int-key.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  1: a\n  2.5: b\n  true: c\n',
  'deep.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\nx: ' + '['.repeat(120) + ']'.repeat(120) + '\n',
};
const cases = [];
for (const [name, content] of Object.entries(files)) {
  cases.push({ id: name, args: ['create', '-f', name, '--dry-run=client', '-o', 'yaml'], files: { [name]: content } });
}
for (const name of ['no-kind.yaml', 'no-apiversion.yaml', 'no-kind-no-api.yaml', 'kind-number.yaml', 'scalar.yaml', 'list.yaml', 'json-array.json', 'api-number.yaml', 'ok-yes.yaml', 'ok-dupkey.yaml']) {
  cases.push({ id: name + ' --validate=false', args: ['create', '-f', name, '--dry-run=client', '-o', 'yaml', '--validate=false'], files: { [name]: files[name] } });
}
cases.push({ id: 'apply empty', args: ['apply', '-f', 'empty.yaml', '--dry-run=client'], files: { 'empty.yaml': '' } });
cases.push({ id: 'stdin broken', args: ['create', '-f', '-', '--dry-run=client'], stdin: files['value-value.yaml'] });
cases.push({ id: 'stdin empty', args: ['create', '-f', '-', '--dry-run=client'], stdin: '' });
cases.push({ id: 'ok-multi json', args: ['create', '-f', 'ok-multi.yaml', '--dry-run=client', '-o', 'json'], files: { 'ok-multi.yaml': files['ok-multi.yaml'] } });
cases.push({ id: 'ok-multi name', args: ['create', '-f', 'ok-multi.yaml', '--dry-run=client'], files: { 'ok-multi.yaml': files['ok-multi.yaml'] } });
console.log(JSON.stringify(cases));
