// A minimal fake kube-apiserver for capturing real kubectl output offline (test tooling only,
// never imported by the simulator): legacy discovery, an OpenAPI v3 index whose PATCH
// operations advertise fieldValidation (so kubectl skips client-side schema download), GET of
// canned objects, and POST/PUT/PATCH echoing the body back.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
// Objects served for GET …/<resource>/<name> (kubectl expose/taint read them): <dir>/<resource>/<name>.json
const OBJECTS = process.env.FAKEAPI_OBJECTS ?? path.join(process.cwd(), 'objects');
const PORT = Number(process.env.FAKEAPI_PORT ?? 18080);
const R = (name, kind, namespaced, verbs=['create','delete','get','list','patch','update','watch'], extra={}) => ({name, singularName: '', namespaced, kind, verbs, ...extra});
const groups = {
  'v1': [R('pods','Pod',true,undefined,{shortNames:['po']}), R('services','Service',true,undefined,{shortNames:['svc']}), R('namespaces','Namespace',false,undefined,{shortNames:['ns']}), R('nodes','Node',false,undefined,{shortNames:['no']}), R('configmaps','ConfigMap',true,undefined,{shortNames:['cm']}), R('secrets','Secret',true), R('serviceaccounts','ServiceAccount',true,undefined,{shortNames:['sa']}), R('replicationcontrollers','ReplicationController',true,undefined,{shortNames:['rc']}), R('resourcequotas','ResourceQuota',true,undefined,{shortNames:['quota']}), R('persistentvolumes','PersistentVolume',false,undefined,{shortNames:['pv']}), R('persistentvolumeclaims','PersistentVolumeClaim',true,undefined,{shortNames:['pvc']}), R('limitranges','LimitRange',true,undefined,{shortNames:['limits']}), R('endpoints','Endpoints',true,undefined,{shortNames:['ep']}), R('events','Event',true,undefined,{shortNames:['ev']}), R('pods/log','Pod',true,['get']), R('pods/attach','PodAttachOptions',true,['create','get']), R('pods/exec','PodExecOptions',true,['create','get'])],
  'apps/v1': [R('deployments','Deployment',true,undefined,{shortNames:['deploy']}), R('replicasets','ReplicaSet',true,undefined,{shortNames:['rs']}), R('daemonsets','DaemonSet',true,undefined,{shortNames:['ds']}), R('statefulsets','StatefulSet',true,undefined,{shortNames:['sts']}), R('deployments/scale','Scale',true,['get','patch','update'])],
  'batch/v1': [R('jobs','Job',true), R('cronjobs','CronJob',true,undefined,{shortNames:['cj']})],
  'rbac.authorization.k8s.io/v1': [R('roles','Role',true), R('rolebindings','RoleBinding',true), R('clusterroles','ClusterRole',false), R('clusterrolebindings','ClusterRoleBinding',false)],
  'networking.k8s.io/v1': [R('ingresses','Ingress',true,undefined,{shortNames:['ing']}), R('networkpolicies','NetworkPolicy',true,undefined,{shortNames:['netpol']}), R('ingressclasses','IngressClass',false)],
  'policy/v1': [R('poddisruptionbudgets','PodDisruptionBudget',true,undefined,{shortNames:['pdb']})],
  'storage.k8s.io/v1': [R('storageclasses','StorageClass',false,undefined,{shortNames:['sc']})],
  'autoscaling/v2': [R('horizontalpodautoscalers','HorizontalPodAutoscaler',true,undefined,{shortNames:['hpa']})],
  'autoscaling/v1': [R('horizontalpodautoscalers','HorizontalPodAutoscaler',true,undefined,{shortNames:['hpa']})],
  'scheduling.k8s.io/v1': [R('priorityclasses','PriorityClass',false,undefined,{shortNames:['pc']})],
};
const send = (res, code, obj) => { res.writeHead(code, {'content-type':'application/json'}); res.end(JSON.stringify(obj)); };
http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const p = url.pathname;
    if (p === '/api') return send(res, 200, {kind:'APIVersions', versions:['v1'], serverAddressByClientCIDRs:[{clientCIDR:'0.0.0.0/0', serverAddress:'127.0.0.1:18080'}]});
  if (p === '/apis') {
    const gs = {};
    for (const gv of Object.keys(groups)) { if (!gv.includes('/')) continue; const [g,v] = gv.split('/'); (gs[g] ??= []).push({groupVersion: gv, version: v}); }
    return send(res, 200, {kind:'APIGroupList', apiVersion:'v1', groups: Object.entries(gs).map(([name, versions]) => ({name, versions, preferredVersion: versions[0]}))});
  }

  if (p === '/openapi/v3') {
    const paths = {};
    for (const gv of Object.keys(groups)) { const key = gv.includes('/') ? 'apis/' + gv : 'api/' + gv; paths[key] = { serverRelativeURL: '/openapi/v3/' + key + '?hash=1' }; }
    return send(res, 200, { paths });
  }
  let mm;
  if ((mm = p.match(/^\/openapi\/v3\/(api|apis)\/(.+)$/))) {
    const gv = mm[2]; const rs = groups[gv] || []; const [g, v] = gv.includes('/') ? gv.split('/') : ['', gv];
    const paths = {};
    for (const r of rs) { if (r.name.includes('/')) continue;
      paths['/' + mm[1] + '/' + gv + '/' + r.name + '/{name}'] = { patch: { 'x-kubernetes-group-version-kind': { group: g, version: v, kind: r.kind }, parameters: [ { name: 'fieldValidation', in: 'query', schema: { type: 'string' } } ], responses: {} } };
    }
    return send(res, 200, { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.33.0' }, paths, components: {} });
  }
  let m;
  if (p === '/api/v1') return send(res, 200, {kind:'APIResourceList', groupVersion:'v1', resources: groups['v1']});
  if ((m = p.match(/^\/apis\/([^/]+\/[^/]+)$/)) && groups[m[1]]) return send(res, 200, {kind:'APIResourceList', apiVersion:'v1', groupVersion:m[1], resources: groups[m[1]]});
  // object fetch: serve from objects dir by last two path segments resource/name
  const segs = p.split('/').filter(Boolean);
  if (req.method === 'GET' && segs.length >= 1) {
    // Lists: GET …/<resource> returns every object stored under <dir>/<resource>/.
    const dir = path.join(OBJECTS, segs[segs.length-1]);
    if (fs.existsSync(dir) && fs.statSync(dir).isDirectory()) {
      const items = fs.readdirSync(dir).sort().map(f => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
      const kind = (items[0]?.kind ?? 'Object') + 'List';
      return send(res, 200, { kind, apiVersion: items[0]?.apiVersion ?? 'v1', metadata: { resourceVersion: '42' }, items });
    }
  }
  if (req.method === 'GET' && segs.length >= 2) {
    const f = path.join(OBJECTS, segs[segs.length-2], segs[segs.length-1] + '.json');
    if (fs.existsSync(f)) return send(res, 200, JSON.parse(fs.readFileSync(f, 'utf8')));
  }
  if (req.method === 'POST' || req.method === 'PATCH' || req.method === 'PUT') {
    let body = ''; req.on('data', d => body += d); req.on('end', () => {
      let parsed;
      try { parsed = JSON.parse(body); } catch { return send(res, 400, {kind:'Status',apiVersion:'v1',status:'Failure',message:'bad body',reason:'BadRequest',code:400}); }
      if (req.method === 'PATCH' && segs.length >= 2) {
        // Merge the patch into the stored object (JSON merge patch semantics; lists replaced).
        const f = path.join(OBJECTS, segs[segs.length-2], segs[segs.length-1] + '.json');
        if (fs.existsSync(f)) {
          const merge = (t, p) => { if (p === null || typeof p !== 'object' || Array.isArray(p)) return p; const o = (t && typeof t === 'object' && !Array.isArray(t)) ? {...t} : {}; for (const [k, v] of Object.entries(p)) { if (k.startsWith('$')) continue; if (v === null) delete o[k]; else o[k] = merge(o[k], v); } return o; };
          return send(res, 200, merge(JSON.parse(fs.readFileSync(f, 'utf8')), parsed));
        }
      }
      send(res, 201, parsed);
    });
    return;
  }
  send(res, 404, {kind:'Status',apiVersion:'v1',status:'Failure',message:`${segs[segs.length-2]} "${segs[segs.length-1]}" not found`,reason:'NotFound',details:{name:segs[segs.length-1], kind:segs[segs.length-2]},code:404});
}).listen(PORT, '127.0.0.1', () => { if (process.send) process.send('ready'); });
