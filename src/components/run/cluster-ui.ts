/**
 * The cluster view: nodes as boxes (status, role, taints, labels, cordon, requested vs allocatable)
 * with their pods inside, coloured by status; Pending pods in the scheduling queue; Services with
 * their endpoints. A pod or node opens its details: `kubectl describe`, YAML, and for pods the
 * scheduler's decision explained (explain-ui.ts). Rebuilt from each view the worker sends; focus
 * and open details survive the rebuild (keyed by data-key).
 */
import type { ClusterView, NodeView, PodView } from '../../lib/run/cluster-view.ts';
import { h, nextId } from './dom.ts';
import type { Lab } from './lab.ts';
import { renderExplanation } from './explain-ui.ts';

const TONE_KO: Record<string, string> = { ok: '정상', wait: '대기', bad: '문제', done: '완료', gone: '삭제 중' };
const SYSTEM_NS = new Set(['kube-system', 'kube-flannel', 'kube-node-lease', 'kube-public']);

type Selected = { kind: 'pod'; ns: string; name: string; uid: string } | { kind: 'node'; name: string } | { kind: 'service'; ns: string; name: string };

export class ClusterUI {
  private lab: Lab;
  private root: HTMLElement;
  private body: HTMLElement;
  private detail: HTMLElement;
  private showSystem = false;
  private selected: Selected | null = null;
  private detailTab: 'describe' | 'yaml' | 'why' = 'describe';
  private pendingRender = false;

  constructor(lab: Lab, panel: HTMLElement) {
    this.lab = lab;
    const sys = h('input', { type: 'checkbox', id: nextId('run-sys') });
    sys.addEventListener('change', () => {
      this.showSystem = sys.checked;
      this.render();
    });
    this.body = h('div', { class: 'cv-body' }, h('p', { class: 'run-muted' }, '클러스터를 준비하는 중…'));
    this.detail = h('section', { class: 'cv-detail', hidden: true, 'aria-live': 'polite' });
    this.root = h('div', { class: 'cv' }, h('p', { class: 'cv-opts' }, sys, h('label', { for: sys.id }, '시스템 파드도 보기 (kube-system 등)')), this.body, this.detail);
    panel.append(this.root);
    lab.on('view', () => this.schedule());
    lab.on('state', () => {
      this.selected = null;
      this.detail.hidden = true;
      this.schedule();
    });
  }

  refresh(): void {
    this.schedule();
  }

  /** At most one rebuild per frame, and none while the panel is hidden. */
  private schedule() {
    if (this.pendingRender) return;
    this.pendingRender = true;
    requestAnimationFrame(() => {
      this.pendingRender = false;
      if (!this.root.isConnected || this.root.closest('[hidden]')) return;
      this.render();
    });
  }

  private visible(p: PodView): boolean {
    return this.showSystem || !SYSTEM_NS.has(p.ns);
  }

  private podButton(p: PodView): HTMLElement {
    const b = h(
      'button',
      { type: 'button', class: `cv-pod cv-${p.tone}`, 'data-key': `pod/${p.uid}`, 'aria-label': `파드 ${p.ns}/${p.name}: ${p.status}, 준비 ${p.ready}${p.restarts !== '0' ? `, 재시작 ${p.restarts}` : ''}` },
      h('span', { class: 'cv-pod-name' }, p.ns === 'default' ? p.name : `${p.ns}/${p.name}`),
      h('span', { class: 'cv-pod-status' }, `${p.status} · ${p.ready}`),
    );
    b.addEventListener('click', () => this.select({ kind: 'pod', ns: p.ns, name: p.name, uid: p.uid }));
    return b;
  }

  private serviceButton(ns: string, name: string): HTMLElement {
    const b = h('button', { type: 'button', class: 'cv-node-name', 'data-key': `svc/${ns}/${name}` }, ns === 'default' ? name : `${ns}/${name}`);
    b.addEventListener('click', () => this.select({ kind: 'service', ns, name }));
    return b;
  }

