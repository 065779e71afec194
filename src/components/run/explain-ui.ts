/**
 * The scheduler's decision as a table (node × plugin: each filter's pass/fail with its reason, each
 * score × weight, the total, the winner and ties) with the decision in Korean sentences, and for a
 * Pending pod the FailedScheduling message read part by part.
 */
import { pluginKo, readFailedScheduling, type Explanation, type MessageReading } from '../../lib/run/explain.ts';
import { h } from './dom.ts';

const RESULT_KO = { pass: '✓ 통과', fail: '✗ 탈락', skip: '건너뜀', 'not-run': '—' } as const;

function messageBlock(m: MessageReading, text: string): HTMLElement {
  const list = (parts: MessageReading['parts']) => h('ul', { class: 'why-parts' }, ...parts.map((p) => h('li', {}, h('code', {}, p.text), p.ko ? h('span', {}, ` — ${p.ko}`) : null)));
  return h(
    'div',
    { class: 'why-msg' },
    h('h4', {}, 'FailedScheduling 메시지'),
    h('pre', { class: 'run-transcript', tabindex: '0', 'aria-label': 'FailedScheduling 메시지 원문' }, text),
    h('p', {}, h('code', {}, m.head), ' — 노드 중 파드를 올릴 수 있는 노드가 없다는 뜻입니다. 노드마다 탈락한 이유를 세어 적습니다:'),
    list(m.parts),
    m.preemption ? [h('p', {}, h('code', {}, `preemption: ${m.preemption.head}`), ' — 우선순위가 낮은 파드를 내보내면(선점) 자리가 나는지도 따져 봤습니다:'), list(m.preemption.parts)] : null,
  );
}

export function renderExplanation(e: Explanation | null, pendingMessage: string, pending: boolean): HTMLElement {
  if (!e) {
    return h(
      'div',
      {},
      h('p', {}, pending ? '스케줄러가 아직 이 파드를 다루지 않았습니다. 시간을 조금 흘려 보세요.' : '이 파드는 스케줄러가 배치하지 않았습니다(스태틱 파드나 데몬셋 파드처럼 노드가 정해져 만들어졌거나, 세션을 다시 만든 뒤 기록이 없습니다).'),
      pendingMessage ? messageBlock(readFailedScheduling(pendingMessage), pendingMessage) : null,
    );
  }
  const table = h(
    'table',
    { class: 'why-table' },
    h('caption', {}, `${e.pod}: 노드 × 플러그인 (프로파일 ${e.profile})`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, '노드'),
        ...e.filterPlugins.map((p) => h('th', { scope: 'col' }, h('span', { class: 'why-kind' }, '필터'), h('br'), pluginKo(p), h('br'), h('code', {}, p))),
        ...e.scorePlugins.map((s) => h('th', { scope: 'col' }, h('span', { class: 'why-kind' }, `점수 ×${s.weight}`), h('br'), pluginKo(s.plugin), h('br'), h('code', {}, s.plugin))),
        h('th', { scope: 'col' }, '합계'),
      ),
    ),
    h(
      'tbody',
      {},
      ...e.rows.map((r) =>
        h(
          'tr',
          { class: r.winner ? 'why-win' : r.feasible ? '' : 'why-out' },
          h('th', { scope: 'row' }, r.node, r.winner ? h('span', { class: 'why-badge' }, ' ★ 선택') : null, r.tie && !r.winner ? h('span', { class: 'why-badge' }, ' 동점') : null, !r.evaluated ? h('span', { class: 'why-badge' }, ' 검사 안 함') : null),
          ...r.filters.map((f) => h('td', { class: `why-${f.result}` }, RESULT_KO[f.result], f.reasons.length ? [h('br'), h('code', {}, f.reasons.join(', '))] : null)),
          ...e.scorePlugins.map((sp) => {
            const s = r.scores?.find((x) => x.plugin === sp.plugin);
            return h('td', {}, s ? `${s.normalized} × ${s.weight} = ${s.weighted}` : '—', s && s.raw !== s.normalized ? h('span', { class: 'why-raw' }, ` (원점수 ${s.raw})`) : null);
          }),
          h('td', {}, r.total === null ? '—' : String(r.total)),
        ),
      ),
    ),
  );
  return h(
    'div',
    { class: 'why' },
    h('ul', { class: 'why-summary' }, ...e.summary.map((s) => h('li', {}, s))),
    h('div', { class: 'cv-scroll', tabindex: '0', role: 'region', 'aria-label': '스케줄링 결정 표' }, table),
    e.message ? messageBlock(e.message, pendingMessage || [e.message.head, ...e.message.parts.map((p) => p.text)].join(': ')) : pendingMessage ? messageBlock(readFailedScheduling(pendingMessage), pendingMessage) : null,
  );
}
