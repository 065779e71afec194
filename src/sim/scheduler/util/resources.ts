/**
 * Pod resource requests, as the scheduler computes them.
 *
 * Mirrors k8s.io/component-helpers/resource/helpers.go (PodRequests, AggregateContainerRequests:
 * sum of containers, max with each init container, restartable (sidecar) init containers added
 * to the sum; pod-level `spec.resources.requests` override for cpu/memory; `spec.overhead` added)
 * and pkg/scheduler/util/pod_resources.go (DefaultMilliCPURequest = 100, DefaultMemoryRequest =
 * 200Mi used as "non-zero" defaults for containers that omit cpu/memory requests).
 */
import type { Pod, Container, ResourceRequirements } from 'kubernetes-types/core/v1';
import { Quantity, parseQuantity } from '../../api/quantity.ts';

/** pkg/scheduler/util/pod_resources.go */
export const DefaultMilliCPURequest = 100;
/** 200 MB… precisely 200*1024*1024 bytes (pod_resources.go). */
export const DefaultMemoryRequest = 200 * 1024 * 1024;

export type QuantityMap = Map<string, Quantity>;
type RawResourceList = Readonly<Record<string, string | number>> | undefined;

const quantityCache = new Map<string, Quantity>();

/** parseQuantity memoised by string (requests repeat a lot: "100m", "128Mi"). */
export function cachedQuantity(q: string | number): Quantity {
  const key = typeof q === 'number' ? String(q) : q;
  let v = quantityCache.get(key);
  if (v === undefined) {
    v = parseQuantity(key);
    if (quantityCache.size < 10000) quantityCache.set(key, v);
  }
  return v;
}

export function toQuantityMap(rl: RawResourceList): QuantityMap {
  const m: QuantityMap = new Map();
  if (!rl) return m;
  for (const k of Object.keys(rl)) m.set(k, cachedQuantity(rl[k]));
  return m;
}

function addInto(dst: QuantityMap, src: QuantityMap): void {
  for (const [k, v] of src) {
    const cur = dst.get(k);
    dst.set(k, cur ? cur.add(v) : v);
  }
}

function maxInto(dst: QuantityMap, src: QuantityMap): void {
  for (const [k, v] of src) {
    const cur = dst.get(k);
    if (!cur || v.cmp(cur) > 0) dst.set(k, v);
  }
}

/** applyNonMissing: add the defaults for resources the container does not request at all. */
function applyNonMissing(reqs: QuantityMap, nonMissing: QuantityMap | undefined): QuantityMap {
  if (!nonMissing || nonMissing.size === 0) return reqs;
  const cp = new Map(reqs);
  for (const [k, v] of nonMissing) if (!reqs.has(k)) cp.set(k, v);
  return cp;
}

export interface PodResourcesOptions {
  /** Defaults for container requests that are missing (the scheduler's non-zero requests). */
  nonMissingContainerRequests?: QuantityMap;
  /** Ignore pod-level spec.resources (PodLevelResources feature off). */
  skipPodLevelResources?: boolean;
  excludeOverhead?: boolean;
}

/** Resources that may be set at pod level (IsSupportedPodLevelResource). */
const POD_LEVEL_RESOURCES = new Set(['cpu', 'memory']);

function podLevelResources(pod: Pod): ResourceRequirements | undefined {
  return (pod.spec as { resources?: ResourceRequirements } | undefined)?.resources;
}

/** resourcehelper.IsPodLevelRequestsSet */
export function isPodLevelRequestsSet(pod: Pod): boolean {
  const req = podLevelResources(pod)?.requests;
  if (!req) return false;
  for (const k of Object.keys(req)) if (POD_LEVEL_RESOURCES.has(k)) return true;
  return false;
}

function isRestartable(c: Container): boolean {
  return c.restartPolicy === 'Always';
}

/** resourcehelper.AggregateContainerRequests */
export function aggregateContainerRequests(pod: Pod, opts: PodResourcesOptions = {}): QuantityMap {
  const reqs: QuantityMap = new Map();
  const spec = pod.spec;
  for (const c of spec?.containers ?? []) {
    addInto(reqs, applyNonMissing(toQuantityMap(c.resources?.requests), opts.nonMissingContainerRequests));
  }
  const restartableInit: QuantityMap = new Map();
  const initReqs: QuantityMap = new Map();
  for (const c of spec?.initContainers ?? []) {
    let creqs = applyNonMissing(toQuantityMap(c.resources?.requests), opts.nonMissingContainerRequests);
    if (isRestartable(c)) {
      // sidecars run for the pod's lifetime: they add to the sum and to every later init step
      addInto(reqs, creqs);
      addInto(restartableInit, creqs);
      creqs = restartableInit;
    } else {
      const tmp: QuantityMap = new Map();
      addInto(tmp, creqs);
      addInto(tmp, restartableInit);
      creqs = tmp;
    }
    maxInto(initReqs, creqs);
  }
  maxInto(reqs, initReqs);
  return reqs;
}

/** resourcehelper.PodRequests */
export function podRequests(pod: Pod, opts: PodResourcesOptions = {}): QuantityMap {
  const reqs = aggregateContainerRequests(pod, opts);
  if (!opts.skipPodLevelResources && isPodLevelRequestsSet(pod)) {
    const plr = podLevelResources(pod)!.requests!;
    for (const k of Object.keys(plr)) if (POD_LEVEL_RESOURCES.has(k)) reqs.set(k, cachedQuantity(plr[k]));
  }
  if (!opts.excludeOverhead && pod.spec?.overhead) addInto(reqs, toQuantityMap(pod.spec.overhead));
  return reqs;
}

