/**
 * services: pkg/registry/core/service (REST + ipallocator + portallocator).
 * ClusterIPs come from 10.96.0.0/12 (kubeadm's default service subnet); NodePorts from 30000-32767.
 */
import type { ServicePort } from 'kubernetes-types/core/v1';
import { defaultService } from '../../api/defaults/core.ts';
import { jsonEqual, type KubeObject } from '../../api/object.ts';
import { duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../../api/validation/field.ts';
import { isDNS1123Label, isQualifiedName, isValidLabelValue } from '../../api/validation/names.ts';
import type { ServerContext, Strategy } from '../types.ts';
import * as errors from '../errors.ts';

type Spec = {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ports?: ServicePort[];
  selector?: Record<string, string>;
  ipFamilies?: string[];
  ipFamilyPolicy?: string;
  externalName?: string;
};

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;
const SERVICE_CIDR_BASE = (10 << 24) | (96 << 16); // 10.96.0.0
const SERVICE_CIDR_SIZE = 1 << 20; // /12

export class ServiceAllocators {
  private ips = new Set<string>();
  private ports = new Set<number>();

  ipInUse(ip: string) {
    return this.ips.has(ip);
  }
  reserveIP(ip: string) {
    this.ips.add(ip);
  }
  releaseIP(ip: string) {
    this.ips.delete(ip);
  }
  /** Random free IP above the static band (ipallocator: offset min(max(16, size/16), 256)). */
  allocateIP(ctx: ServerContext): string {
    const offset = 256;
    for (;;) {
      const n = offset + ctx.rng.stream('cluster-ips').intn(SERVICE_CIDR_SIZE - offset - 1);
      const v = SERVICE_CIDR_BASE + n;
      const ip = `${(v >>> 24) & 255}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
      if (!this.ips.has(ip)) {
        this.ips.add(ip);
        return ip;
      }
    }
  }
  portInUse(p: number) {
    return this.ports.has(p);
  }
  reservePort(p: number) {
    this.ports.add(p);
  }
  releasePort(p: number) {
    this.ports.delete(p);
  }
  /** Random free NodePort, upper band first (portallocator calculateRangeOffset: 86 for the default range). */
  allocatePort(ctx: ServerContext): number {
    const size = NODE_PORT_MAX - NODE_PORT_MIN + 1;
    const offset = Math.min(Math.max(16, Math.floor(size / 32)), 128);
    for (let tries = 0; tries < size * 2; tries++) {
      const p = NODE_PORT_MIN + offset + ctx.rng.stream('node-ports').intn(size - offset);
      if (!this.ports.has(p)) {
        this.ports.add(p);
        return p;
      }
    }
    for (let p = NODE_PORT_MIN; p <= NODE_PORT_MAX; p++) {
      if (!this.ports.has(p)) {
        this.ports.add(p);
        return p;
      }
    }
    throw errors.internalError('range is full');
  }
}

function validateService(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec = obj.spec as Spec;
  if (!spec.type || !TYPES.includes(spec.type)) errs.push(notSupported('spec.type', spec.type ?? '', TYPES));
  if (spec.type === 'ExternalName') {
    if (!spec.externalName) errs.push(required('spec.externalName'));
    return errs;
  }
  const ports = spec.ports ?? [];
  if (!ports.length && spec.clusterIP !== 'None') errs.push(required('spec.ports'));
  const names = new Set<string>();
  const seen = new Set<string>();
  ports.forEach((p, i) => {
    const pp = `spec.ports[${i}]`;
    if (ports.length > 1 && !p.name) errs.push(required(`${pp}.name`));
    if (p.name) {
      for (const m of isDNS1123Label(p.name)) errs.push(invalid(`${pp}.name`, p.name, m));
      if (names.has(p.name)) errs.push(duplicate(`${pp}.name`, p.name));
      names.add(p.name);
    }
    if (!p.port) errs.push(required(`${pp}.port`));
    else if (p.port < 1 || p.port > 65535) errs.push(invalid(`${pp}.port`, p.port, 'must be between 1 and 65535, inclusive'));
    if (p.protocol && !['SCTP', 'TCP', 'UDP'].includes(p.protocol)) errs.push(notSupported(`${pp}.protocol`, p.protocol, ['SCTP', 'TCP', 'UDP']));
    if (typeof p.targetPort === 'number' && (p.targetPort < 1 || p.targetPort > 65535)) errs.push(invalid(`${pp}.targetPort`, p.targetPort, 'must be between 1 and 65535, inclusive'));
    if (p.nodePort !== undefined && p.nodePort !== 0) {
      if (spec.type === 'ClusterIP') errs.push(forbidden(`${pp}.nodePort`, 'may not be used when `type` is \'ClusterIP\''));
    }
    const key = `${p.port}/${p.protocol}`;
    if (seen.has(key)) errs.push(duplicate(`spec.ports[${i}]`, { port: p.port, protocol: p.protocol }));
    seen.add(key);
  });
  for (const [k, v] of Object.entries(spec.selector ?? {})) {
    for (const m of isQualifiedName(k)) errs.push(invalid('spec.selector', k, m));
    for (const m of isValidLabelValue(String(v))) errs.push(invalid('spec.selector', v, m));
  }
  return errs;
}

const needsClusterIP = (spec: Spec) => spec.type !== 'ExternalName';
const needsNodePort = (spec: Spec) => spec.type === 'NodePort' || spec.type === 'LoadBalancer';
const externallyAccessible = (spec: Spec) => needsNodePort(spec) || (spec.type === 'ClusterIP' && ((spec as { externalIPs?: string[] }).externalIPs?.length ?? 0) > 0);

/**
 * pkg/registry/core/service/strategy.go dropTypeDependentFields: a type change clears the fields the
 * new type does not use — when the user left them as they were (then validation speaks instead).
 */
function dropTypeDependentFields(obj: KubeObject, old: KubeObject): void {
  const spec = obj.spec as Spec & Record<string, unknown>;
  const oldSpec = old.spec as Spec & Record<string, unknown>;
  if (needsClusterIP(oldSpec) && !needsClusterIP(spec)) {
    if (spec.clusterIP === oldSpec.clusterIP && jsonEqual(spec.clusterIPs, oldSpec.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (jsonEqual(spec.ipFamilies, oldSpec.ipFamilies)) delete spec.ipFamilies;
    if (spec.ipFamilyPolicy === oldSpec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(oldSpec) && !needsNodePort(spec)) {
    // sameNodePorts: no net-new NodePort values.
    const oldPorts = new Set((oldSpec.ports ?? []).map((p) => p.nodePort).filter(Boolean));
    if ((spec.ports ?? []).every((p) => !p.nodePort || oldPorts.has(p.nodePort))) for (const p of spec.ports ?? []) delete p.nodePort;
  }
  if (oldSpec.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts !== undefined && spec.allocateLoadBalancerNodePorts === oldSpec.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (jsonEqual(spec.loadBalancerClass, oldSpec.loadBalancerClass)) delete spec.loadBalancerClass;
  }
  if (externallyAccessible(oldSpec) && !externallyAccessible(spec) && spec.externalTrafficPolicy === oldSpec.externalTrafficPolicy) delete spec.externalTrafficPolicy;
  if (spec.type !== 'LoadBalancer') obj.status = { loadBalancer: {} };
}

/**
 * storage.go patchAllocatedValues: values the server allocated are kept when the update leaves them
 * out (a resubmitted manifest) — the ClusterIPs, and each port's NodePort by port name unless
 * another port of the update uses it.
 */
function patchAllocatedValues(spec: Spec, oldSpec: Spec): void {
  if (needsClusterIP(oldSpec) && needsClusterIP(spec)) {
    if (!spec.clusterIP) spec.clusterIP = oldSpec.clusterIP;
    if (!spec.clusterIPs?.length && oldSpec.clusterIPs?.length) spec.clusterIPs = oldSpec.clusterIPs;
  }
  if (needsNodePort(oldSpec) && needsNodePort(spec)) {
    const newPorts = new Set((spec.ports ?? []).map((p) => p.nodePort).filter(Boolean));
    const used = new Set((oldSpec.ports ?? []).map((p) => p.nodePort).filter((n) => n && newPorts.has(n)));
    const byName = new Map((oldSpec.ports ?? []).map((p) => [p.name ?? '', p.nodePort]));
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue;
      const prev = byName.get(p.name ?? '');
      if (prev && !used.has(prev)) p.nodePort = prev;
    }
  }
}

/**
 * A NodePort for each port of a NodePort/LoadBalancer Service (portallocator): the next free one
 * where none is given; a given one not `held` already is checked for range and use, then reserved.
 */
function allocateNodePorts(alloc: ServiceAllocators, obj: KubeObject, ctx: ServerContext, held: Set<number>): void {
  ((obj.spec as Spec).ports ?? []).forEach((p, i) => {
    if (!p.nodePort) p.nodePort = alloc.allocatePort(ctx);
    else if (!held.has(p.nodePort)) {
      if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
        throw errors.invalid('', 'Service', obj.metadata.name ?? '', [invalid(`spec.ports[${i}].nodePort`, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`)]);
      }
      if (alloc.portInUse(p.nodePort)) {
        throw errors.invalid('', 'Service', obj.metadata.name ?? '', [invalid(`spec.ports[${i}].nodePort`, p.nodePort, 'provided port is already allocated')]);
      }
      alloc.reservePort(p.nodePort);
    }
  });
}

