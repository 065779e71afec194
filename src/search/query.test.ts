import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GLOSSARY, SPELLING_FRAGMENTS, formsOf } from '../data/glossary.ts';
import {
  alsoSearched,
  buildLexicon,
  keyOf,
  lookup,
  planQuery,
  queriesOf,
  spellingAlternatives,
  stripParticles,
  SUFFIXES,
  titleMatch,
  words,
} from './query.ts';

test('glossary: ids unique, every entry has an English name, no form belongs to two entries', () => {
  const ids = GLOSSARY.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const e of GLOSSARY) assert.ok(e.en.length > 0, e.id);
  assert.doesNotThrow(() => buildLexicon());
  assert.throws(
    () => buildLexicon([{ id: 'a', ko: '파드', en: ['Pod'], category: 'workloads' }, { id: 'b', ko: '포드', en: ['pod'], category: 'workloads' }]),
    /belongs to both a and b/,
  );
});

test('glossary: every form is found again by lookup (spaces, case and hyphens do not matter)', () => {
  for (const e of GLOSSARY) {
    for (const f of formsOf(e)) {
      assert.equal(lookup(f)?.entry.id, e.id, f);
      assert.equal(lookup(f.toUpperCase())?.entry.id, e.id, f.toUpperCase());
    }
  }
  assert.equal(keyOf('컨피그 맵'), keyOf('컨피그맵'));
  assert.equal(keyOf('kube scheduler'), keyOf('kube-scheduler'));
});

test('suffixes are tried longest first (glossary section 3 order: 에서는 before 에서 before 에)', () => {
  for (let i = 1; i < SUFFIXES.length; i++) assert.ok(SUFFIXES[i - 1].length >= SUFFIXES[i].length, SUFFIXES[i]);
  assert.ok(SUFFIXES.indexOf('에서는') < SUFFIXES.indexOf('에서'));
  assert.ok(SUFFIXES.indexOf('에서') < SUFFIXES.indexOf('에'));
});

test('stripParticles: particles and endings go, known terms stay whole', () => {
  const cases: [string, string][] = [
    ['파드를', '파드'],
    ['파드는', '파드'],
    ['파드가', '파드'],
    ['파드들이', '파드'],
    ['쿠버네티스의', '쿠버네티스'],
    ['쿠버네티스에서', '쿠버네티스'],
    ['쿠버네티스란', '쿠버네티스'],
    ['톨러레이션이란', '톨러레이션'],
    ['톨러레이션이', '톨러레이션'],
    ['테인트와', '테인트'],
    ['노드에서는', '노드'],
    ['컨피그맵으로', '컨피그맵'],
    ['레이블로', '레이블'],
    ['시크릿은', '시크릿'],
    ['데몬셋이', '데몬셋'],
    ['롤아웃이야', '롤아웃'],
    ['스케줄링할', '스케줄링'],
    ['드레인하는', '드레인'],
    ['업그레이드하기', '업그레이드'],
    ['스케줄되는', '스케줄'],
    ['잡을', '잡'], // a one-syllable stem is kept because 잡 is a known term
    ['Pod가', 'Pod'],
    ['kubelet은', 'kubelet'],
    ['kubectl로', 'kubectl'],
    ['k8s란', 'k8s'],
    // never cut a known term
    ['서비스', '서비스'],
    ['데몬셋', '데몬셋'],
    ['드레인', '드레인'],
    ['레플리카셋', '레플리카셋'],
    ['스케줄러', '스케줄러'],
    ['컨테이너', '컨테이너'],
    // too little would remain
    ['역할', '역할'],
    ['정의', '정의'],
    ['추가', '추가'],
    ['이미지', '이미지'],
  ];
  for (const [word, stem] of cases) assert.equal(stripParticles(word), stem, word);
});

test('words: whitespace and commas split, surrounding punctuation goes, flags and paths stay', () => {
  assert.deepEqual(words(' 톨러레이션이 뭐야? '), ['톨러레이션이', '뭐야']);
  assert.deepEqual(words('--dry-run=client -o yaml'), ['--dry-run=client', '-o', 'yaml']);
  assert.deepEqual(words('“taint”, /etc/kubernetes/manifests'), ['taint', '/etc/kubernetes/manifests']);
});

const concepts = (q: string) => planQuery(q).units.map((u) => u.concept ?? `?${u.stem}`);

test('planQuery: units, in order, with particles stripped, fillers dropped and known phrases joined', () => {
  const cases: [string, string[]][] = [
    ['파드를 스케줄링', ['pod', 'scheduling']],
    ['톨러레이션이 뭐야', ['toleration']],
    ['drain 할 때', ['drain']],
    ['kubectl drain', ['drain']],
    ['컨피그 맵을', ['configmap']],
    ['컨트롤 플레인에서', ['control-plane']],
    ['노드 어피니티와 테인트 차이', ['node-affinity', 'taint', '?차이']],
    ['쿠버네티스의', ['kubernetes']],
    ['kubelet 은', ['kubelet']],
    ['스케줄러 프로필', ['scheduler-profile']],
    ['--dry-run', ['dry-run']],
    ['파드 로그 보는 법', ['pod', 'logs', '?보는']],
    ['스케쥴되지 않는 파드', ['?스케쥴', 'pod']],
    ['뭐야', ['?뭐야']], // a query of fillers only is searched as typed
    ['no', ['?no']], // the `nodes` short name is an ordinary word too: not expanded
    ['파드 포드 pod', ['pod']], // one unit per concept
  ];
  for (const [q, want] of cases) assert.deepEqual(concepts(q), want, q);
});

