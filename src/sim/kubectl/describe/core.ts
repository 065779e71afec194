/**
 * Describers for core objects without pods of their own, ported from
 * k8s.io/kubectl/pkg/describe/describe.go (v1.35): Namespace (with DescribeResourceQuotas and
 * DescribeLimitRanges), ResourceQuota, LimitRange, ConfigMap, Secret, ServiceAccount,
 * PersistentVolume, PersistentVolumeClaim, PriorityClass.
 */
import type { KubeObject } from '../../api/object.ts';
import { parseQuantity, Quantity } from '../../api/quantity.ts';
import { type DescribeClient, resourceInfo } from './client.ts';
import { goSort } from './gosort.ts';
import { accessModesString, printCSIVolumeSource, printHostPathVolumeSource, printPersistentVolumeClaim } from './pod.ts';
import { LEVEL_0, LEVEL_1, LEVEL_2, newPrefixWriter, type PrefixWriter } from './prefixwriter.ts';
import { tabbedString } from './tabwriter.ts';
import {
  describeEvents,
  type DescriberSettings,
  formatLabels,
  goSlice,
  type Obj,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printPodsMultiline,
  quantityString,
  refOf,
  rfc1123z,
  searchEvents,
  since,
} from './util.ts';

// ---- Namespace ---------------------------------------------------------------------------------

export function describeNamespaceByName(client: DescribeClient, name: string): string {
  const ns = client.get(resourceInfo('namespaces'), undefined, name);
  const quotas = client.list(resourceInfo('resourcequotas'), name);
  const limits = client.list(resourceInfo('limitranges'), name);
  return describeNamespace(ns, quotas, limits);
}

export function describeNamespace(ns: KubeObject, quotas: KubeObject[] | undefined, limits: KubeObject[] | undefined): string {
  const status = (ns.status ?? {}) as Obj;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${ns.metadata.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', ns.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
    w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    const conds = (status.conditions ?? []) as Obj[];
    if (conds.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n');
      for (const c of conds) w.write(LEVEL_1, `${c.type ?? ''}\t${c.status ?? ''}\t${rfc1123z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
    }
    if (quotas) {
      w.write(LEVEL_0, '\n');
      describeResourceQuotas(quotas, w);
    }
    if (limits) {
      w.write(LEVEL_0, '\n');
      describeLimitRanges(limits, w);
    }
  });
}

function helpTextForResourceQuotaScope(scope: string): string {
  switch (scope) {
    case 'Terminating':
      return 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.';
    case 'NotTerminating':
      return 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.';
    case 'BestEffort':
      return 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.';
    case 'NotBestEffort':
      return 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.';
    default:
      return '';
  }
}

/** DescribeResourceQuotas: every quota of a namespace, for describe namespace. */
function describeResourceQuotas(quotas: KubeObject[], w: PrefixWriter): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n');
    return;
  }
  const sorted = goSort([...quotas], (a, b) => (a.metadata.name ?? '') < (b.metadata.name ?? ''));
  w.write(LEVEL_0, 'Resource Quotas\n');
  for (const q of sorted) {
    const spec = (q.spec ?? {}) as Obj;
    const status = (q.status ?? {}) as Obj;
    w.write(LEVEL_1, `Name:\t${q.metadata.name ?? ''}\n`);
    if (spec.scopes?.length) {
      const scopes = [...(spec.scopes as string[])].sort();
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) {
        const help = helpTextForResourceQuotaScope(s);
        if (help) w.write(LEVEL_1, `* ${help}\n`);
      }
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_1, '--------\t---\t---\n');
    const hard = (status.hard ?? {}) as Record<string, unknown>;
    const used = (status.used ?? {}) as Record<string, unknown>;
    for (const r of Object.keys(hard).sort()) w.write(LEVEL_1, `${r}\t${quantityString(used[r])}\t${quantityString(hard[r])}\n`);
  }
}

/** The resource names of one LimitRange item, in a fixed order (Go iterates a map: random order). */
function limitRangeItemRows(item: Obj): string[][] {
  const fields = ['min', 'max', 'defaultRequest', 'default', 'maxLimitRequestRatio'];
  const names = new Set<string>();
  for (const f of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) for (const k of Object.keys(item[f] ?? {})) names.add(k);
  return [...names].sort().map((k) => [k, ...fields.map((f) => (item[f]?.[k] !== undefined ? quantityString(item[f][k]) : '-'))]);
}

function describeLimitRangeSpec(spec: Obj | undefined, prefix: string, w: PrefixWriter): void {
  for (const item of (spec?.limits ?? []) as Obj[]) {
    for (const [k, min, max, defReq, defLim, ratio] of limitRangeItemRows(item)) {
      w.write(LEVEL_0, `${prefix}${item.type ?? ''}\t${k}\t${min}\t${max}\t${defReq}\t${defLim}\t${ratio}\n`);
    }
  }
}

/** DescribeLimitRanges: every LimitRange of a namespace, merged into one table. */
function describeLimitRanges(limits: KubeObject[], w: PrefixWriter): void {
  if (limits.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n');
    return;
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
  for (const lr of limits) describeLimitRangeSpec(lr.spec as Obj, ' ', w);
}

export function describeLimitRangeByName(client: DescribeClient, namespace: string, name: string): string {
  return describeLimitRange(client.get(resourceInfo('limitranges'), namespace, name));
}

export function describeLimitRange(lr: KubeObject): string {
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${lr.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${lr.metadata.namespace ?? ''}\n`);
    w.write(LEVEL_0, 'Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n');
    w.write(LEVEL_0, '----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n');
    describeLimitRangeSpec(lr.spec as Obj, '', w);
  });
}

