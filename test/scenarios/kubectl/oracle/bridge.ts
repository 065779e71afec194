// Test tooling, not part of the simulator: serves a simulated cluster over HTTP (discovery, OpenAPI v3 stubs,
// REST verbs, pods/eviction, the scale subresource) so a real kubectl binary can run against it.
// usage: node bridge.ts PORT SETUP_SCRIPT [SEED]   (simulated time runs at BRIDGE_SPEED x real time; no watch)
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { Session } from '../../../../src/sim/session.ts';
import { RESOURCES } from '../../../../src/sim/api/resources.ts';
import { parseJSON } from '../../../../src/sim/api/schema/json.ts';
function goJsonError(b: string): string { try { parseJSON(b); return 'bad json'; } catch (e) { return (e as Error).message; } }

const [portArg, setupFile, seedArg] = process.argv.slice(2);
const session = new Session({ seed: Number(seedArg ?? 1) });
const setup = setupFile ? readFileSync(setupFile, 'utf8') : '';
const log = Session.format(session.run(setup));
if (process.env.BRIDGE_VERBOSE) process.stderr.write(log);
const server = session.cluster.server;
const clock = session.cluster.clock;
const SPEED = Number(process.env.BRIDGE_SPEED ?? 1);
setInterval(() => clock.advance(100 * SPEED), 100);

type R = (typeof RESOURCES)[number];
const gvs = new Map<string, R[]>();
for (const r of RESOURCES) {
  const gv = r.group ? `${r.group}/${r.version}` : r.version;
  if (!gvs.has(gv)) gvs.set(gv, []);
  gvs.get(gv)!.push(r);
}
if (!gvs.has('policy/v1')) gvs.set('policy/v1', []);
if (!gvs.has('autoscaling/v1')) gvs.set('autoscaling/v1', []);

function apiResources(gv: string) {
  const out: unknown[] = [];
  for (const r of gvs.get(gv) ?? []) {
    out.push({ name: r.resource, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs, shortNames: r.shortNames.length ? r.shortNames : undefined, categories: r.categories.length ? r.categories : undefined });
    for (const sub of r.subresources) {
      const kind = sub === 'scale' ? 'Scale' : sub === 'eviction' ? 'Eviction' : sub === 'binding' ? 'Binding' : r.kind;
      const extra = sub === 'scale' ? { group: 'autoscaling', version: 'v1' } : sub === 'eviction' ? { group: 'policy', version: 'v1' } : {};
      out.push({ name: `${r.resource}/${sub}`, singularName: '', namespaced: r.namespaced, kind, verbs: sub === 'eviction' || sub === 'binding' ? ['create'] : ['get', 'patch', 'update'], ...extra });
    }
  }
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources: out };
}

const send = (res: http.ServerResponse, code: number, obj: unknown) => {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(obj));
};

function scaleOf(o: any) {
  return { kind: 'Scale', apiVersion: 'autoscaling/v1', metadata: { name: o.metadata.name, namespace: o.metadata.namespace, uid: o.metadata.uid, resourceVersion: o.metadata.resourceVersion, creationTimestamp: o.metadata.creationTimestamp }, spec: { replicas: o.spec?.replicas ?? 0 }, status: { replicas: o.status?.replicas ?? 0, selector: '' } };
}

