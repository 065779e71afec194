/**
 * The 11 steps of pod creation (note 15, src/components/diagrams/PodCreationFlow.astro) as the
 * simulated cluster really goes through them for one pod — the first pod created after the learner's
 * last command (a block, a terminal line), whoever sends the request (kubectl, a ReplicaSet).
 *
 * Nothing here is a fixed animation: each step is recorded when the simulator does the thing, at
 * its simulated time, from what it observably does —
 *   1–2  the create request reaches the API server (the simulator does not model authentication:
 *        every request is let through, and step 2 says so);
 *   3–5  the request path ends: admission and validation passed (or the real error), the name was
 *        free (or AlreadyExists), the pod stored with no nodeName (the store's revision);
 *   6    the watch event reaches the running kube-scheduler;
 *   7    the scheduler's binding request (pods/binding) succeeds, or its FailedScheduling event;
 *   8    the watch event of the bound pod reaches the kubelet of that node;
 *   9    the kubelet's events: Pulling/Pulled, Created, Started (or the pull/start failure);
 *   10   the kubelet's status updates (pods/status) — done when it reports the pod running;
 *   11   that status stored.
 * DOM-free; the Host (src/components/run/host.ts) owns one when the page shows the diagram.
 */
import type { KubeObject } from '../../sim/api/object.ts';
import type { ApiRequest, ApiResponse } from '../../sim/apiserver/types.ts';
import type { WatchEvent } from '../../sim/apiserver/server.ts';
import type { StoreEvent } from '../../sim/store/store.ts';
import type { Session } from '../../sim/session.ts';

export type StepState = 'active' | 'done' | 'failed';

/** One thing the cluster did: step `n` is now `state`, at simulated time `at` (ms). */
export interface FlowEvent {
  n: number;
  state: StepState;
  at: number;
  text: string;
}

export interface PodFlow {
  /** Changes whenever a new pod is followed. */
  id: number;
  ns: string;
  /** The pod's name ("web-" until a generated name is known). */
  name: string;
  /** The events in the order they happened (a step may come back: active → done, failed → done). */
  events: FlowEvent[];
  /** The pod is running (step 11 done) or the creation ended in an error. */
  complete: boolean;
}

/** Events kept per pod (a crash loop must not grow the flow without end). */
const MAX_EVENTS = 40;
const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

interface Status {
  message?: string;
  reason?: string;
}
interface PodLike {
  metadata?: { name?: string; generateName?: string; uid?: string; namespace?: string; ownerReferences?: { kind?: string; name?: string; controller?: boolean }[]; annotations?: Record<string, string> };
  spec?: { nodeName?: string; tolerations?: { tolerationSeconds?: number }[]; serviceAccountName?: string };
  status?: { phase?: string; podIP?: string; containerStatuses?: { state?: { waiting?: { reason?: string } } }[] };
}

export class PodFlowTracer {
  flow: PodFlow | null = null;
  /** Bumped on every change (the worker sends the flow when it moved). */
  version = 0;
  private session: Session;
  private armed = false;
  private nextId = 1;
  private uid = '';
  /** A create request of the followed pod is being served (its store write is the pod). */
  private creating = false;
  private bound = '';
  private reported = false;
  /** A kubelet status report is being served (its store write is step 11). */
  private reporting = false;

  constructor(session: Session) {
    this.session = session;
    const cluster = session.cluster;
    const server = cluster.server;
    const handle = server.handle.bind(server);
    server.handle = (req: ApiRequest): ApiResponse => {
      const mine = this.before(req);
      const r = handle(req);
      if (mine) this.after(req, r);
      return r;
    };
    cluster.store.watch((ev) => this.stored(ev));
    server.onDeliver = (who, ev) => this.delivered(who, ev);
  }

  /** The learner ran something: the next pod created is the one to follow. */
  arm(): void {
    this.armed = true;
  }

  private now(): number {
    return this.session.cluster.clock.now();
  }

