/**
 * What a lab's check sees and how it reports: objects through the API server (as a grader with
 * kubectl would), files on the nodes, the kubelets; and Korean messages saying precisely what is
 * still wrong. Reads only; never looks at the commands typed.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../sim/api/object.ts';
import { parseSelector } from '../sim/api/labels.ts';
import { res } from '../sim/apiserver/client.ts';
import { podRow } from '../sim/apiserver/printers/pod.ts';
import { quantityOf } from '../sim/api/quantity.ts';
import { readManifests } from '../sim/kubectl/yaml/parse.ts';
import type { Session } from '../sim/session.ts';
import { josa } from './josa.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Obj = Record<string, any>;

/** Kinds a check asks for: resource, API group, Korean name (as kubernetes.io/ko writes it). */
export const KINDS = {
  pod: { resource: 'pods', group: '', ko: '파드', namespaced: true },
  deployment: { resource: 'deployments', group: 'apps', ko: '디플로이먼트', namespaced: true },
  replicaset: { resource: 'replicasets', group: 'apps', ko: '레플리카셋', namespaced: true },
  daemonset: { resource: 'daemonsets', group: 'apps', ko: '데몬셋', namespaced: true },
  replicationcontroller: { resource: 'replicationcontrollers', group: '', ko: '레플리케이션컨트롤러', namespaced: true },
  service: { resource: 'services', group: '', ko: '서비스', namespaced: true },
  endpoints: { resource: 'endpoints', group: '', ko: '엔드포인트', namespaced: true },
  namespace: { resource: 'namespaces', group: '', ko: '네임스페이스', namespaced: false },
  node: { resource: 'nodes', group: '', ko: '노드', namespaced: false },
  configmap: { resource: 'configmaps', group: '', ko: '컨피그맵', namespaced: true },
  secret: { resource: 'secrets', group: '', ko: '시크릿', namespaced: true },
  limitrange: { resource: 'limitranges', group: '', ko: '리밋레인지', namespaced: true },
  resourcequota: { resource: 'resourcequotas', group: '', ko: '리소스쿼터', namespaced: true },
  event: { resource: 'events', group: '', ko: '이벤트', namespaced: true },
} as const;
export type Kind = keyof typeof KINDS;