// ---- ResourceQuota -----------------------------------------------------------------------------

export function describeQuotaByName(client: DescribeClient, namespace: string, name: string): string {
  return describeQuota(client.get(resourceInfo('resourcequotas'), namespace, name));
}

export function describeQuota(q: KubeObject): string {
  const spec = (q.spec ?? {}) as Obj;
  const status = (q.status ?? {}) as Obj;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${q.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${q.metadata.namespace ?? ''}\n`);
    if (spec.scopes?.length) {
      const scopes = [...(spec.scopes as string[])].sort();
      w.write(LEVEL_0, `Scopes:\t${scopes.join(', ')}\n`);
      for (const s of scopes) {
        const help = helpTextForResourceQuotaScope(s);
        if (help) w.write(LEVEL_0, ` * ${help}\n`);
      }
    }
    w.write(LEVEL_0, 'Resource\tUsed\tHard\n');
    w.write(LEVEL_0, '--------\t----\t----\n');
    const hard = (status.hard ?? {}) as Record<string, unknown>;
    const used = (status.used ?? {}) as Record<string, unknown>;
    for (const r of Object.keys(hard).sort()) {
      let hardQ: Quantity;
      try {
        hardQ = parseQuantity(String(hard[r]));
      } catch {
        continue;
      }
      let usedQ: Quantity | null = null;
      try {
        usedQ = used[r] === undefined ? null : parseQuantity(String(used[r]));
      } catch {
        usedQ = null;
      }
      // A used quantity in another format is shown in the hard one's (NewQuantity(used.Value(), hard.Format)).
      if (!usedQ || usedQ.format !== hardQ.format) usedQ = Quantity.fromValue(usedQ ? usedQ.value() : 0, hardQ.format);
      w.write(LEVEL_0, `${r}\t${usedQ.toString()}\t${hardQ.toString()}\n`);
    }
  });
}

// ---- ConfigMap / Secret ------------------------------------------------------------------------

function base64Len(s: unknown): number {
  const str = String(s ?? '').replace(/\s/g, '');
  if (!str) return 0;
  const pad = str.endsWith('==') ? 2 : str.endsWith('=') ? 1 : 0;
  return Math.floor((str.length * 3) / 4) - pad;
}

function base64Decode(s: unknown): string {
  try {
    return new TextDecoder().decode(Uint8Array.from(atob(String(s ?? '')), (c) => c.charCodeAt(0)));
  } catch {
    return '';
  }
}

export function describeConfigMapByName(client: DescribeClient, namespace: string, name: string, settings: DescriberSettings): string {
  const cm = client.get(resourceInfo('configmaps'), namespace, name);
  const ev = settings.showEvents ? searchEvents(client, refOf(cm)) : undefined;
  return describeConfigMap(cm, ev, client.now());
}

export function describeConfigMap(cm: KubeObject, ev: KubeObject[] | undefined, nowMs: number): string {
  const data = (cm.data ?? {}) as Record<string, string>;
  const binary = (cm.binaryData ?? {}) as Record<string, string>;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${cm.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cm.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
    w.write(LEVEL_0, '\nData\n====\n');
    // Keys sorted since kubernetes PR #131500 (v1.34).
    for (const k of Object.keys(data).sort()) {
      w.write(LEVEL_0, `${k}:\n----\n`);
      w.write(LEVEL_0, `${data[k]}\n`);
      w.write(LEVEL_0, '\n');
    }
    w.write(LEVEL_0, '\nBinaryData\n====\n');
    for (const k of Object.keys(binary).sort()) w.write(LEVEL_0, `${k}: ${base64Len(binary[k])} bytes\n`);
    w.write(LEVEL_0, '\n');
    if (ev) describeEvents(ev, w, nowMs);
  });
}

export function describeSecretByName(client: DescribeClient, namespace: string, name: string): string {
  return describeSecret(client.get(resourceInfo('secrets'), namespace, name));
}

export function describeSecret(s: KubeObject): string {
  const data = (s.data ?? {}) as Record<string, string>;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${s.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${s.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', s.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', s.metadata.annotations);
    w.write(LEVEL_0, `\nType:\t${(s.type as string | undefined) ?? ''}\n`);
    w.write(LEVEL_0, '\nData\n====\n');
    for (const k of Object.keys(data).sort()) {
      if (k === 'token' && s.type === 'kubernetes.io/service-account-token') w.write(LEVEL_0, `${k}:\t${base64Decode(data[k])}\n`);
      else w.write(LEVEL_0, `${k}:\t${base64Len(data[k])} bytes\n`);
    }
  });
}

// ---- ServiceAccount ----------------------------------------------------------------------------

export function describeServiceAccountByName(client: DescribeClient, namespace: string, name: string, settings: DescriberSettings): string {
  const sa = client.get(resourceInfo('serviceaccounts'), namespace, name);
  const tokens: KubeObject[] = [];
  const missing = new Set<string>();
  try {
    const secrets = client.list(resourceInfo('secrets'), namespace);
    const existing = new Set<string>();
    for (const s of secrets) {
      if (s.type === 'kubernetes.io/service-account-token') {
        const a = s.metadata.annotations ?? {};
        if (a['kubernetes.io/service-account.name'] === sa.metadata.name && a['kubernetes.io/service-account.uid'] === sa.metadata.uid) tokens.push(s);
      }
      existing.add(s.metadata.name ?? '');
    }
    for (const r of [...((sa.secrets ?? []) as Obj[]), ...((sa.imagePullSecrets ?? []) as Obj[])]) if (!existing.has(r.name)) missing.add(r.name);
  } catch {
    // errors are tolerated: the secrets are listed without "(not found)"
  }
  const ev = settings.showEvents ? searchEvents(client, refOf(sa)) : undefined;
  return describeServiceAccount(sa, tokens, missing, ev, client.now());
}

export function describeServiceAccount(sa: KubeObject, tokens: KubeObject[], missing: Set<string>, ev: KubeObject[] | undefined, nowMs: number): string {
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${sa.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${sa.metadata.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', sa.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', sa.metadata.annotations);
    const emptyHeader = '                   ';
    const types: [string, string[]][] = [
      ['Image pull secrets:', ((sa.imagePullSecrets ?? []) as Obj[]).map((s) => s.name)],
      ['Mountable secrets: ', ((sa.secrets ?? []) as Obj[]).map((s) => s.name)],
      ['Tokens:            ', tokens.map((s) => s.metadata.name ?? '')],
    ];
    for (const [header, names] of types) {
      if (names.length === 0) {
        w.write(LEVEL_0, `${header}\t<none>\n`);
        continue;
      }
      let prefix = header;
      for (const n of names) {
        w.write(LEVEL_0, missing.has(n) ? `${prefix}\t${n} (not found)\n` : `${prefix}\t${n}\n`);
        prefix = emptyHeader;
      }
    }
    if (ev) describeEvents(ev, w, nowMs);
  });
}

// ---- PersistentVolume / PersistentVolumeClaim --------------------------------------------------

export function describePersistentVolumeByName(client: DescribeClient, name: string, settings: DescriberSettings): string {
  const pv = client.get(resourceInfo('persistentvolumes'), undefined, name);
  const ev = settings.showEvents ? searchEvents(client, refOf(pv)) : undefined;
  return describePersistentVolume(pv, ev, client.now());
}

function printVolumeNodeAffinity(w: PrefixWriter, affinity: Obj | undefined): void {
  w.write(LEVEL_0, 'Node Affinity:\t');
  if (!affinity?.required) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(LEVEL_1, 'Required Terms:\t');
  const terms = (affinity.required.nodeSelectorTerms ?? []) as Obj[];
  if (terms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((term, i) => {
    w.write(LEVEL_2, `Term ${i}:\t`);
    const reqs = (term.matchExpressions ?? []) as Obj[];
    if (reqs.length === 0) {
      w.writeLine('<none>');
      return;
    }
    reqs.forEach((req, j) => {
      if (j !== 0) w.write(LEVEL_2, '\t');
      let expr = `${req.key ?? ''} ${String(req.operator ?? '').toLowerCase()}`;
      if (req.values?.length) expr = `${expr} [${req.values.join(', ')}]`;
      w.write(LEVEL_0, `${expr}\n`);
    });
  });
}

/** storageutil.GetPersistentVolumeClass */
function pvClass(pv: KubeObject): string {
  const beta = pv.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'];
  if (beta !== undefined) return beta;
  return ((pv.spec as Obj | undefined)?.storageClassName as string | undefined) ?? '';
}

export function describePersistentVolume(pv: KubeObject, ev: KubeObject[] | undefined, nowMs: number): string {
  const spec = (pv.spec ?? {}) as Obj;
  const status = (pv.status ?? {}) as Obj;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${pv.metadata.name ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', pv.metadata.labels);
    printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations);
    w.write(LEVEL_0, `Finalizers:\t${goSlice(pv.metadata.finalizers)}\n`);
    w.write(LEVEL_0, `StorageClass:\t${pvClass(pv)}\n`);
    if (pv.metadata.deletionTimestamp) w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(pv.metadata.deletionTimestamp, nowMs)})\n`);
    else w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    w.write(LEVEL_0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace ?? ''}/${spec.claimRef.name ?? ''}` : ''}\n`);
    w.write(LEVEL_0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Access Modes:\t${accessModesString(spec.accessModes)}\n`);
    if (spec.volumeMode) w.write(LEVEL_0, `VolumeMode:\t${spec.volumeMode}\n`);
    w.write(LEVEL_0, `Capacity:\t${quantityString(spec.capacity?.storage)}\n`);
    printVolumeNodeAffinity(w, spec.nodeAffinity);
    w.write(LEVEL_0, `Message:\t${status.message ?? ''}\n`);
    w.write(LEVEL_0, 'Source:\n');
    if (spec.hostPath) printHostPathVolumeSource(spec.hostPath, w);
    else if (spec.nfs) w.write(LEVEL_2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${spec.nfs.server ?? ''}\n    Path:\t${spec.nfs.path ?? ''}\n    ReadOnly:\t${!!spec.nfs.readOnly}\n`);
    else if (spec.local) w.write(LEVEL_2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path ?? ''}\n`);
    else if (spec.csi) printCSIVolumeSource(spec.csi, w, true);
    else w.write(LEVEL_1, '<unknown>\n');
    if (ev) describeEvents(ev, w, nowMs);
  });
}

export function describePersistentVolumeClaimByName(client: DescribeClient, namespace: string, name: string, settings: DescriberSettings): string {
  const pvc = client.get(resourceInfo('persistentvolumeclaims'), namespace, name);
  // getPodsForPVC: pods mounting the claim (once per volume), then pods owning it.
  const nsPods = client.list(resourceInfo('pods'), namespace);
  const pods: KubeObject[] = [];
  for (const pod of nsPods) for (const v of ((pod.spec as Obj | undefined)?.volumes ?? []) as Obj[]) if (v.persistentVolumeClaim?.claimName === name) pods.push(pod);
  for (const ref of pvc.metadata.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = nsPods.find((p) => p.metadata.uid === ref.uid);
    if (!owner || pods.some((p) => p.metadata.uid === owner.metadata.uid)) continue;
    pods.push(owner);
  }
  const ev = settings.showEvents ? searchEvents(client, refOf(pvc)) : undefined;
  return describePersistentVolumeClaim(pvc, ev, pods, client.now());
}

export function describePersistentVolumeClaim(pvc: KubeObject, ev: KubeObject[] | undefined, pods: KubeObject[], nowMs: number): string {
  const status = (pvc.status ?? {}) as Obj;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    printPersistentVolumeClaim(w, pvc, true, nowMs);
    printPodsMultiline(w, 'Used By', pods);
    const conds = (status.conditions ?? []) as Obj[];
    if (conds.length) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of conds) w.write(LEVEL_1, `${c.type ?? ''} \t${c.status ?? ''} \t${rfc1123z(c.lastProbeTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
    if (ev) describeEvents(ev, w, nowMs);
  });
}

// ---- PriorityClass -----------------------------------------------------------------------------

export function describePriorityClassByName(client: DescribeClient, name: string, settings: DescriberSettings): string {
  const pc = client.get(resourceInfo('priorityclasses', 'scheduling.k8s.io'), undefined, name);
  const ev = settings.showEvents ? searchEvents(client, refOf(pc)) : undefined;
  return tabbedString((out) => {
    const w = newPrefixWriter(out);
    w.write(LEVEL_0, `Name:\t${pc.metadata.name ?? ''}\n`);
    w.write(LEVEL_0, `Value:\t${(pc.value as number | undefined) ?? 0}\n`);
    w.write(LEVEL_0, `GlobalDefault:\t${!!pc.globalDefault}\n`);
    w.write(LEVEL_0, `PreemptionPolicy:\t${(pc.preemptionPolicy as string | undefined) ?? ''}\n`);
    w.write(LEVEL_0, `Description:\t${(pc.description as string | undefined) ?? ''}\n`);
    w.write(LEVEL_0, `Annotations:\t${formatLabels(pc.metadata.annotations)}\n`);
    if (ev) describeEvents(ev, w, client.now());
  });
}