  private bar(label: string, [used, total]: [number, number], unit: string): HTMLElement {
    const pct = total > 0 ? Math.round((used / total) * 100) : 0;
    return h(
      'div',
      { class: 'cv-res' },
      h('span', {}, `${label} ${used.toLocaleString()}${unit} / ${total.toLocaleString()}${unit} (${pct}%)`),
      h('meter', { min: '0', max: String(Math.max(total, 1)), value: String(Math.min(used, Math.max(total, 1))), low: String(total * 0.7), high: String(total * 0.9), optimum: '0', 'aria-label': `${label} 요청 ${pct}%` }),
    );
  }

  private nodeBox(n: NodeView): HTMLElement {
    const pods = n.podList.filter((p) => this.visible(p));
    const hidden = n.podList.length - pods.length;
    const title = h('button', { type: 'button', class: 'cv-node-name', 'data-key': `node/${n.name}` }, n.name);
    title.addEventListener('click', () => this.select({ kind: 'node', name: n.name }));
    const state = n.ready === 'True' ? 'Ready' : n.ready === 'False' ? 'NotReady' : 'Unknown';
    return h(
      'li',
      { class: `cv-node${n.ready === 'True' ? '' : ' cv-node-down'}${n.unschedulable ? ' cv-node-cordon' : ''}` },
      h('h4', { class: 'cv-node-head' }, title, h('span', { class: `cv-badge cv-${n.ready === 'True' ? 'ok' : 'bad'}` }, state), n.roles.length ? h('span', { class: 'cv-badge' }, n.roles.join(',')) : h('span', { class: 'cv-badge', title: '역할 레이블이 없는 노드(워커 노드). kubectl get nodes의 ROLES 열도 <none>이다.' }, '<none>'), n.unschedulable && h('span', { class: 'cv-badge cv-wait' }, 'SchedulingDisabled (cordon)')),
      n.taints.length ? h('p', { class: 'cv-taints' }, '테인트: ', ...n.taints.map((t) => h('code', {}, t))) : null,
      h('details', { class: 'cv-labels', 'data-key': `labels/${n.name}` }, h('summary', {}, `레이블 ${n.labels.length}개`), h('ul', {}, ...n.labels.map(([k, v]) => h('li', {}, h('code', {}, v ? `${k}=${v}` : k))))),
      this.bar('CPU', n.cpu, 'm'),
      this.bar('메모리', n.memory, 'Mi'),
      h('p', { class: 'cv-podcount' }, `파드 ${n.pods[0]} / ${n.pods[1]}${hidden ? ` (시스템 파드 ${hidden}개 숨김)` : ''}`),
      pods.length ? h('ul', { class: 'cv-pods', 'aria-label': `${n.name}의 파드` }, ...pods.map((p) => h('li', {}, this.podButton(p)))) : h('p', { class: 'run-muted' }, '보이는 파드가 없습니다.'),
    );
  }

  render(): void {
    const v: ClusterView | null = this.lab.view;
    if (!v) return;
    // Keep focus and open <details> across the rebuild.
    const active = document.activeElement as HTMLElement | null;
    const focusKey = active && this.body.contains(active) ? active.dataset.key : undefined;
    const open = new Set([...this.body.querySelectorAll<HTMLDetailsElement>('details[open]')].map((d) => d.dataset.key));

    const pending = v.pending.filter((p) => this.visible(p));
    const services = v.services.filter((s) => this.showSystem || !SYSTEM_NS.has(s.ns));
    const content = h(
      'div',
      {},
      h('h3', { class: 'cv-h' }, `노드 ${v.nodes.length}개`),
      h('ul', { class: 'cv-nodes' }, ...v.nodes.map((n) => this.nodeBox(n))),
      h('h3', { class: 'cv-h' }, `스케줄링 대기 (Pending) ${pending.length}개`),
      pending.length ? h('ul', { class: 'cv-pods cv-queue' }, ...pending.map((p) => h('li', {}, this.podButton(p)))) : h('p', { class: 'run-muted' }, '노드를 기다리는 파드가 없습니다.'),
      h('h3', { class: 'cv-h' }, `서비스 ${services.length}개`),
      services.length
        ? h(
            'div',
            { class: 'cv-scroll', tabindex: '0', role: 'region', 'aria-label': '서비스 표' },
            h(
              'table',
              { class: 'cv-svc' },
              h('thead', {}, h('tr', {}, ...['이름', '유형', 'ClusterIP', '포트', '셀렉터', '엔드포인트'].map((t) => h('th', { scope: 'col' }, t)))),
              h(
                'tbody',
                {},
                ...services.map((s) =>
                  h(
                    'tr',
                    {},
                    h('th', { scope: 'row' }, this.serviceButton(s.ns, s.name)),
                    h('td', {}, s.type),
                    h('td', {}, s.clusterIP),
                    h('td', {}, s.ports),
                    h('td', {}, s.selector || '—'),
                    h('td', {}, s.endpoints.length ? s.endpoints.join(', ') : '없음', s.notReady ? ` (준비 안 됨 ${s.notReady})` : ''),
                  ),
                ),
              ),
            ),
          )
        : h('p', { class: 'run-muted' }, '서비스가 없습니다.'),
    );
    this.body.replaceChildren(content);
    for (const d of this.body.querySelectorAll<HTMLDetailsElement>('details')) if (open.has(d.dataset.key)) d.open = true;
    if (focusKey) this.body.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"]`)?.focus();
    for (const el of this.body.querySelectorAll('[data-key]')) el.toggleAttribute('aria-current', this.isSelected(el.getAttribute('data-key')!));
  }