http
  .createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      const url = new URL(req.url!, 'http://x');
      const p = url.pathname;
      if (process.env.BRIDGE_VERBOSE) process.stderr.write(`${req.method} ${req.url}\n`);
      if (p === '/version') return send(res, 200, { major: '1', minor: '35', gitVersion: 'v1.35.0', platform: 'linux/amd64' });
      if (p === '/api') return send(res, 200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] });
      if (p === '/apis') {
        const gs = new Map<string, string[]>();
        for (const gv of gvs.keys()) if (gv.includes('/')) {
          const [g, v] = gv.split('/');
          gs.set(g, [...(gs.get(g) ?? []), v]);
        }
        return send(res, 200, { kind: 'APIGroupList', apiVersion: 'v1', groups: [...gs].map(([name, vs]) => ({ name, versions: vs.map((v) => ({ groupVersion: `${name}/${v}`, version: v })), preferredVersion: { groupVersion: `${name}/${vs[0]}`, version: vs[0] } })) });
      }
      if (p === '/openapi/v3') {
        const paths: Record<string, unknown> = {};
        for (const gv of gvs.keys()) paths[gv.includes('/') ? 'apis/' + gv : 'api/' + gv] = { serverRelativeURL: '/openapi/v3/' + (gv.includes('/') ? 'apis/' : 'api/') + gv + '?hash=1' };
        return send(res, 200, { paths });
      }
      let m: RegExpMatchArray | null;
      if ((m = p.match(/^\/openapi\/v3\/(api|apis)\/(.+)$/))) {
        const gv = m[2];
        const [g, v] = gv.includes('/') ? gv.split('/') : ['', gv];
        const paths: Record<string, unknown> = {};
        for (const r of gvs.get(gv) ?? []) paths[`/${m[1]}/${gv}/${r.resource}/{name}`] = { patch: { 'x-kubernetes-group-version-kind': { group: g, version: v, kind: r.kind }, parameters: [{ name: 'fieldValidation', in: 'query', schema: { type: 'string' } }, { name: 'dryRun', in: 'query', schema: { type: 'string' } }], responses: {} } };
        return send(res, 200, { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.35.0' }, paths, components: {} });
      }
      if (p === '/api/v1') return send(res, 200, apiResources('v1'));
      if ((m = p.match(/^\/apis\/([^/]+\/[^/]+)$/)) && gvs.has(m[1])) return send(res, 200, apiResources(m[1]));

      // resource paths
      let group = '';
      let version = 'v1';
      let rest: string[];
      if (p.startsWith('/api/v1/')) rest = p.slice('/api/v1/'.length).split('/').filter(Boolean);
      else if ((m = p.match(/^\/apis\/([^/]+)\/([^/]+)\/(.*)$/))) {
        group = m[1];
        version = m[2];
        rest = m[3].split('/').filter(Boolean);
      } else return send(res, 404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 });
      let namespace: string | undefined;
      if (rest[0] === 'namespaces' && rest.length >= 3) {
        namespace = rest[1];
        rest = rest.slice(2);
      }
      const [resource, name, sub] = rest;
      const q = url.searchParams;
      const dryRun = q.get('dryRun') === 'All';
      const fieldValidation = (q.get('fieldValidation') as 'Strict' | 'Warn' | 'Ignore' | null) ?? 'Ignore';
      if (q.get('watch') === 'true' || q.get('watch') === '1') return send(res, 405, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'watch not supported by bridge', reason: 'MethodNotAllowed', code: 405 });
      let parsed: any;
      try {
        parsed = body ? JSON.parse(body) : undefined;
      } catch (e) {
        if (req.method === 'DELETE') parsed = undefined;
        else return send(res, 400, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: goJsonError(body), reason: 'BadRequest', code: 400 });
      }
      const base = { group, version, resource, namespace, name, dryRun, fieldValidation };
      const info = RESOURCES.find((r) => r.group === group && r.resource === resource);
      let r;
      try {
        if (sub === 'scale' && info) {
          if (!info.subresources.includes('scale')) return send(res, 404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 });
          if (req.method === 'GET') {
            r = server.handle({ ...base, verb: 'get' });
            return send(res, r.code, r.code < 400 ? scaleOf(r.body) : r.body);
          }
          const replicas = parsed?.spec?.replicas;
          r = server.handle({ ...base, verb: 'patch', patchType: 'merge', body: { spec: { replicas } } });
          return send(res, r.code, r.code < 400 ? scaleOf(r.body) : r.body);
        }
        switch (req.method) {
          case 'GET':
            r = name ? server.handle({ ...base, verb: 'get' }) : server.handle({ ...base, verb: 'list', labelSelector: q.get('labelSelector') || undefined, fieldSelector: q.get('fieldSelector') || undefined });
            break;
          case 'POST':
            r = server.handle({ ...base, verb: 'create', subresource: sub, body: parsed });
            break;
          case 'PUT':
            r = server.handle({ ...base, verb: 'update', subresource: sub, body: parsed });
            break;
          case 'PATCH': {
            const ct = req.headers['content-type'] ?? '';
            const patchType = ct.includes('strategic') ? 'strategic' : ct.includes('json-patch') ? 'json' : ct.includes('merge-patch') ? 'merge' : 'apply';
            r = server.handle({ ...base, verb: 'patch', subresource: sub, patchType, body: parsed });
            break;
          }
          case 'DELETE':
            r = server.handle({ ...base, verb: 'delete', gracePeriodSeconds: parsed?.gracePeriodSeconds ?? (q.get('gracePeriodSeconds') ? Number(q.get('gracePeriodSeconds')) : undefined), propagationPolicy: parsed?.propagationPolicy, dryRun: dryRun || (parsed?.dryRun ?? []).includes('All') });
            break;
          default:
            return send(res, 405, {});
        }
      } catch (e) {
        return send(res, 500, { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: String(e), code: 500 });
      }
      clock.settle();
      send(res, r.code, r.body);
    });
  })
  .listen(Number(portArg), '127.0.0.1', () => process.stderr.write(`bridge ready on ${portArg}\n`));