/** The non-zero defaults as a ResourceList (schedutil.DefaultMilliCPURequest / DefaultMemoryRequest). */
export const NON_ZERO_DEFAULTS: QuantityMap = new Map([
  ['cpu', Quantity.fromMilli(DefaultMilliCPURequest)],
  ['memory', Quantity.fromValue(DefaultMemoryRequest)],
]);

/** getNonMissingContainerRequests (framework/types.go): with pod-level requests only the unset ones get defaults. */
export function nonMissingContainerRequests(requests: QuantityMap, podLevelSet: boolean): QuantityMap {
  if (!podLevelSet) return NON_ZERO_DEFAULTS;
  const m: QuantityMap = new Map();
  if (!requests.has('cpu')) m.set('cpu', NON_ZERO_DEFAULTS.get('cpu')!);
  if (!requests.has('memory')) m.set('memory', NON_ZERO_DEFAULTS.get('memory')!);
  return m;
}

// ---------------------------------------------------------------------------------------------
// numeric fast path

interface NumericQuantity {
  milli: number;
  value: number;
  /** the value is a whole number of millis (so Σ milliValue = milliValue of Σ) */
  exactMilli: boolean;
  /** the value is a whole number */
  exactValue: boolean;
}

const numericCache = new Map<string, NumericQuantity | null>();

function numeric(q: string | number): NumericQuantity | null {
  const key = typeof q === 'number' ? String(q) : q;
  let v = numericCache.get(key);
  if (v === undefined) {
    let quantity: Quantity | null = null;
    try {
      quantity = cachedQuantity(key);
    } catch {
      quantity = null;
    }
    if (!quantity) v = null;
    else {
      const m = quantity.mantissa;
      const sc = quantity.scale;
      const exactAt = (s: number) => sc >= s || m % 10n ** BigInt(s - sc) === 0n;
      const milli = quantity.milliValue();
      const value = quantity.value();
      v = Number.isSafeInteger(milli) && Number.isSafeInteger(value) ? { milli, value, exactMilli: exactAt(-3), exactValue: exactAt(0) } : null;
    }
    if (numericCache.size < 10000) numericCache.set(key, v);
  }
  return v;
}

/** Numbers for PodInfo: requests (cpu in millis, the rest in units) and the non-zero cpu/memory. */
export interface FastRequests {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  scalar: Map<string, number> | null;
  non0CPU: number;
  non0Mem: number;
}

/**
 * The same numbers as Resource.fromQuantityMap(podRequests(pod)) and the non-zero requests, without
 * BigInt arithmetic — for the common pod shape (no init containers, no overhead, no pod-level
 * resources, every quantity exact at its unit). Returns null when the slow path is needed.
 */
export function fastPodRequests(pod: Pod): FastRequests | null {
  const spec = pod.spec;
  if (!spec) return null;
  if ((spec.initContainers && spec.initContainers.length > 0) || spec.overhead) return null;
  let cpu = 0;
  let mem = 0;
  let eph = 0;
  let n0cpu = 0;
  let n0mem = 0;
  let scalar: Map<string, number> | null = null;
  for (const c of spec.containers ?? []) {
    const req = c.resources?.requests;
    let hasCpu = false;
    let hasMem = false;
    if (req) {
      for (const k of Object.keys(req)) {
        const nq = numeric(req[k]);
        if (nq === null) return null;
        if (k === 'cpu') {
          if (!nq.exactMilli) return null;
          cpu += nq.milli;
          n0cpu += nq.milli;
          hasCpu = true;
        } else {
          if (!nq.exactValue) return null;
          if (k === 'memory') {
            mem += nq.value;
            n0mem += nq.value;
            hasMem = true;
          } else if (k === 'ephemeral-storage') {
            eph += nq.value;
          } else if (k !== 'pods' && isScalarResourceName(k)) {
            if (!scalar) scalar = new Map();
            scalar.set(k, (scalar.get(k) ?? 0) + nq.value);
          } else if (k === 'pods') {
            return null;
          }
        }
      }
    }
    if (!hasCpu) n0cpu += DefaultMilliCPURequest;
    if (!hasMem) n0mem += DefaultMemoryRequest;
  }
  return { milliCPU: cpu, memory: mem, ephemeralStorage: eph, scalar, non0CPU: n0cpu, non0Mem: n0mem };
}

// ---------------------------------------------------------------------------------------------
// resource names (pkg/apis/core/v1/helper/helpers.go)

const DEFAULT_RESOURCE_REQUESTS_PREFIX = 'requests.';
const QUALIFIED_NAME_RE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function isQualifiedNameQuick(v: string): boolean {
  const parts = v.split('/');
  if (parts.length > 2) return false;
  const name = parts[parts.length - 1];
  if (parts.length === 2 && (parts[0].length === 0 || parts[0].length > 253 || !DNS1123_SUBDOMAIN_RE.test(parts[0]))) return false;
  return name.length > 0 && name.length <= 63 && QUALIFIED_NAME_RE.test(name);
}

export function isPrefixedNativeResource(name: string): boolean {
  return name.includes('kubernetes.io/');
}

export function isNativeResource(name: string): boolean {
  return !name.includes('/') || isPrefixedNativeResource(name);
}

export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith(DEFAULT_RESOURCE_REQUESTS_PREFIX)) return false;
  return isQualifiedNameQuick(DEFAULT_RESOURCE_REQUESTS_PREFIX + name);
}

export function isHugePageResourceName(name: string): boolean {
  return name.startsWith('hugepages-');
}

export function isAttachableVolumeResourceName(name: string): boolean {
  return name.startsWith('attachable-volumes-');
}

/** schedutil.IsScalarResourceName */
export function isScalarResourceName(name: string): boolean {
  return isExtendedResourceName(name) || isHugePageResourceName(name) || isPrefixedNativeResource(name) || isAttachableVolumeResourceName(name);
}