/** Images compare as the runtime resolves them: `nginx` = `nginx:latest` = `docker.io/library/nginx:latest`. */
export function normalizeImage(image: string): string {
  let s = image.trim();
  if (!s) return s;
  if (!/@/.test(s) && !/:[^/]+$/.test(s)) s += ':latest';
  s = s.replace(/^docker\.io\//, '').replace(/^index\.docker\.io\//, '').replace(/^library\//, '');
  return s;
}
export const sameImage = (a: string | undefined, b: string) => a !== undefined && normalizeImage(a) === normalizeImage(b);

/** Quantities compare by value: `1Gi` = `1024Mi`, `500m` = `0.5`. */
export function sameQuantity(a: string | number | undefined | null, b: string | number): boolean {
  const qa = quantityOf(a);
  const qb = quantityOf(b);
  return !!qa && !!qb && qa.equals(qb);
}

/** The STATUS column of `kubectl get pods` (Running, Pending, ContainerCreating, CrashLoopBackOff …). */
export function podStatus(pod: KubeObject, now: number): string {
  return podRow(pod as Pod, now).status;
}

/** Running with every container ready (READY n/n). */
export function podReady(pod: KubeObject): boolean {
  const p = pod as Pod;
  if (p.metadata?.deletionTimestamp) return false;
  if (p.status?.phase !== 'Running') return false;
  const cs = p.status?.containerStatuses ?? [];
  return cs.length === (p.spec?.containers ?? []).length && cs.every((c) => c.ready);
}

/** A workload's ready pods (READY of `kubectl get deploy/rs/rc`); 0 while it reports none. */
export function readyReplicas(obj: Obj | undefined): number {
  return obj?.status?.readyReplicas ?? 0;
}

/** The setup line that makes the directory labs ask to write answer files into. */
export const ANSWERS = 'mkdir -p /opt/answers';

/** The effective argv words a container runs (command + args), for comparing "sleep 5000"-like specs. */
export function argvOf(c: Container | undefined): string[] {
  if (!c) return [];
  return [...(c.command ?? []), ...(c.args ?? [])];
}

export class Check {
  readonly session: Session;
  readonly messages: string[] = [];

  constructor(session: Session) {
    this.session = session;
  }

  get cluster() {
    return this.session.cluster;
  }

  now(): number {
    return this.cluster.clock.now();
  }

  /** Records something still wrong. */
  fail(message: string): void {
    this.messages.push(message);
  }

  /** Records `message` when `cond` is false; returns cond. */
  expect(cond: boolean, message: string): boolean {
    if (!cond) this.fail(message);
    return cond;
  }

  get ok(): boolean {
    return this.messages.length === 0;
  }

  // ---- objects ------------------------------------------------------------------------------

  get(kind: Kind, name: string, ns = 'default'): Obj | undefined {
    const k = KINDS[kind];
    const obj = this.cluster.client.get(res(k.resource, k.group), k.namespaced ? ns : undefined, name);
    return obj as Obj | undefined;
  }

  list(kind: Kind, ns?: string, selector?: string): Obj[] {
    const k = KINDS[kind];
    let items = this.cluster.client.list(res(k.resource, k.group), k.namespaced ? ns : undefined) as Obj[];
    if (selector !== undefined) {
      const sel = parseSelector(selector);
      items = items.filter((o) => sel.matches(o.metadata?.labels ?? {}));
    }
    return items;
  }

  /** The object, or a failure saying it is missing (and undefined). */
  need(kind: Kind, name: string, ns = 'default'): Obj | undefined {
    const obj = this.get(kind, name, ns);
    if (!obj) {
      const k = KINDS[kind];
      this.fail(k.namespaced ? `${ns} 네임스페이스에 ${name} ${josa(k.ko, '이/가')} 없습니다` : `${name} ${josa(k.ko, '이/가')} 없습니다`);
    }
    return obj;
  }

  /** Pods of the namespace matching a selector (a map of labels or a selector string). */
  podsOf(ns: string, selector: Record<string, string> | string): Obj[] {
    const sel = typeof selector === 'string' ? selector : Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',');
    return this.list('pod', ns, sel).filter((p) => !p.metadata?.deletionTimestamp);
  }

  status(pod: Obj): string {
    return podStatus(pod as KubeObject, this.now());
  }

  /** Fails unless the pod runs with all containers ready. */
  running(pod: Obj | undefined): boolean {
    if (!pod) return false;
    if (podReady(pod as KubeObject)) return true;
    this.fail(`${pod.metadata.name} 파드가 Running 상태가 아닙니다 (현재: ${this.status(pod)})`);
    return false;
  }

  /** Fails unless the container (first by default) runs `image`. */
  image(pod: Obj | undefined, image: string, container?: string): boolean {
    if (!pod) return false;
    const cs: Container[] = pod.spec?.containers ?? [];
    const c = container ? cs.find((x) => x.name === container) : cs[0];
    const what = `${pod.metadata.name} 파드${container ? `의 ${container} 컨테이너` : ''}`;
    if (!c) {
      this.fail(`${what}에 ${container ?? ''} 컨테이너가 없습니다`);
      return false;
    }
    if (sameImage(c.image, image)) return true;
    this.fail(`${what}의 이미지가 ${josa(image, '이/가')} 아닙니다 (현재: ${c.image ?? '없음'})`);
    return false;
  }

  // ---- nodes -------------------------------------------------------------------------------

  /** A file on a machine's filesystem (controlplane, node01, node02), undefined when absent. */
  file(path: string, machine = 'controlplane'): string | undefined {
    return this.cluster.machines.get(machine)?.read(path);
  }

  nodeReady(node: Obj | undefined): boolean {
    const c = (node?.status?.conditions ?? []).find((x: Obj) => x.type === 'Ready');
    return c?.status === 'True';
  }

  taints(node: Obj | undefined): { key: string; value?: string; effect: string }[] {
    return node?.spec?.taints ?? [];
  }

  // ---- answer files --------------------------------------------------------------------------

  /**
   * The trimmed content of an answer file on the control plane, or a failure saying it is missing
   * or empty (and undefined).
   */
  answer(path: string): string | undefined {
    const text = this.file(path);
    if (text === undefined) {
      this.fail(`답 파일이 없습니다: ${path}`);
      return undefined;
    }
    const t = text.trim();
    if (!t) {
      this.fail(`답 파일이 비어 있습니다: ${path}`);
      return undefined;
    }
    return t;
  }

  /** Fails unless the answer file holds one of the accepted answers (compared after `norm`). */
  answerIs(path: string, accepted: string | string[], norm: (s: string) => string = (s) => s.trim()): boolean {
    const a = this.answer(path);
    if (a === undefined) return false;
    const list = Array.isArray(accepted) ? accepted : [accepted];
    if (list.some((x) => norm(x) === norm(a))) return true;
    this.fail(`${path}에 적힌 답이 맞지 않습니다 (적힌 값: ${a.length > 60 ? a.slice(0, 60) + '…' : a})`);
    return false;
  }

  /** The objects of a YAML (or JSON) file on the control plane, or a failure (and undefined). */
  manifests(path: string, machine = 'controlplane'): Obj[] | undefined {
    const text = this.file(path, machine);
    if (text === undefined) {
      this.fail(`${machine}에 파일이 없습니다: ${path}`);
      return undefined;
    }
    const r = readManifests(text, path);
    if (r.error) {
      this.fail(`${josa(path, '을/를')} YAML로 읽을 수 없습니다: ${r.error}`);
      return undefined;
    }
    return r.documents.map((d) => d.object as Obj).filter((o) => o && typeof o === 'object');
  }
}
