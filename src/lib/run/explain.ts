/**
 * "Why is it there / why is it Pending": a Korean reading of the scheduler's decision record
 * (src/sim/scheduler/schedule.ts DecisionRecord) and of the FailedScheduling message. Pure; the
 * reasons are the texts the kube-scheduler plugins (v1.35) return, matched by pattern.
 */
import type { DecisionRecord } from '../../sim/scheduler/schedule.ts';

/** Plugin names as Kubernetes names them, with what they check, in Korean. */
export const PLUGIN_KO: Record<string, string> = {
  PrioritySort: '우선순위 정렬',
  NodeUnschedulable: '스케줄 불가능(cordon) 여부',
  NodeName: '파드의 nodeName',
  TaintToleration: '테인트와 톨러레이션',
  NodeAffinity: '노드셀렉터·노드 어피니티',
  NodePorts: '호스트 포트',
  NodeResourcesFit: '리소스 요청(requests)',
  NodeResourcesBalancedAllocation: '리소스 균형',
  VolumeRestrictions: '볼륨 제약',
  NodeVolumeLimits: '볼륨 수 제한',
  VolumeBinding: '볼륨 바인딩',
  VolumeZone: '볼륨 존',
  PodTopologySpread: '토폴로지 분배 제약',
  InterPodAffinity: '파드 간 어피니티',
  ImageLocality: '이미지가 이미 있는 노드',
  DefaultPreemption: '선점(preemption)',
  DefaultBinder: '바인딩',
  SchedulingGates: '스케줄링 게이트',
  DynamicResources: '동적 리소스',
};

export const pluginKo = (p: string) => PLUGIN_KO[p] ?? p;