  private push(n: number, state: StepState, text: string) {
    const f = this.flow;
    if (!f || f.complete) return;
    const last = [...f.events].reverse().find((e) => e.n === n);
    if (last && last.state === state && last.text === text) return;
    if (f.events.length >= MAX_EVENTS) return;
    f.events.push({ n, state, at: this.now(), text: clip(text) });
    this.version++;
  }

  private end() {
    if (this.flow && !this.flow.complete) {
      this.flow.complete = true;
      this.version++;
    }
  }

  private isMine(ns: string | undefined, name: string | undefined): boolean {
    const f = this.flow;
    return !!f && !f.complete && !!this.uid && f.ns === ns && f.name === name;
  }

  /** Before the API server serves a request: is it one the flow follows? */
  private before(req: ApiRequest): boolean {
    if (req.group !== '' || req.resource !== 'pods' || req.dryRun) return false;
    if (req.verb === 'create' && !req.subresource && this.armed) {
      const pod = (req.body ?? {}) as PodLike;
      const meta = pod.metadata ?? {};
      this.armed = false;
      this.uid = '';
      this.bound = '';
      this.reported = false;
      this.creating = true;
      this.flow = { id: this.nextId++, ns: req.namespace ?? 'default', name: meta.name ?? meta.generateName ?? '', events: [], complete: false };
      const owner = meta.ownerReferences?.find((o) => o.controller) ?? meta.ownerReferences?.[0];
      const who = owner ? `${owner.kind ?? ''} ${owner.name ?? ''} 컨트롤러` : meta.annotations?.['kubernetes.io/config.mirror'] ? 'kubelet (스태틱 파드의 미러)' : 'kubectl';
      this.push(1, 'done', `${who}: POST /api/v1/namespaces/${this.flow.ns}/pods`);
      this.push(2, 'done', '시뮬레이터는 인증·인가를 생략하고 통과시킵니다');
      return true;
    }
    if (!this.isMine(req.namespace, req.name)) return false;
    if (req.verb === 'create' && req.subresource === 'binding') return true;
    if ((req.verb === 'update' || req.verb === 'patch') && req.subresource === 'status' && this.bound) {
      this.report(((req.body ?? {}) as PodLike).status ?? {});
      this.reporting = true;
      return true;
    }
    return false;
  }

  /** A kubelet status report (step 10): done once it says the pod runs (or ran to its end). */
  private report(st: NonNullable<PodLike['status']>) {
    const phase = st.phase ?? 'Pending';
    const waiting = st.containerStatuses?.find((c) => c.state?.waiting?.reason)?.state?.waiting?.reason;
    const final = phase === 'Running' || phase === 'Succeeded' || phase === 'Failed';
    this.push(10, final ? 'done' : 'active', `상태 보고: ${phase}${waiting ? ` (${waiting})` : ''}${st.podIP ? `, IP ${st.podIP}` : ''}`);
    this.reported = final;
  }

  /** After a request the flow follows: its outcome. */
  private after(req: ApiRequest, r: ApiResponse) {
    const status = (r.body ?? {}) as Status;
    if (req.subresource === 'status') {
      this.reporting = false;
      return;
    }
    if (req.verb === 'create' && !req.subresource) {
      this.creating = false;
      if (r.code < 400) return;
      const message = status.message ?? `HTTP ${r.code}`;
      if (r.code === 503) this.push(1, 'failed', `API 서버가 응답하지 않습니다: ${message}`);
      else if (status.reason === 'AlreadyExists') {
        this.push(3, 'done', '검증·어드미션 통과');
        this.push(4, 'failed', `같은 이름이 이미 있습니다: ${message}`);
      } else this.push(3, 'failed', message);
      this.end();
      return;
    }
    if (req.subresource === 'binding') {
      const node = (req.body as { target?: { name?: string } } | undefined)?.target?.name ?? '';
      if (r.code < 400) {
        this.bound = node;
        this.push(7, 'done', `${node}에 바인딩 (nodeName: ${node})`);
      } else this.push(7, 'failed', status.message ?? `HTTP ${r.code}`);
    }
  }

