/**
 * The dock: the page's cluster beside the text on wide screens, a bottom sheet on phones. Header:
 * the simulated clock with play/pause, speed and jumps (long jumps show progress and can be
 * stopped), the session (this page's cluster or "my lab"), reset and share. Tabs: cluster view and
 * terminal. One polite live region carries every notice.
 */
import { h, nextId } from './dom.ts';
import type { Lab, Mode } from './lab.ts';
import { ClusterUI } from './cluster-ui.ts';
import { Terminal } from './terminal.ts';
import { shareLink } from './share.ts';
import { KEY } from '../../lib/run/state.ts';

const CLOCK_KEY = KEY + 'clock';
const SPEEDS = [1, 10, 60];
const TICK_MS = 500;
/** The most simulated time a run catches up after the panel was closed (a long read, a lunch break). */
const CATCH_UP_MAX_MS = 30 * 60_000;

/** The simulated time of day (UTC); the date is in the element's title. */
function clockText(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export class Dock {
  readonly el: HTMLElement;
  private lab: Lab;
  private panels: Record<'cluster' | 'terminal', HTMLElement>;
  private tabs: Record<'cluster' | 'terminal', HTMLButtonElement>;
  private cluster: ClusterUI;
  private terminal: Terminal;
  private live: HTMLElement;
  private askBox: HTMLElement;
  private clock: HTMLElement;
  private playBtn: HTMLButtonElement;
  private speedSel: HTMLSelectElement;
  private progress: HTMLElement;
  private progressBar: HTMLProgressElement;
  private modeSel: HTMLSelectElement;
  private shareOut: HTMLInputElement;
  private playing = true;
  private speed = 1;
  private ticking = false;
  private timer = 0;
  private jump: { cancel(): void } | null = null;
  private lastFocus: HTMLElement | null = null;
  private toastEl: HTMLElement | null = null;
  private toastTimer = 0;
  /** Since when the wall clock has not been turned into simulated time (performance.now()). */
  private since = performance.now();
  private hiddenAt = 0;

  constructor(lab: Lab, host: HTMLElement | null) {
    this.lab = lab;
    try {
      const c = JSON.parse(localStorage.getItem(CLOCK_KEY) ?? '{}');
      if (typeof c.playing === 'boolean') this.playing = c.playing;
      if (SPEEDS.includes(c.speed)) this.speed = c.speed;
    } catch {
      /* defaults */
    }
    const id = nextId('run-dock');
    this.live = h('p', { class: 'run-live', role: 'status', 'aria-live': 'polite' });
    this.askBox = h('div', { class: 'run-ask', hidden: true });
    this.clock = h('span', { class: 'run-clock' }, '—');
    this.playBtn = h('button', { type: 'button', class: 'run-small' });
    this.speedSel = h('select', { 'aria-label': '시간 속도' }, ...SPEEDS.map((s) => h('option', { value: String(s), selected: s === this.speed }, `${s}×`)));
    this.progressBar = h('progress', { max: '100', value: '0', 'aria-label': '시간 건너뛰는 중' });
    const stop = h('button', { type: 'button', class: 'run-small' }, '멈춤');
    this.progress = h('span', { class: 'run-progress', hidden: true }, this.progressBar, stop);
    this.modeSel = h('select', { 'aria-label': '클러스터 선택' }, h('option', { value: 'page' }, '이 페이지 클러스터'), h('option', { value: 'lab' }, '내 실습실 (모든 페이지)'));
    this.modeSel.value = lab.mode;
    const reset = h('button', { type: 'button', class: 'run-small' }, '초기화');
    const share = h('button', { type: 'button', class: 'run-small' }, '공유 링크');
    this.shareOut = h('input', { type: 'text', readonly: true, class: 'run-share-out', 'aria-label': '공유 링크 주소', hidden: true });
    const close = h('button', { type: 'button', class: 'run-small run-close', 'aria-label': '실습 패널 닫기' }, '닫기');
    const jump = (ms: number, label: string) => {
      const b = h('button', { type: 'button', class: 'run-small', 'aria-label': `시간을 ${label} 앞으로` }, `+${label}`);
      b.addEventListener('click', () => this.jumpBy(ms));
      return b;
    };

    const tablist = h('div', { class: 'run-tabs', role: 'tablist', 'aria-label': '실습 도구' });
    const mk = (key: 'cluster' | 'terminal', label: string) => {
      const tab = h('button', { type: 'button', role: 'tab', id: `${id}-${key}-tab`, 'aria-controls': `${id}-${key}`, 'aria-selected': 'false', tabindex: '-1' }, label);
      const panel = h('div', { role: 'tabpanel', id: `${id}-${key}`, 'aria-labelledby': `${id}-${key}-tab`, class: `run-panel run-panel-${key}`, hidden: true });
      tab.addEventListener('click', () => this.select(key));
      tablist.append(tab);
      return { tab, panel };
    };
    const c = mk('cluster', '클러스터');
    const t = mk('terminal', '터미널');
    this.tabs = { cluster: c.tab, terminal: t.tab };
    this.panels = { cluster: c.panel, terminal: t.panel };
    tablist.addEventListener('keydown', (ev) => {
      if (ev.key === 'ArrowLeft' || ev.key === 'ArrowRight' || ev.key === 'Home' || ev.key === 'End') {
        ev.preventDefault();
        const next = this.tabs.cluster.getAttribute('aria-selected') === 'true' ? 'terminal' : 'cluster';
        this.select(ev.key === 'Home' ? 'cluster' : ev.key === 'End' ? 'terminal' : next);
        this.tabs[ev.key === 'Home' ? 'cluster' : ev.key === 'End' ? 'terminal' : next].focus();
      }
    });

    this.el = h(
      'section',
      { class: 'run-dock', 'aria-labelledby': `${id}-title`, hidden: true, id },
      h(
        'div',
        { class: 'run-dock-head' },
        h('h2', { id: `${id}-title`, class: 'run-dock-title' }, '실습 클러스터'),
        close,
        h('div', { class: 'run-row', role: 'group', 'aria-label': '시간' }, h('span', { class: 'run-label' }, '시간'), this.clock, this.playBtn, this.speedSel, jump(30_000, '30초'), jump(300_000, '5분'), this.progress),
        h('div', { class: 'run-row', role: 'group', 'aria-label': '세션' }, this.modeSel, reset, share),
        this.shareOut,
        this.askBox,
        this.live,
        tablist,
      ),
      c.panel,
      t.panel,
    );
    (host ?? document.body).append(this.el);

    this.cluster = new ClusterUI(lab, c.panel);
    this.terminal = new Terminal(lab, t.panel);

    lab.on('notice', (text) => this.say(text));
    lab.on('view', (v) => {
      this.clock.textContent = clockText(v.now);
      this.clock.title = new Date(v.now).toISOString().replace('.000Z', 'Z');
    });
    lab.on('progress', (done, total) => {
      this.progressBar.value = Math.round((done / total) * 100);
      this.clock.textContent = clockText(lab.now);
    });
    lab.on('state', () => {
      this.modeSel.value = lab.mode;
      this.clock.textContent = lab.now ? clockText(lab.now) : '—';
    });
    close.addEventListener('click', () => this.close());
    this.el.addEventListener('keydown', (ev) => {
      if (ev.key === 'Escape' && !(ev.target instanceof HTMLTextAreaElement)) this.close();
    });
    this.playBtn.addEventListener('click', () => this.setPlaying(!this.playing));
    this.speedSel.addEventListener('change', () => {
      this.speed = Number(this.speedSel.value) || 1;
      this.persistClock();
      this.say(`시간 속도: ${this.speed}배`);
    });
    stop.addEventListener('click', () => this.jump?.cancel());
    this.modeSel.addEventListener('change', async () => {
      const mode = this.modeSel.value as Mode;
      await lab.switchMode(mode);
      this.say(mode === 'lab' ? '내 실습실로 바꿨습니다. 이 클러스터는 모든 페이지에서 이어집니다.' : '이 페이지의 클러스터로 바꿨습니다.');
    });
    const doReset = async () => {
      this.jump?.cancel();
      await lab.reset();
      this.terminal.clear();
      this.say('클러스터를 처음 상태로 되돌렸습니다.');
    };
    reset.addEventListener('click', () => {
      // Nothing to lose: reset at once. Otherwise ask first — a reset cannot be undone.
      const commands = lab.saved.ops.filter((o) => o.t !== 'a').length;
      if (!commands) return void doReset();
      const where = lab.mode === 'lab' ? '내 실습실을' : '이 페이지의 클러스터를';
      this.ask(`${where} 처음 상태로 되돌릴까요? 지금까지 실행한 명령 ${commands}개와 그 결과가 사라지며 되돌릴 수 없습니다.`, [
        { label: '초기화', run: doReset },
        { label: '취소', run: () => this.say('초기화하지 않았습니다.') },
      ]);
    });
    share.addEventListener('click', async () => {
      const link = await shareLink(lab);
      this.shareOut.value = link;
      this.shareOut.hidden = false;
      let copied = false;
      try {
        await navigator.clipboard.writeText(link);
        copied = true;
      } catch {
        /* shown in the field instead */
      }
      this.shareOut.select();
      this.say(copied ? '공유 링크를 복사했습니다. 받는 사람의 브라우저에서 같은 명령을 다시 실행해 같은 클러스터를 만듭니다.' : '공유 링크를 만들었습니다. 입력란에서 복사하세요.');
    });
    document.addEventListener('visibilitychange', () => {
      // A hidden tab's time does not flow (as while the panel is open and ticking).
      if (document.hidden) this.hiddenAt = performance.now();
      else if (this.hiddenAt) this.since += performance.now() - this.hiddenAt;
      this.schedule();
    });
    // With the panel closed the clock still plays: the next run first catches up (at most 30 min).
    lab.catchUp = () => {
      const now = performance.now();
      const idle = now - this.since;
      this.since = now;
      if (!this.playing || this.isOpen || this.jump) return 0;
      return Math.min(idle * this.speed, CATCH_UP_MAX_MS);
    };
    this.renderPlay();
  }

  say(text: string): void {
    // Re-announce identical text too.
    this.live.textContent = '';
    requestAnimationFrame(() => (this.live.textContent = text));
    if (!this.isOpen) this.toast(text);
  }

  /** With the dock closed, notices show in a toast at the bottom of the window. */
  private toast(text: string) {
    this.toastEl ??= document.body.appendChild(h('p', { class: 'run-toast', role: 'status', hidden: true }));
    const el = this.toastEl;
    el.textContent = text;
    el.hidden = false;
    clearTimeout(this.toastTimer);
    this.toastTimer = window.setTimeout(() => (el.hidden = true), 8000);
  }

  /** A question with buttons in the dock header (share links, reset). */
  ask(text: string, choices: { label: string; run(): void | Promise<void> }[]): void {
    this.askBox.replaceChildren(h('p', {}, text));
    for (const c of choices) {
      const b = h('button', { type: 'button', class: 'run-small' }, c.label);
      b.addEventListener('click', async () => {
        this.askBox.hidden = true;
        await c.run();
      });
      this.askBox.append(b);
    }
    this.askBox.hidden = false;
    (this.askBox.querySelector('button') as HTMLButtonElement | null)?.focus();
  }

  get isOpen(): boolean {
    return !this.el.hidden;
  }

  open(tab: 'cluster' | 'terminal'): void {
    if (!this.isOpen) {
      this.lastFocus = document.activeElement as HTMLElement | null;
      // The page narrows (wide screens) or grows at the bottom: keep what the reader was at in place.
      keepInView(() => {
        this.el.hidden = false;
        document.documentElement.classList.add('run-dock-open');
      });
    }
    if (this.toastEl) this.toastEl.hidden = true;
    this.select(tab);
    void this.lab.start().then(() => this.schedule(), () => undefined);
    if (tab === 'terminal') this.terminal.focus();
    else this.tabs.cluster.focus();
  }

  close(): void {
    this.since = performance.now();
    keepInView(() => {
      this.el.hidden = true;
      document.documentElement.classList.remove('run-dock-open');
    }, this.lastFocus);
    this.schedule();
    if (this.lastFocus?.isConnected) this.lastFocus.focus({ preventScroll: true });
  }

  select(key: 'cluster' | 'terminal'): void {
    for (const k of ['cluster', 'terminal'] as const) {
      const on = k === key;
      this.tabs[k].setAttribute('aria-selected', String(on));
      this.tabs[k].tabIndex = on ? 0 : -1;
      this.panels[k].hidden = !on;
    }
    if (key === 'cluster') this.cluster.refresh();
  }

  private setPlaying(p: boolean) {
    this.playing = p;
    this.persistClock();
    this.renderPlay();
    this.say(p ? '시간이 흐릅니다.' : '시간을 멈췄습니다.');
    this.schedule();
  }

  private renderPlay() {
    this.playBtn.textContent = this.playing ? '일시정지' : '재생';
    this.playBtn.setAttribute('aria-label', this.playing ? '시간 일시정지' : '시간 재생');
  }

  private persistClock() {
    try {
      localStorage.setItem(CLOCK_KEY, JSON.stringify({ playing: this.playing, speed: this.speed }));
    } catch {
      /* ignore */
    }
  }

  /** Time flows while the dock is open, playing, the tab visible and no jump is running. */
  private schedule() {
    clearTimeout(this.timer);
    if (!this.playing || !this.isOpen || document.hidden || this.jump || !this.lab.started) return;
    this.timer = window.setTimeout(() => this.tick(), TICK_MS);
  }

  private async tick() {
    if (this.ticking) return;
    this.ticking = true;
    this.since = performance.now();
    try {
      await this.lab.advance(TICK_MS * this.speed).done;
    } catch {
      /* the lab reports it */
    } finally {
      this.ticking = false;
      this.schedule();
    }
  }

  private async jumpBy(ms: number) {
    if (this.jump) return;
    clearTimeout(this.timer);
    const j = this.lab.advance(ms, 10_000);
    this.jump = j;
    this.progressBar.value = 0;
    this.progress.hidden = false;
    try {
      const done = await j.done;
      this.say(done < ms ? `시간을 ${Math.round(done / 1000)}초 앞으로 옮기고 멈췄습니다.` : `시간을 ${ms >= 60_000 ? `${ms / 60_000}분` : `${ms / 1000}초`} 앞으로 옮겼습니다.`);
    } catch {
      /* reported */
    } finally {
      this.jump = null;
      this.progress.hidden = true;
      this.schedule();
    }
  }
}

/**
 * Runs a layout change and scrolls so that the reader's place stays where it was on screen: the
 * preferred or the focused element when it is in the page's text and visible (a block's button),
 * else the text a third down the window.
 */
function keepInView(change: () => void, preferred: Element | null = null): void {
  const main = document.querySelector('main') ?? document.body;
  const visible = (el: Element | null) => {
    if (!el || !main.contains(el)) return false;
    const r = el.getBoundingClientRect();
    return r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
  };
  let anchor: Element | null = visible(preferred) ? preferred : document.activeElement;
  if (!visible(anchor)) {
    const box = main.getBoundingClientRect();
    anchor = document.elementFromPoint(Math.max(box.left + 24, 8), Math.round(window.innerHeight / 3));
    if (!visible(anchor)) anchor = null;
  }
  const before = anchor?.getBoundingClientRect().top;
  change();
  if (anchor && before !== undefined && anchor.isConnected) {
    const delta = anchor.getBoundingClientRect().top - before;
    if (Math.abs(delta) >= 1) window.scrollBy(0, delta);
  }
}
