/** Registers every resource's strategy with the API server (the registry of pkg/registry/*). */
import { defaultLimitRange, defaultNamespace, defaultSecret } from '../../api/defaults/core.ts';
import type { KubeObject } from '../../api/object.ts';
import { validateTaintEffect } from '../../api/validation/core.ts';
import { invalid, required, type FieldError } from '../../api/validation/field.ts';
import { isConfigMapKey, isQualifiedName } from '../../api/validation/names.ts';
import type { ApiServer } from '../server.ts';
import type { Strategy } from '../types.ts';
import { cronJobStrategy, jobStrategy } from './batch.ts';
import { eventStrategy } from './events.ts';
import { podStrategy } from './pods.ts';
import { priorityClassStrategy } from './scheduling.ts';
import { ServiceAllocators, serviceStrategy } from './services.ts';
import { daemonSetStrategy, deploymentStrategy, replicaSetStrategy, replicationControllerStrategy } from './workloads.ts';

type Obj = Record<string, unknown>;

const namespaceStrategy: Strategy = {
  defaults: defaultNamespace,
  pendingDelete(obj) {
    const fin = (obj.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
    if (!fin.length) return false;
    obj.status = { ...((obj.status as Obj) ?? {}), phase: 'Terminating' };
    return true;
  },
  prepareForCreate(obj) {
    obj.status = { phase: 'Active' };
  },
  prepareForStatusUpdate(obj, old) {
    obj.spec = old.spec;
  },
};

const nodeStrategy: Strategy = {
  validate(obj) {
    const errs: FieldError[] = [];
    const taints = ((obj.spec as Obj | undefined)?.taints ?? []) as { key?: string; effect?: string; value?: string }[];
    const seen = new Set<string>();
    taints.forEach((t, i) => {
      if (!t.key) errs.push(required(`spec.taints[${i}].key`));
      else for (const m of isQualifiedName(t.key)) errs.push(invalid(`spec.taints[${i}].key`, t.key, m));
      if (!t.effect) errs.push(required(`spec.taints[${i}].effect`));
      else errs.push(...validateTaintEffect(t.effect, `spec.taints[${i}].effect`));
      const k = `${t.key}:${t.effect}`;
      if (seen.has(k)) errs.push({ type: 'FieldValueDuplicate', field: `spec.taints[${i}]`, value: t, detail: 'taints must be unique by key and effect pair' });
      seen.add(k);
    });
    return errs;
  },
  prepareForStatusUpdate(obj, old) {
    obj.spec = old.spec;
  },
};

function keysValid(data: Obj | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of Object.keys(data ?? {})) for (const m of isConfigMapKey(k)) errs.push(invalid(path, k, m));
  return errs;
}

const configMapStrategy: Strategy = {
  validate: (obj) => [...keysValid(obj.data as Obj, 'data'), ...keysValid(obj.binaryData as Obj, 'binaryData')],
};

const secretStrategy: Strategy = {
  defaults(obj) {
    defaultSecret(obj);
    // stringData is write-only: merged into data (base64) and dropped (pkg/apis/core/v1/conversion.go).
    const sd = obj.stringData as Record<string, string> | undefined;
    if (sd) {
      const data = ((obj.data as Record<string, string> | undefined) ?? {}) as Record<string, string>;
      for (const [k, v] of Object.entries(sd)) data[k] = base64(String(v));
      obj.data = data;
      delete obj.stringData;
    }
  },
  validate: (obj) => keysValid(obj.data as Obj, 'data'),
  validateUpdate(obj, old) {
    const errs = keysValid(obj.data as Obj, 'data');
    if ((old as Obj).immutable === true && JSON.stringify(obj.data) !== JSON.stringify(old.data)) {
      errs.push({ type: 'FieldValueForbidden', field: 'data', value: '', detail: 'field is immutable when `immutable` is set' });
    }
    if (obj.type !== old.type) errs.push(invalid('type', obj.type, 'field is immutable'));
    return errs;
  },
};

export function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

const statusOnly = (prepare?: (o: KubeObject) => void): Strategy => ({
  prepareForCreate: prepare,
  prepareForStatusUpdate(obj, old) {
    obj.spec = old.spec;
  },
});

/**
 * pkg/registry/discovery/endpointslice strategy: generation 1 on create, one more whenever the
 * endpoints, ports, address type or labels change (a slice has no spec for the generic rule to look at).
 */
const endpointSliceStrategy: Strategy = {
  prepareForCreate(obj) {
    obj.metadata.generation = 1;
  },
  prepareForUpdate(obj, old) {
    const o = obj as Obj;
    const p = old as Obj;
    const same = JSON.stringify([o.endpoints, o.ports, o.addressType, obj.metadata.labels]) === JSON.stringify([p.endpoints, p.ports, p.addressType, old.metadata.labels]);
    obj.metadata.generation = (old.metadata.generation ?? 0) + (same ? 0 : 1);
  },
};

export function registerAll(server: ApiServer): ServiceAllocators {
  const alloc = new ServiceAllocators();
  server.registerStrategy('', 'pods', podStrategy);
  server.registerStrategy('', 'events', eventStrategy);
  server.registerStrategy('events.k8s.io', 'events', eventStrategy);
  server.registerStrategy('', 'services', serviceStrategy(alloc));
  server.registerStrategy('', 'namespaces', namespaceStrategy);
  server.registerStrategy('', 'nodes', nodeStrategy);
  server.registerStrategy('', 'configmaps', configMapStrategy);
  server.registerStrategy('', 'secrets', secretStrategy);
  server.registerStrategy('', 'replicationcontrollers', replicationControllerStrategy);
  server.registerStrategy('', 'limitranges', { defaults: defaultLimitRange });
  server.registerStrategy('', 'resourcequotas', statusOnly((o) => void delete o.status));
  server.registerStrategy('apps', 'deployments', deploymentStrategy);
  server.registerStrategy('apps', 'replicasets', replicaSetStrategy);
  server.registerStrategy('apps', 'daemonsets', daemonSetStrategy);
  server.registerStrategy('batch', 'jobs', jobStrategy);
  server.registerStrategy('batch', 'cronjobs', cronJobStrategy);
  server.registerStrategy('scheduling.k8s.io', 'priorityclasses', priorityClassStrategy);
  server.registerStrategy('discovery.k8s.io', 'endpointslices', endpointSliceStrategy);
  return alloc;
}