  /** What the store (etcd) writes: the pod itself (steps 5, 11) and events about it (7, 9). */
  private stored(ev: StoreEvent) {
    const f = this.flow;
    if (!f || f.complete) return;
    if (ev.key.startsWith('/registry/pods/')) {
      const pod = ev.value as PodLike;
      const meta = pod.metadata ?? {};
      if (ev.type === 'ADDED' && this.creating && !this.uid && meta.namespace === f.ns) {
        this.uid = meta.uid ?? '';
        f.name = meta.name ?? f.name;
        const tolerations = (pod.spec?.tolerations ?? []).filter((t) => t.tolerationSeconds !== undefined).length;
        this.push(3, 'done', `검증·어드미션 통과 (서비스 어카운트 ${pod.spec?.serviceAccountName ?? '-'}${tolerations ? `, 기본 톨러레이션 ${tolerations}개` : ''})`);
        this.push(4, 'done', `같은 이름의 파드 없음 (${f.ns}/${f.name})`);
        this.push(5, 'done', `etcd에 저장, nodeName 비어 있음 (revision ${ev.revision})`);
        return;
      }
      if (meta.uid !== this.uid || !this.uid) return;
      if (ev.type === 'DELETED') {
        this.push(this.reported ? 11 : this.bound ? 9 : 6, 'failed', '파드가 삭제되었습니다');
        this.end();
        return;
      }
      if (this.reporting) {
        const phase = pod.status?.phase ?? '';
        this.push(11, this.reported ? 'done' : 'active', `etcd에 상태 저장: ${phase}${pod.status?.podIP ? `, IP ${pod.status.podIP}` : ''} (revision ${ev.revision})`);
        if (this.reported) this.end();
      }
      return;
    }
    if (!ev.key.startsWith('/registry/events/') || ev.type === 'DELETED') return;
    const e = ev.value as { involvedObject?: { uid?: string }; reason?: string; message?: string; count?: number };
    if (!this.uid || e.involvedObject?.uid !== this.uid) return;
    const message = e.message ?? '';
    switch (e.reason) {
      case 'FailedScheduling':
        this.push(7, 'failed', `노드를 찾지 못함: ${message}`);
        break;
      case 'Pulling':
        this.push(9, 'active', `이미지 받는 중: ${message}`);
        break;
      case 'Pulled':
        this.push(9, 'active', `이미지 준비됨: ${message}`);
        break;
      case 'Created':
        this.push(9, 'active', `컨테이너 생성: ${message}`);
        break;
      case 'Started':
        this.push(9, 'done', `컨테이너 시작: ${message}`);
        break;
      case 'Failed':
      case 'BackOff':
      case 'InspectFailed':
      case 'ErrImageNeverPull':
        this.push(9, 'failed', message);
        break;
    }
  }

  /** A watch event reaches a component (steps 6 and 8), if that component is running. */
  private delivered(who: string, ev: WatchEvent) {
    const f = this.flow;
    if (!f || f.complete || !this.uid || ev.object.metadata.uid !== this.uid || ev.type === 'DELETED') return;
    const pod = ev.object as KubeObject & PodLike;
    const cluster = this.session.cluster;
    if (who === 'kube-scheduler') {
      if (pod.spec?.nodeName || !cluster.scheduler.running || f.events.some((e) => e.n === 6)) return;
      this.push(6, 'done', 'kube-scheduler가 watch로 nodeName 없는 파드를 받음');
      return;
    }
    if (who.startsWith('kubelet/')) {
      const node = who.slice('kubelet/'.length);
      const kubelet = cluster.kubelets.get(node);
      if (pod.spec?.nodeName !== node || !kubelet?.running || !kubelet.powered || f.events.some((e) => e.n === 8)) return;
      this.push(8, 'done', `${node}의 kubelet이 watch로 자기 노드의 파드를 받음`);
    }
  }
}