test('planQuery: spelling variants unify (스케쥴러 / 스케줄러, 파드 / 포드, 레플리카 / 래플리카, 노드포트 / NodePort)', () => {
  const pairs: [string, string][] = [
    ['스케쥴러', '스케줄러'],
    ['포드', '파드'],
    ['래플리카셋', '레플리카셋'],
    ['컨피그 맵', '컨피그맵'],
    ['노드포트', 'NodePort'],
    ['스케쥴링', '스케줄링'],
  ];
  for (const [a, b] of pairs) {
    const [ua] = planQuery(a).units;
    const [ub] = planQuery(b).units;
    assert.equal(ua.concept, ub.concept, `${a} / ${b}`);
    const qa = ua.forms.map((f) => keyOf(f.q));
    const qb = ub.forms.map((f) => keyOf(f.q));
    assert.ok(qa.includes(keyOf(b)), `${a} also searches ${b}: ${qa}`);
    assert.ok(qb.includes(keyOf(a)) || ub.forms.some((f) => keyOf(a).startsWith(keyOf(f.q))), `${b} also finds ${a}: ${qb}`);
  }
});

test('planQuery: English and Korean expand to each other; the typed form comes first', () => {
  const formsOfQuery = (q: string) => planQuery(q).units[0].forms.map((f) => f.q);
  assert.deepEqual(formsOfQuery('taint').slice(0, 2), ['taint', '테인트']);
  assert.ok(formsOfQuery('테인트').includes('taint'));
  assert.ok(formsOfQuery('NodePort').includes('노드포트'));
  assert.ok(formsOfQuery('Taints').includes('테인트'));
  assert.ok(formsOfQuery('svc').includes('서비스'));
  for (const q of ['파드', '스케줄러', 'kubectl drain', '마스터 노드', '쿠버네티스']) {
    const forms = planQuery(q).units[0].forms;
    assert.ok(forms.length <= 5, `${q}: at most 5 forms`);
    assert.equal(forms[0].weight, 1);
  }
});

test('planQuery: a form whose results another form already covers is not searched twice', () => {
  const forms = planQuery('스케줄러').units[0].forms.map((f) => f.q);
  assert.ok(forms.includes('scheduler'));
  assert.ok(!forms.includes('kube-scheduler'), 'scheduler matches kube-scheduler as a prefix of its part');
  assert.ok(!forms.includes('schedulers'));
});

test('queriesOf: the raw query is always searched, then the combined query, then each form once', () => {
  const plan = planQuery('파드를 스케줄링');
  const qs = queriesOf(plan);
  assert.equal(qs[0], '파드를 스케줄링');
  assert.equal(qs[1], '파드 스케줄링');
  assert.equal(new Set(qs).size, qs.length);
  assert.deepEqual(queriesOf(planQuery('   ')), []);
});

test('alsoSearched: names what was added beyond the typed words', () => {
  assert.deepEqual(alsoSearched(planQuery('스케쥴러')).slice(0, 2), ['스케줄러', 'scheduler']);
  assert.ok(alsoSearched(planQuery('쿠버네티스의')).includes('쿠버네티스'));
  assert.deepEqual(alsoSearched(planQuery('no')), []);
});

test('spellingAlternatives: both directions of every fragment', () => {
  assert.deepEqual(spellingAlternatives('스케쥴링'), ['스케줄링']);
  assert.deepEqual(spellingAlternatives('스케줄'), ['스케쥴']);
  for (const [variant, canonical] of SPELLING_FRAGMENTS) {
    assert.ok(spellingAlternatives(variant).includes(canonical));
    assert.ok(spellingAlternatives(canonical).includes(variant));
  }
});

test('titleMatch: 2 when the title is the term, 1 when it contains it, 0 otherwise', () => {
  const unit = (q: string) => planQuery(q).units[0];
  const cases: [string, string, number][] = [
    ['파드', '파드', 2],
    ['ReplicaSet', '레플리카셋(ReplicaSet)', 2],
    ['레플리카셋', '레플리카셋(ReplicaSet)', 2],
    ['스케줄러', 'kube-scheduler 개요', 2],
    ['테인트', '테인트와 톨러레이션', 1],
    ['쿠버네티스', '쿠버네티스의 목적', 1],
    ['노드 어피니티', '노드 어피니티 vs 테인트와 톨러레이션', 1],
    ['파드', '스태틱 파드', 1],
    ['파드', '서비스', 0],
  ];
  for (const [q, title, want] of cases) assert.equal(titleMatch(title, unit(q)), want, `${q} in ${title}`);
});