export function serviceStrategy(alloc: ServiceAllocators): Strategy {
  return {
    defaults: (obj) => defaultService(obj),
    prepareForCreate(obj, ctx) {
      obj.status = { loadBalancer: {} };
      const spec = obj.spec as Spec;
      const verrs = validateService(obj);
      if (verrs.length) return; // validation reports them; allocate nothing
      if (spec.type !== 'ExternalName') {
        if (spec.clusterIP === 'None') spec.clusterIPs = ['None'];
        else if (spec.clusterIP) {
          if (alloc.ipInUse(spec.clusterIP)) {
            throw errors.invalid('', 'Service', obj.metadata.name ?? '', [invalid('spec.clusterIPs', [spec.clusterIP], 'failed to allocate IP ' + spec.clusterIP + ': provided IP is already allocated')]);
          }
          alloc.reserveIP(spec.clusterIP);
          spec.clusterIPs = [spec.clusterIP];
        } else {
          spec.clusterIP = alloc.allocateIP(ctx);
          spec.clusterIPs = [spec.clusterIP];
        }
        spec.ipFamilies ??= ['IPv4'];
        spec.ipFamilyPolicy ??= 'SingleStack';
      }
      if (needsNodePort(spec)) allocateNodePorts(alloc, obj, ctx, new Set());
    },
    validate: validateService,
    validateUpdate(obj, old) {
      const errs = validateService(obj);
      const spec = obj.spec as Spec;
      const oldSpec = old.spec as Spec;
      if (spec.clusterIP && oldSpec.clusterIP && spec.clusterIP !== oldSpec.clusterIP && needsClusterIP(spec) && needsClusterIP(oldSpec)) {
        errs.push(invalid('spec.clusterIPs[0]', spec.clusterIP, 'may not change once set'));
      }
      return errs;
    },
    prepareForUpdate(obj, old, ctx) {
      const spec = obj.spec as Spec;
      const oldSpec = old.spec as Spec;
      dropTypeDependentFields(obj, old);
      patchAllocatedValues(spec, oldSpec);
      if (needsClusterIP(spec)) {
        spec.ipFamilies ??= oldSpec.ipFamilies;
        spec.ipFamilyPolicy ??= oldSpec.ipFamilyPolicy;
      }
      if (validateService(obj).length) return; // validation reports them; allocate nothing
      // storage.go allocateUpdate: a ClusterIP for a Service that now needs one, NodePorts
      // (updateNodePorts) for each port without one, the given ones reserved when new.
      if (needsClusterIP(spec) && !spec.clusterIP) {
        spec.clusterIP = alloc.allocateIP(ctx);
        spec.clusterIPs = [spec.clusterIP];
        spec.ipFamilies ??= ['IPv4'];
        spec.ipFamilyPolicy ??= 'SingleStack';
      }
      if (!needsNodePort(spec)) return;
      allocateNodePorts(alloc, obj, ctx, new Set((oldSpec.ports ?? []).map((p) => p.nodePort).filter((n) => n !== undefined)));
    },
    finishWrite(obj, old, stored) {
      const [gone, kept] = stored ? [old, obj] : [obj, old];
      if (!gone) return;
      const keptIPs = new Set(kept ? ((kept.spec as Spec).clusterIPs ?? []) : []);
      const keptPorts = new Set(kept ? ((kept.spec as Spec).ports ?? []).map((p) => p.nodePort) : []);
      const spec = gone.spec as Spec;
      for (const ip of spec.clusterIPs ?? []) if (ip !== 'None' && !keptIPs.has(ip)) alloc.releaseIP(ip);
      for (const p of spec.ports ?? []) if (p.nodePort && !keptPorts.has(p.nodePort)) alloc.releasePort(p.nodePort);
    },
    afterDelete(obj) {
      const spec = obj.spec as Spec;
      for (const ip of spec.clusterIPs ?? []) if (ip !== 'None') alloc.releaseIP(ip);
      for (const p of spec.ports ?? []) if (p.nodePort) alloc.releasePort(p.nodePort);
    },
  };
}