  private isSelected(key: string): boolean {
    const s = this.selected;
    if (!s) return false;
    return s.kind === 'pod' ? key === `pod/${s.uid}` : s.kind === 'node' ? key === `node/${s.name}` : key === `svc/${s.ns}/${s.name}`;
  }

  select(s: Selected): void {
    this.selected = s;
    this.detailTab = s.kind === 'pod' && this.lab.view?.pending.some((p) => p.uid === s.uid) ? 'why' : 'describe';
    void this.renderDetail(true);
    this.render();
  }

  private async renderDetail(focus: boolean) {
    const s = this.selected;
    if (!s) return;
    const label = s.kind === 'node' ? `노드 ${s.name}` : `${s.kind === 'pod' ? '파드' : '서비스'} ${s.ns}/${s.name}`;
    const tabs: ['describe' | 'yaml' | 'why', string][] = [['describe', 'describe'], ['yaml', 'YAML']];
    if (s.kind === 'pod') tabs.push(['why', '배치 이유']);
    const nav = h('div', { class: 'cv-detail-tabs', role: 'group', 'aria-label': '보기' });
    for (const [key, text] of tabs) {
      const b = h('button', { type: 'button', class: 'run-small', 'aria-pressed': String(this.detailTab === key) }, text);
      b.addEventListener('click', () => {
        this.detailTab = key;
        void this.renderDetail(true);
      });
      nav.append(b);
    }
    const again = h('button', { type: 'button', class: 'run-small' }, '새로 고침');
    again.addEventListener('click', () => void this.renderDetail(false));
    const close = h('button', { type: 'button', class: 'run-small' }, '닫기');
    close.addEventListener('click', () => {
      this.selected = null;
      this.detail.hidden = true;
      this.render();
    });
    const heading = h('h3', { class: 'cv-h', tabindex: '-1' }, label);
    const content = h('div', { class: 'cv-detail-body' }, h('p', { class: 'run-muted' }, '불러오는 중…'));
    this.detail.replaceChildren(h('div', { class: 'cv-detail-head' }, heading, nav, again, close), content);
    this.detail.hidden = false;
    if (focus) heading.focus();
    try {
      if (this.detailTab === 'why' && s.kind === 'pod') {
        const r = await this.lab.ask({ type: 'explain', uid: s.uid, ns: s.ns, name: s.name });
        content.replaceChildren(renderExplanation(r.explanation, r.message, this.lab.view?.pending.some((p) => p.uid === s.uid) ?? false));
      } else {
        const r = await this.lab.ask({ type: 'inspect', kind: s.kind, ns: s.kind === 'node' ? '' : s.ns, name: s.name });
        const text = this.detailTab === 'yaml' ? r.yaml : r.describe;
        content.replaceChildren(h('pre', { class: 'run-transcript', tabindex: '0', 'aria-label': `${label} ${this.detailTab === 'yaml' ? 'YAML' : 'describe'}` }, text || '(없음: 오브젝트가 지워졌습니다)'));
      }
    } catch {
      content.replaceChildren(h('p', { class: 'run-muted' }, '가져오지 못했습니다.'));
    }
  }
}
