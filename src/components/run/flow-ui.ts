/**
 * Note 15's pod-creation diagram (PodCreationFlow.astro, steps as <g data-step="N">), linked to the
 * page's cluster: when the learner creates a pod (a block, the terminal), each step lights up as the
 * simulator reached it — in the order it did, paced by its simulated time — and a list under the
 * diagram says what the cluster did at each step (src/lib/run/pod-flow.ts records it). A step the
 * cluster failed turns red with the real error. Set up by runtime.ts on a page with the diagram.
 */
import { h } from './dom.ts';
import type { Lab } from './lab.ts';
import type { FlowEvent, PodFlow } from '../../lib/run/pod-flow.ts';

const TOTAL = 11;
/** Real time between two lit steps: the simulated gap, within these bounds (ms). */
const MIN_GAP = 150;
const MAX_GAP = 900;

const secs = (ms: number) => `+${(ms / 1000).toFixed(1)}초`;

export class FlowUI {
  private svg: SVGSVGElement;
  private steps = new Map<number, SVGGElement>();
  private box: HTMLElement;
  private head: HTMLElement;
  private list: HTMLOListElement;
  private replay: HTMLButtonElement;
  private flow: PodFlow | null = null;
  /** Events of `flow` already shown. */
  private shown = 0;
  private timer = 0;
  private reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
  /** The kubelet lane's node label ("node01" in the drawing): the real node while a flow is shown. */
  private nodeLabel: SVGTextElement | null;
  private nodeText: string;

  constructor(lab: Lab, groups: SVGGElement[]) {
    this.svg = groups[0].ownerSVGElement!;
    for (const g of groups) this.steps.set(Number(g.dataset.step), g);
    this.nodeLabel = [...this.svg.querySelectorAll('text')].find((t) => /^node\d+$/.test(t.textContent ?? '')) ?? null;
    this.nodeText = this.nodeLabel?.textContent ?? '';
    this.head = h('p', { class: 'flow-head', role: 'status' });
    this.list = h('ol', { class: 'flow-list', 'aria-label': '시뮬레이터가 거친 단계' });
    this.replay = h('button', { type: 'button', class: 'run-small' }, '다시 보기');
    this.replay.addEventListener('click', () => this.play(this.flow, true));
    const note = h('p', { class: 'flow-note' }, '번호 옆 시각은 파드 생성 요청부터 잰 시뮬레이터 시간입니다.');
    this.box = h('div', { class: 'flow-live', hidden: true }, this.head, this.list, note, h('div', { class: 'run-out-tools' }, this.replay));
    (this.svg.closest('figure') ?? this.svg).after(this.box);
    lab.on('flow', (f) => this.play(f));
    lab.on('state', () => this.clear());
  }

  private clear() {
    clearTimeout(this.timer);
    this.flow = null;
    this.shown = 0;
    this.svg.removeAttribute('data-flow-on');
    for (const g of this.steps.values()) {
      g.removeAttribute('data-flow');
      g.removeAttribute('data-flow-now');
    }
    this.list.replaceChildren();
    this.box.hidden = true;
    if (this.nodeLabel) this.nodeLabel.textContent = this.nodeText;
  }

  /** A flow from the worker: a new pod starts over; more events of the same pod continue. */
  private play(f: PodFlow | null, again = false) {
    if (!f) return;
    if (again || !this.flow || this.flow.id !== f.id) {
      this.clear();
      this.svg.setAttribute('data-flow-on', '');
      this.box.hidden = false;
    }
    this.flow = f;
    clearTimeout(this.timer);
    this.next();
  }

  private next() {
    const f = this.flow;
    if (!f) return;
    while (this.shown < f.events.length) {
      const e = f.events[this.shown++];
      this.show(f, e);
      const after = f.events[this.shown];
      if (!after) break;
      if (!this.reduced) {
        const gap = Math.min(MAX_GAP, Math.max(MIN_GAP, after.at - e.at));
        this.timer = window.setTimeout(() => this.next(), gap);
        return;
      }
    }
    this.summary(f, true);
  }

  private show(f: PodFlow, e: FlowEvent) {
    for (const g of this.steps.values()) g.removeAttribute('data-flow-now');
    const g = this.steps.get(e.n);
    if (g) {
      g.setAttribute('data-flow', e.state);
      g.setAttribute('data-flow-now', '');
    }
    const t0 = f.events[0]?.at ?? e.at;
    let li = this.list.querySelector<HTMLLIElement>(`li[data-n="${e.n}"]`);
    const body = [h('span', { class: 'flow-n' }, String(e.n)), ' ', h('span', { class: 'flow-t' }, secs(e.at - t0)), ' ', e.text];
    if (li) li.replaceChildren(...body);
    else {
      li = h('li', { 'data-n': String(e.n) }, ...body);
      const later = [...this.list.children].find((x) => Number((x as HTMLElement).dataset.n) > e.n);
      this.list.insertBefore(li, later ?? null);
    }
    li.dataset.state = e.state;
    const node = e.n === 8 ? /^(\S+)의 kubelet/.exec(e.text)?.[1] : undefined;
    if (node && this.nodeLabel) this.nodeLabel.textContent = node;
    this.summary(f, false);
  }

  private summary(f: PodFlow, settled: boolean) {
    const done = [...this.steps.values()].filter((g) => g.getAttribute('data-flow') === 'done').length;
    const failed = [...this.list.querySelectorAll<HTMLElement>('li[data-state="failed"]')].map((li) => li.dataset.n);
    const pod = `파드 ${f.ns}/${f.name}`;
    let text = `${pod}: ${TOTAL}단계 중 ${done}단계 완료`;
    if (failed.length) text += `, ${failed.join('·')}단계 실패`;
    else if (settled && f.complete && done === TOTAL) text = `${pod}: ${TOTAL}단계를 모두 거쳐 실행 중입니다`;
    else if (settled && !f.complete) text += ' (시간이 흐르면 이어집니다)';
    this.head.textContent = text;
  }
}

/** Links the page's pod-creation diagram to its cluster, if the page has one. */
export function attachFlow(lab: Lab): FlowUI | null {
  const groups = [...document.querySelectorAll<SVGGElement>('svg g[data-step]')];
  return groups.length ? new FlowUI(lab, groups) : null;
}
