/**
 * The mock exam's working part (loaded by exam-page.ts): start, the question navigator with each
 * question's context, the timer, the terminal on the cluster of the current context (one cluster
 * per question, switched with `kubectl config use-context`), finishing (by hand or when time runs
 * out) with the score and per-question feedback. The state is saved locally after every change and
 * restored on return; damaged saved data is dropped with a notice. Text from labs and checks is
 * rendered as text nodes.
 */
import { Terminal } from '../run/terminal.ts';
import type { Lab as RunLab } from '../run/lab.ts';
import { h } from '../run/dom.ts';
import { confirmTwice } from './confirm.ts';
import { pushOp, type Op } from '../../lib/run/state.ts';
import { EXAM_KEY, EXAM_MINUTES, PASS_SCORE, attempted, clock, newExam, readExam, remainingMs, scoreExam, type ExamLab, type ExamResult, type ExamState } from '../../labs/exam.ts';
import { failureNotice } from '../../labs/progress.ts';
import { parseText } from '../../labs/text.ts';
import { DOMAINS, type Domain } from '../../labs/types.ts';
import { SimClient } from './client.ts';
import { forget, saveLater, storage } from '../run/saved.ts';
import type { ExamOpResult } from './protocol.ts';
import css from '../run/run.css?inline';

interface LabInfo {
  section: string;
  id: string;
  title: string;
  task: string;
  domain: Domain;
}

/** A lab text as DOM (text nodes only). */
function renderText(src: string): Node[] {
  const inl = (xs: { code: boolean; text: string }[]) => xs.map((i) => (i.code ? h('code', {}, i.text) : document.createTextNode(i.text)));
  return parseText(src).map((b) => (b.kind === 'p' ? h('p', {}, inl(b.inl)) : h('ul', {}, b.items.map((it) => h('li', {}, inl(it))))));
}

function randomSeed(): number {
  try {
    return crypto.getRandomValues(new Uint32Array(1))[0] || 1;
  } catch {
    return (Date.now() % 1_000_000_007) || 1;
  }
}