/** One reason text a plugin gives, explained in Korean. */
export function reasonKo(reason: string): string {
  const r = reason.trim();
  let m: RegExpMatchArray | null;
  if (/^node\(s\) were unschedulable$/.test(r)) return '노드가 스케줄 불가능(unschedulable) 상태입니다. cordon이나 drain을 한 노드이며, `kubectl uncordon`으로 되돌립니다.';
  if (/^node\(s\) didn't match the requested node name$/.test(r)) return '파드의 `spec.nodeName`이 다른 노드를 가리킵니다.';
  if ((m = r.match(/^node\(s\) had untolerated taint\s*\{(.*)\}$/))) {
    const taint = m[1].trim();
    if (/^node\.kubernetes\.io\/(unreachable|not-ready)/.test(taint)) return `노드가 응답하지 않거나 준비되지 않아(Ready가 아님) 붙은 테인트 {${taint}}를 파드가 용인하지 않습니다.`;
    if (/^node-role\.kubernetes\.io\/control-plane/.test(taint)) return `컨트롤 플레인 노드의 테인트 {${taint}}를 파드가 용인하지 않습니다. 보통 컨트롤 플레인에는 일반 파드를 올리지 않습니다.`;
    return `노드의 테인트 {${taint}}를 용인하는 톨러레이션이 파드에 없습니다. 톨러레이션을 넣거나 노드에서 테인트를 지웁니다.`;
  }
  if (/^node\(s\) had untolerated taint\(s\)$/.test(r)) return '노드에 파드가 용인하지 않는 테인트가 있습니다. 파드에 톨러레이션을 넣거나 노드에서 테인트를 지웁니다.';
  if (/^node\(s\) didn't match Pod's node affinity\/selector$/.test(r)) return '파드의 노드셀렉터(nodeSelector)나 노드 어피니티가 노드의 레이블과 맞지 않습니다. `kubectl get nodes --show-labels`로 레이블을 확인합니다.';
  if ((m = r.match(/^Insufficient (\S+)$/))) {
    const what = m[1] === 'cpu' ? 'CPU' : m[1] === 'memory' ? '메모리' : m[1];
    return `${what}가 모자랍니다: 노드의 할당 가능(allocatable) 양에서 다른 파드들이 이미 요청(requests)한 양을 빼면 이 파드의 요청보다 적습니다. 실제 사용량이 아니라 requests의 합으로 판단합니다.`;
  }
  if (/^Too many pods$/.test(r)) return '노드가 받을 수 있는 파드 수(allocatable pods)가 찼습니다.';
  if (/^node\(s\) didn't have free ports for the requested pod ports$/.test(r)) return '파드가 요청한 hostPort를 노드에서 이미 다른 파드가 쓰고 있습니다.';
  if (/^node\(s\) didn't match pod topology spread constraints/.test(r)) return '토폴로지 분배 제약(topologySpreadConstraints)을 지키면 이 노드에 올릴 수 없습니다.';
  if (/^node\(s\) didn't match pod affinity rules$/.test(r)) return '파드 어피니티 규칙이 요구하는 파드가 이 노드(토폴로지)에 없습니다.';
  if (/^node\(s\) didn't match pod anti-affinity rules$/.test(r)) return '파드 안티-어피니티 규칙 때문에 이 노드에는 올릴 수 없습니다.';
  if (/^node\(s\) didn't satisfy existing pods anti-affinity rules$/.test(r)) return '이미 노드에 있는 파드의 안티-어피니티 규칙이 이 파드를 막습니다.';
  if (/^node\(s\) had volume node affinity conflict$/.test(r)) return '파드가 쓰는 볼륨이 다른 노드(존)에 묶여 있습니다.';
  if (/unbound immediate PersistentVolumeClaims/.test(r)) return '파드가 쓰는 퍼시스턴트볼륨클레임이 아직 바인딩되지 않았습니다.';
  if ((m = r.match(/^node\(s\) didn't satisfy plugin\(s\) \[(.*)\]$/))) return `PreFilter 단계에서 ${m[1]} 플러그인이 후보에서 뺀 노드입니다.`;
  if (/^Preemption is not helpful for scheduling$/.test(r)) return '선점(preemption)해도 소용이 없습니다: 다른 파드를 내보내도 해결되지 않는 이유(테인트, 레이블 등)로 탈락한 노드입니다.';
  if (/^No preemption victims found for incoming pod$/.test(r)) return '내보낼 수 있는(우선순위가 더 낮은) 파드가 없어 선점할 수 없습니다.';
  if (/^no nodes available to schedule pods$/.test(r)) return '클러스터에 노드가 하나도 없습니다.';
  if (/^pod has unbound/.test(r)) return '파드의 볼륨 클레임이 바인딩되지 않았습니다.';
  if (/scheduling gates/.test(r)) return '파드에 스케줄링 게이트(schedulingGates)가 남아 있어 스케줄러가 아직 다루지 않습니다.';
  return '';
}

export interface MessagePart {
  /** The text as the scheduler wrote it ("2 Insufficient cpu"). */
  text: string;
  /** How many nodes it concerns. */
  count: number | null;
  ko: string;
}

export interface MessageReading {
  /** "0/3 nodes are available" */
  head: string;
  parts: MessagePart[];
  preemption: { head: string; parts: MessagePart[] } | null;
}

function readList(s: string): { head: string; parts: MessagePart[] } {
  const m = s.match(/^(\d+\/\d+ nodes are available): (.*?)\.?$/s);
  if (!m) return { head: s.replace(/\.$/, ''), parts: [{ text: s, count: null, ko: reasonKo(s) }] };
  const parts = m[2].split(/, (?=\d+ )/).map((p) => {
    const pm = p.match(/^(\d+) (.*)$/s);
    const count = pm ? Number(pm[1]) : null;
    const reason = pm ? pm[2] : p;
    return { text: p, count, ko: reasonKo(reason) };
  });
  return { head: m[1], parts };
}

/**
 * The FailedScheduling message, part by part: "0/3 nodes are available: 1 node(s) had untolerated
 * taint {…}, 2 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims …".
 */
export function readFailedScheduling(message: string): MessageReading {
  const [main, pre] = message.split(/\.? preemption: /);
  const first = readList(main.trim());
  return { head: first.head, parts: first.parts, preemption: pre ? readList(pre.trim()) : null };
}

export type CellResult = 'pass' | 'fail' | 'skip' | 'not-run';

export interface ExplainRow {
  node: string;
  evaluated: boolean;
  feasible: boolean;
  filters: { plugin: string; result: CellResult; reasons: string[]; ko: string }[];
  scores: { plugin: string; raw: number; normalized: number; weight: number; weighted: number }[] | null;
  total: number | null;
  winner: boolean;
  tie: boolean;
}

export interface Explanation {
  pod: string;
  profile: string;
  filterPlugins: string[];
  scorePlugins: { plugin: string; weight: number }[];
  rows: ExplainRow[];
  winner: string | null;
  /** Korean sentences: the decision in words. */
  summary: string[];
  message: MessageReading | null;
}

/** The table and the sentences for one decision record. */
export function explain(record: DecisionRecord): Explanation {
  const filterPlugins: string[] = [];
  for (const n of record.nodes) for (const f of n.filters) if (!filterPlugins.includes(f.plugin)) filterPlugins.push(f.plugin);
  const scorePlugins = record.scorePlugins.map((plugin, i) => ({ plugin, weight: record.weights[i] ?? 1 }));
  const ties = new Set(record.ties);
  const rows: ExplainRow[] = record.nodes.map((n) => {
    const byPlugin = new Map(n.filters.map((f) => [f.plugin, f]));
    const failedAt = n.filters.findIndex((f) => f.code !== 'Success' && f.code !== 'Skip');
    return {
      node: n.node,
      evaluated: n.evaluated,
      feasible: n.feasible,
      filters: filterPlugins.map((p, i) => {
        const f = byPlugin.get(p);
        if (!f) return { plugin: p, result: failedAt >= 0 && i > failedAt ? 'not-run' : record.skippedFilterPlugins.includes(p) ? 'skip' : 'not-run', reasons: [], ko: '' };
        const ok = f.code === 'Success' || f.code === 'Skip';
        return { plugin: p, result: f.code === 'Skip' ? 'skip' : ok ? 'pass' : 'fail', reasons: [...f.reasons], ko: ok ? '' : f.reasons.map(reasonKo).filter(Boolean).join(' ') };
      }) as ExplainRow['filters'],
      scores: n.scores ? n.scores.map((s) => ({ ...s })) : null,
      total: n.total,
      winner: n.node === record.winner,
      tie: ties.has(n.node),
    };
  });

  const summary: string[] = [];
  const failed = rows.filter((r) => r.evaluated && !r.feasible);
  if (record.preFilterStatus) {
    summary.push(`PreFilter 단계에서 ${pluginKo(record.preFilterStatus.plugin)}(${record.preFilterStatus.plugin})가 파드를 거절해 어떤 노드도 검사하지 않았습니다: ${record.preFilterStatus.reasons.join(', ')}`);
  }
  if (record.winner) {
    summary.push(`노드 ${record.numAllNodes}개 중 ${record.feasibleNodes}개가 필터(Filter)를 통과했고, ${record.winner}에 배치했습니다.`);
    if (record.scoringSkipped === 'single-feasible-node') summary.push('통과한 노드가 하나뿐이라 점수(Score)는 매기지 않았습니다.');
    else if (record.scoringSkipped === 'nominated-node') summary.push('선점으로 지명된 노드(nominatedNodeName)를 먼저 검사해 통과했으므로 바로 골랐습니다.');
    else if (record.maxScore !== null) {
      summary.push(`점수는 플러그인마다 0–100으로 정규화한 값에 가중치를 곱해 더합니다. 가장 높은 점수는 ${record.maxScore}점입니다.`);
      if (record.ties.length > 1) summary.push(`${record.ties.join(', ')}: ${record.maxScore}점으로 동점이라 스케줄러가 그중 하나를 무작위로(저수지 샘플링) 골랐습니다 → ${record.winner}.`);
    }
  } else {
    summary.push(`노드 ${record.numAllNodes}개 중 어느 노드도 필터를 통과하지 못해 파드는 Pending으로 남습니다. 스케줄러는 클러스터가 바뀌면(노드 추가, 테인트 삭제, 파드 삭제 등) 다시 시도합니다.`);
  }
  for (const r of failed) {
    const f = r.filters.find((c) => c.result === 'fail');
    if (f) summary.push(`${r.node}: ${pluginKo(f.plugin)}(${f.plugin}) 필터에서 탈락 — ${f.ko || f.reasons.join(', ')}`);
  }
  const unevaluated = rows.filter((r) => !r.evaluated).map((r) => r.node);
  if (unevaluated.length) summary.push(`검사하지 않은 노드: ${unevaluated.join(', ')} (PreFilter가 후보에서 뺐거나, 찾을 만큼 찾아서 멈췄습니다).`);
  if (record.postFilter?.nominatedNodeName) summary.push(`선점: ${record.postFilter.nominatedNodeName}에서 우선순위가 낮은 파드 ${record.postFilter.victims.length}개를 내보내고 그 노드를 지명했습니다.`);
  if (record.notSimulated.length) summary.push(`시뮬레이터가 따라 하지 않는 플러그인: ${record.notSimulated.join(', ')}.`);

  return {
    pod: record.pod,
    profile: record.profile,
    filterPlugins,
    scorePlugins,
    rows,
    winner: record.winner,
    summary,
    message: record.fitError ? readFailedScheduling(record.fitError) : null,
  };
}