export function mountExam(el: HTMLElement): void {
  if (!document.getElementById('kn-run-css')) document.head.append(Object.assign(document.createElement('style'), { id: 'kn-run-css', textContent: css }));
  const store = storage();
  // The labs the exam draws from, with their texts (JSON in the page: nothing heavy to load).
  let pool: LabInfo[] = [];
  try {
    const data: unknown = JSON.parse(document.getElementById('exam-labs')?.textContent ?? '[]');
    if (Array.isArray(data)) pool = data.filter((l) => l && typeof l.section === 'string' && typeof l.id === 'string' && typeof l.title === 'string' && typeof l.task === 'string' && l.domain in DOMAINS);
  } catch {
    pool = [];
  }
  const labs: Record<string, LabInfo & { href: string }> = Object.fromEntries(pool.map((l) => [`${l.section}/${l.id}`, { ...l, href: `/labs/${l.section}/${l.id}/` }]));
  const q = <T extends Element>(sel: string) => el.querySelector<T>(sel)!;
  const noticeEl = q<HTMLElement>('[data-notice]');
  const startBox = q<HTMLElement>('[data-start]');
  const startBtn = q<HTMLButtonElement>('[data-act="start"]');
  const runBox = q<HTMLElement>('[data-running]');
  const resultBox = q<HTMLElement>('[data-results]');
  const timerEl = q<HTMLElement>('[data-timer]');
  const announce = q<HTMLElement>('[data-announce]');
  const ctxEl = q<HTMLElement>('[data-current-context]');
  const navEl = q<HTMLElement>('[data-nav]');
  const questionEl = q<HTMLElement>('[data-question]');
  const finishBtn = q<HTMLButtonElement>('[data-act="finish"]');
  const panel = q<HTMLElement>('[data-term]');

  const notice = (t: string) => {
    noticeEl.textContent = t;
  };

  let state: ExamState | null = null;
  const read = readExam(store?.getItem(EXAM_KEY) ?? null, (k) => k in labs);
  if (read.ok) state = read.state;
  else forget(store, EXAM_KEY, failureNotice(read.reason, '모의시험'), notice);

  const persist = saveLater(
    () => {
      if (state) store?.setItem(EXAM_KEY, JSON.stringify(state));
    },
    () => notice('브라우저 저장 공간을 쓸 수 없어 시험 진행 상황을 저장하지 못했습니다.'),
  );

  let client: SimClient | null = null;
  let terminal: Terminal | null = null;
  let tick = 0;
  let shown = 0;
  let finishing = false;
  const announced = new Set<number>();

  const showContext = () => {
    if (!state) return;
    ctxEl.textContent = state.current;
    for (const b of navEl.querySelectorAll<HTMLElement>('[data-ctx]')) b.toggleAttribute('data-current', b.dataset.ctx === state.current);
  };

  const showQuestion = (i: number) => {
    if (!state) return;
    shown = Math.max(0, Math.min(state.tasks.length - 1, i));
    const t = state.tasks[shown];
    const info = labs[t.key];
    for (const b of navEl.querySelectorAll<HTMLButtonElement>('button[data-i]')) b.setAttribute('aria-pressed', String(Number(b.dataset.i) === shown));
    const useLine = `kubectl config use-context ${t.context}`;
    const switchBtn = h('button', { type: 'button', class: 'lab-btn', 'data-act': 'use' }, '이 컨텍스트로 전환');
    switchBtn.addEventListener('click', () => void runLine(useLine));
    questionEl.replaceChildren(
      h('h3', { id: 'question-title', tabindex: '-1' }, `문제 ${shown + 1} / ${state.tasks.length}`, h('span', { class: 'exam-q-meta' }, ` · 배점 ${t.weight}% · ${DOMAINS[t.domain].title}`)),
      h('p', { class: 'exam-q-context' }, '이 문제는 컨텍스트 ', h('code', {}, t.context), '의 클러스터에서 푼다: ', h('code', {}, useLine), ' ', switchBtn),
      h('div', { class: 'lab-task' }, info ? [h('p', { class: 'exam-q-title' }, info.title), ...renderText(info.task)] : h('p', {}, '이 문제의 내용을 찾지 못했습니다.')),
    );
  };

  const buildNav = () => {
    if (!state) return;
    navEl.replaceChildren(
      ...state.tasks.map((t, i) => {
        const b = h('button', { type: 'button', class: 'exam-nav-btn', 'data-i': String(i), 'data-ctx': t.context, 'aria-pressed': 'false', 'aria-label': `문제 ${i + 1} (${t.context})` }, String(i + 1));
        b.addEventListener('click', () => showQuestion(i));
        return b;
      }),
    );
  };

  /** Runs a line in the terminal as if typed (the switch button). */
  const runLine = async (line: string) => {
    if (!client || !terminal) return;
    const input = panel.querySelector<HTMLTextAreaElement>('textarea.term-in');
    if (!input) return;
    input.value = line;
    input.dispatchEvent(new Event('input'));
    input.focus();
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
  };

  const updateTimer = () => {
    if (!state || state.finished) return;
    const left = remainingMs(state, Date.now());
    timerEl.textContent = clock(left);
    timerEl.toggleAttribute('data-low', left <= 10 * 60_000);
    for (const m of [30, 10, 5, 1]) {
      if (left <= m * 60_000 && left > (m - 1) * 60_000 && !announced.has(m) && state.durationMs > m * 60_000) {
        announced.add(m);
        announce.textContent = `남은 시간 ${m}분입니다.`;
      }
    }
    if (left <= 0) void finish('timeout');
  };

  const showResults = (r: ExamResult) => {
    startBox.hidden = false;
    runBox.hidden = true;
    resultBox.hidden = false;
    const total = state?.tasks.length ?? r.tasks.length;
    const passedN = r.tasks.filter((t) => t.ok).length;
    resultBox.replaceChildren(
      h('h2', { id: 'result-title', tabindex: '-1' }, '채점 결과'),
      h(
        'p',
        { class: 'exam-score', 'data-score': String(r.score), 'data-passed': String(r.passed) },
        `${r.score}점 / 100점 — ${r.passed ? '합격' : '불합격'} (합격 기준 ${PASS_SCORE}점)`,
      ),
      h('p', {}, `${total}문제 중 ${passedN}문제를 통과했습니다. ${r.reason === 'timeout' ? '시간이 다 되어 자동으로 채점했습니다.' : '직접 끝내고 채점했습니다.'}`),
      h(
        'ol',
        { class: 'exam-results' },
        r.tasks.map((t, i) => {
          const info = labs[t.key];
          return h(
            'li',
            { 'data-ok': String(t.ok) },
            h('p', { class: 'exam-r-title' }, `문제 ${i + 1} · ${info?.title ?? t.key} · ${t.context} · 배점 ${t.weight}% — `, h('strong', {}, t.ok ? '통과' : t.attempted ? '실패' : '풀지 않음')),
            t.ok ? null : h('ul', {}, t.messages.map((m) => h('li', {}, m))),
            info ? h('p', { class: 'exam-r-link' }, h('a', { href: info.href }, '이 실습을 다시 풀어 보기')) : null,
          );
        }),
      ),
    );
    startBtn.textContent = '새 모의시험 시작';
    (resultBox.querySelector('#result-title') as HTMLElement | null)?.focus();
  };

  const finish = async (reason: 'submitted' | 'timeout') => {
    if (!state || state.finished || finishing) return;
    finishing = true;
    clearInterval(tick);
    finishBtn.disabled = true;
    timerEl.textContent = reason === 'timeout' ? '00:00' : timerEl.textContent;
    notice(reason === 'timeout' ? '시간이 다 되었습니다. 채점하는 중…' : '채점하는 중… 문제마다 클러스터 상태를 봅니다.');
    let grades = {};
    try {
      if (!client) client = makeClient();
      const used = Object.values(state.ops).some((ops) => attempted(ops));
      if (used) grades = (await client.gradeExam()).grades;
    } catch {
      notice('채점 중에 시뮬레이터가 멈췄습니다. 쓴 클러스터를 채점하지 못해 모두 실패로 셉니다.');
    }
    state.finished = scoreExam(state, grades, Date.now(), reason);
    persist(true);
    client?.stop();
    client = null;
    finishing = false;
    notice('');
    showResults(state.finished);
  };

  const makeClient = () => {
    const c = new SimClient({
      init: () => ({ type: 'exam', tasks: state!.tasks, current: state!.current, ops: state!.ops }),
      ran(_ops, results) {
        if (!state) return;
        for (const r of results as ExamOpResult[]) {
          for (const l of r.log ?? []) pushOp((state.ops[l.ctx] ??= []), l.op);
          if (r.current) state.current = r.current;
        }
        persist();
        showContext();
      },
      started(r) {
        if ('current' in r) state!.current = r.current;
        showContext();
      },
    });
    c.on('notice', notice);
    c.on('busy', (b) => el.toggleAttribute('data-busy', b));
    return c;
  };

  const begin = () => {
    if (!state) return;
    startBox.hidden = true;
    resultBox.hidden = true;
    runBox.hidden = false;
    finishBtn.disabled = false;
    buildNav();
    showQuestion(0);
    showContext();
    client = makeClient();
    panel.replaceChildren();
    terminal = new Terminal(client as unknown as RunLab, panel);
    updateTimer();
    clearInterval(tick);
    tick = window.setInterval(updateTimer, 1000);
    // Saved work comes back at once (the clusters replay lazily, one when first needed).
    if (Object.values(state.ops).some((o) => o.length)) void client.start().catch(() => notice('저장된 시험을 불러오지 못했습니다.'));
  };

  // Results on screen are lost with a new exam: a second press confirms.
  confirmTwice(startBtn, '한 번 더 누르면 이 결과를 지우고 새 시험을 시작합니다', () => {
    state = newExam(randomSeed(), Date.now(), pool.map((l) => ({ section: l.section as ExamLab['section'], id: l.id, domain: l.domain })), EXAM_MINUTES);
    announced.clear();
    persist(true);
    notice('');
    begin();
    (questionEl.querySelector('#question-title') as HTMLElement | null)?.focus();
  }, () => !!state?.finished);

  confirmTwice(finishBtn, '정말 끝낼까요? 한 번 더 누르면 채점합니다', () => void finish('submitted'));

  startBtn.disabled = false;
  if (state?.finished) showResults(state.finished);
  else if (state) {
    begin();
    if (remainingMs(state, Date.now()) <= 0) void finish('timeout');
    else notice('진행 중인 모의시험을 이어서 불러왔습니다.');
  }
  window.addEventListener('pagehide', () => persist(true));
}

export type { Op };
