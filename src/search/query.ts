/**
 * Korean query understanding for the site search, on top of pagefind.
 *
 * pagefind splits Korean text on whitespace and matches every query word as a prefix of indexed
 * words, with no stemming. So a bare noun finds its particle forms (파드 → 파드를), but a word that
 * carries a particle finds only that exact form (쿠버네티스의 → nothing), spelling variants split the
 * results (스케쥴러 / 스케줄러), and English and Korean names never meet.
 *
 * planQuery() turns what a learner types into query *units*: each word or known multi-word term,
 * with its particles and verb endings stripped (longest first, only when enough of the word is
 * left, never from a known term), mapped through the glossary (src/data/glossary.ts) to every
 * written form of the same concept. The engine (engine.ts) runs one pagefind search per form, ORs
 * the forms of a unit, ANDs the units softly, and always adds the raw query's own results.
 *
 * Pure: no DOM, no pagefind; unit-tested in query.test.ts.
 */
import { GLOSSARY, SPELLING_FRAGMENTS, AMBIGUOUS_SHORT, type GlossaryEntry } from '../data/glossary.ts';

/** Comparison key: NFC, lower case, without spaces, hyphens and underscores (컨피그 맵 = 컨피그맵). */
export function keyOf(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/[\s\-_]+/g, '');
}

type FormKind = 'ko' | 'variant' | 'en' | 'short';
interface LexiconHit {
  entry: GlossaryEntry;
  kind: FormKind;
}
export interface Lexicon {
  byKey: Map<string, LexiconHit>;
  /** Longest known term, in whitespace-separated words. */
  maxWords: number;
}

export function buildLexicon(entries: GlossaryEntry[] = GLOSSARY): Lexicon {
  const byKey = new Map<string, LexiconHit>();
  let maxWords = 1;
  const add = (form: string, entry: GlossaryEntry, kind: FormKind) => {
    const key = keyOf(form);
    if (!key) return;
    const had = byKey.get(key);
    if (had && had.entry !== entry) throw new Error(`glossary: "${form}" belongs to both ${had.entry.id} and ${entry.id}`);
    if (!had) byKey.set(key, { entry, kind });
    maxWords = Math.max(maxWords, form.trim().split(/\s+/).length);
  };
  for (const e of entries) {
    add(e.ko, e, 'ko');
    for (const v of e.variants ?? []) add(v, e, 'variant');
    for (const v of e.en) add(v, e, 'en');
    for (const v of e.short ?? []) add(v, e, 'short');
  }
  return { byKey, maxWords };
}

let defaultLexicon: Lexicon | undefined;
function lexicon(): Lexicon {
  return (defaultLexicon ??= buildLexicon());
}

/** Looks a word or phrase up, also as an English singular ("Taints" → taint). */
export function lookup(text: string, lex: Lexicon = lexicon()): LexiconHit | undefined {
  const hit = lookupKey(keyOf(text), lex);
  if (hit) return hit;
  // 스케쥴러 프로필 → 스케줄러 프로파일: the same term with a varying fragment.
  for (const alt of spellingAlternatives(keyOf(text))) {
    const h = lookupKey(alt, lex);
    if (h) return h;
  }
  return undefined;
}

function lookupKey(key: string, lex: Lexicon): LexiconHit | undefined {
  const hit = lex.byKey.get(key);
  if (hit) return hit;
  if (/^[a-z][a-z0-9]*s$/.test(key)) return lex.byKey.get(key.slice(0, -1)) ?? (key.endsWith('es') ? lex.byKey.get(key.slice(0, -2)) : undefined);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Particles and endings (../shared/reference/ko-glossary.md section 3, plus spoken endings)

/**
 * Suffixes stripped from the end of a word, longest first: the glossary's particle list and its
 * compounds, the copula, and the verb-forming endings that turn a noun into a verb
 * (드레인하다, 스케줄되는, 노출시키다) and question endings (…이야, …인가요).
 */
export const SUFFIXES: readonly string[] = [
  // 4+ syllables
  '이라는데', '하는방법', '인가요', '하려면', '되려면', '시키는', '시키다', '에서는', '에서의', '에서도', '에서만',
  '으로는', '으로의', '으로서', '으로써', '이라는', '이라고', '까지의', '부터는', '에게서', '하는법', '이에요',
  '입니다', '합니다', '됩니다', '하나요', '되나요', '시키지', '해야', '할때', '되지', '하지', '하는', '하다', '한다', '했다', '하여', '하고',
  '하면', '하기', '해서', '하자', '해요', '되다', '된다', '되는', '되어', '되면', '됐다', '시켜',
  '에서', '에게', '한테', '처럼', '보다', '까지', '부터', '만큼', '마다', '이란', '라는', '라고', '으로', '에는', '에도',
  '에만', '와는', '과는', '와의', '과의', '이나', '이랑', '이야', '이다', '이며', '이고', '인가', '이지', '예요',
  // 1 syllable
  '할', '해', '될', '됨', '은', '는', '이', '가', '을', '를', '의', '에', '로', '와', '과', '도', '만', '란', '나', '들',
  '랑', '야', '임', '인',
].sort((a, b) => b.length - a.length);

/** Suffixes that may also follow a Latin word or code ("Pod가", "kubectl로", "taint를"). */
const LATIN_PARTICLE = new RegExp(`^([A-Za-z0-9-][A-Za-z0-9._:/=+-]*?)(${SUFFIXES.join('|')})+$`);

const HANGUL = /[\uac00-\ud7a3]/;
const isHangul = (s: string) => HANGUL.test(s);

/**
 * Strips trailing particles and endings from one word. A known term is never cut; otherwise a
 * suffix goes when at least two characters remain (or the rest is a known term, like 잡 in 잡을).
 * Over-stripping an unknown word is harmless for recall, since pagefind matches the stem as a prefix.
 */
export function stripParticles(word: string, lex: Lexicon = lexicon()): string {
  const steps = stripSteps(word, lex);
  return steps[steps.length - 1];
}

/** The word and each shorter stem stripParticles() goes through, in order. */
export function stripSteps(word: string, lex: Lexicon = lexicon()): string[] {
  if (lookup(word, lex)) return [word];
  const latin = LATIN_PARTICLE.exec(word);
  if (latin && isHangul(word)) return [word, latin[1]];
  const steps = [word];
  let cur = word;
  for (let round = 0; round < 3; round++) {
    let next = cur;
    for (const suffix of SUFFIXES) {
      if (!cur.endsWith(suffix) || cur.length === suffix.length) continue;
      const stem = cur.slice(0, -suffix.length);
      if (lookup(stem, lex) || ([...stem].length >= 2 && isHangul(stem.slice(-1)))) {
        next = stem;
        break;
      }
    }
    if (next === cur) break;
    cur = next;
    steps.push(cur);
    if (lookup(cur, lex)) break;
  }
  return steps;
}

// ---------------------------------------------------------------------------------------------
// Words that carry no topic

/** Question words and spoken glue, dropped when other words remain ("drain 할 때", "톨러레이션이 뭐야"). */
export const FILLERS = new Set([
  '뭐야', '뭐임', '뭐지', '뭐예요', '뭔가요', '뭔데', '뭐', '뭘까', '무엇', '무엇인가', '무엇인가요', '무엇인지', '뭔지',
  '어떻게', '어떡해', '왜', '언제', '어디', '어디서', '알려줘', '알려', '줘', '주세요', '좀', '하는', '할', '때', '할때',
  '하는법', '하기', '하려면', '하면', '해', '해요', '해야', '해야해', '하나요', '되나요', '돼', '되는', '되면', '인가요',
  '이란', '란', '이야', '야', '그리고', '또는', '및', 'vs', '와', '과', '랑', '이랑', '하고', '다른', '같은', '법', '수',
  '않는', '않게', '않을', '않음', '않아', '않고', '안', '못', '없이', '있는', '있을까', '있나요', '될까', '할까',
  'how', 'to', 'what', 'is', 'the', 'a', 'an', 'in', 'of', 'for', 'do', 'does', 'with', 'and', 'or', 'vs.',
]);

/** Words that narrow a query only a little ("… 방법", "… 차이"): kept, with a small weight. */
export const WEAK = new Set([
  '방법', '차이', '차이점', '개념', '뜻', '의미', '설명', '예시', '예제', '명령', '명령어', '사용법', '쓰는법', '사용',
  '정리', '내용', '원리', '이유', '순서', '과정', '주의', '주의점', '팁', '종류', '옵션', '설정', '확인', '보는', '보기',
  '쓰는', '쓰기', '만드는', '만들기', '찾는', '찾기', '넣는', '빼는', '바꾸는', '없는',
]);

// ---------------------------------------------------------------------------------------------
// Plan

export interface Form {
  /** A pagefind query (one word, or several words that must all appear). */
  q: string;
  /** 0–1: how much a page found by this form counts for the unit. */
  weight: number;
}

export interface Unit {
  /** The words as typed (after punctuation trimming). */
  text: string;
  /** The typed words without particles and endings. */
  stem: string;
  /** Glossary entry id when the unit is a known term. */
  concept?: string;
  /** Forms to search, best first; the first is the stem itself. */
  forms: Form[];
  /** Every name of the unit (all glossary forms, or the stem and its spellings), for title matching. */
  names: string[];
  /** How much finding this unit counts for a page (known term 1, other word 0.7, weak word 0.3). */
  weight: number;
}

export interface QueryPlan {
  raw: string;
  units: Unit[];
  /** Every unit's first form, joined: the normalised query as one pagefind search (for excerpts). */
  combined: string;
}

const TRIM = /^[\s"'“”‘’`()[\]{}<>,.;:!?~…·]+|[\s"'“”‘’`()[\]{}<>,.;:!?~…·]+$/g;
export const MAX_FORMS = 5;

/** Splits a query into words: whitespace and commas separate, surrounding punctuation goes. */
export function words(raw: string): string[] {
  return raw
    .normalize('NFC')
    .split(/[\s,，、]+/)
    .map((w) => w.replace(TRIM, ''))
    .filter((w) => w.length > 0);
}

/** The spelling-fragment alternatives of a word (스케쥴링 → 스케줄링; 스케줄 → 스케쥴). */
export function spellingAlternatives(word: string): string[] {
  const out: string[] = [];
  for (const [variant, canonical] of SPELLING_FRAGMENTS) {
    if (word.includes(variant)) out.push(word.replaceAll(variant, canonical));
    if (word.includes(canonical)) out.push(word.replaceAll(canonical, variant));
  }
  return out;
}

/** True when pagefind's results for `wide` include all of those for `narrow` (prefix matching). */
function subsumes(wide: string, narrow: string): boolean {
  if (/\s/.test(wide)) return false;
  const w = wide.toLowerCase();
  return narrow
    .toLowerCase()
    .split(/[\s\-_./]+/)
    .some((part) => part.startsWith(w));
}

function formsFor(stem: string, entry: GlossaryEntry | undefined, typedKind: FormKind | undefined): Form[] {
  const typedLatin = !isHangul(stem);
  const candidates: (Form & { keep?: boolean })[] = [{ q: stem, weight: 1, keep: true }];
  if (entry) {
    candidates.push({ q: entry.ko, weight: 1, keep: true });
    const ko = (entry.variants ?? []).map((v) => ({ q: v, weight: 0.85 }));
    const en = entry.en.map((v) => ({ q: v, weight: typedLatin ? 0.95 : 0.85 }));
    candidates.push(...(typedLatin ? [...en, ...ko] : [...ko, ...en]));
    if (typedKind === 'short') for (const s of entry.short ?? []) candidates.push({ q: s, weight: 1 });
  }
  for (const alt of spellingAlternatives(stem)) candidates.push({ q: alt, weight: 0.95 });
  // One search per distinct form; drop a form whose results another form already covers.
  const forms: (Form & { keep?: boolean })[] = [];
  for (const c of candidates) {
    const q = c.q.trim();
    if (!q || forms.some((f) => f.q.toLowerCase() === q.toLowerCase())) continue;
    forms.push({ ...c, q });
  }
  const kept = forms.filter((f, i) => f.keep || !forms.some((g, j) => j !== i && g.weight >= f.weight - 0.2 && subsumes(g.q, f.q)));
  return kept.slice(0, MAX_FORMS).map(({ q, weight }) => ({ q, weight }));
}

function unitFor(text: string, stem: string, hit: LexiconHit | undefined): Unit {
  const usable = hit && !(hit.kind === 'short' && AMBIGUOUS_SHORT.has(keyOf(stem)));
  const entry = usable ? hit.entry : undefined;
  const weight = entry ? 1 : WEAK.has(stem) ? 0.3 : 0.7;
  const forms = formsFor(stem, entry, usable ? hit.kind : undefined);
  const names = [...new Set([stem, ...forms.map((f) => f.q), ...(entry ? [entry.ko, ...(entry.variants ?? []), ...entry.en] : [])].map(keyOf))];
  return { text, stem, concept: entry?.id, forms, names, weight };
}

/** Ways the last word of a multi-word term may have lost its particle (맵을 → 맵, even if short). */
export function phraseTails(word: string, steps: string[]): string[] {
  const out = [...steps];
  for (const suffix of SUFFIXES) if (word.endsWith(suffix) && word.length > suffix.length) out.push(word.slice(0, -suffix.length));
  return out;
}

/**
 * Builds the search plan for a raw query. Known multi-word terms are joined first (longest match,
 * on the stripped words: "컨피그 맵을" → 컨피그맵), then every other word stands alone.
 */
export function planQuery(raw: string, lex: Lexicon = lexicon()): QueryPlan {
  const typed = words(raw);
  let kept = typed.filter((w) => !FILLERS.has(w.toLowerCase()));
  // Particles that stand apart ("kubelet 은", "`operator` 의") go too.
  kept = kept.filter((w, i) => i === 0 || !SUFFIXES.includes(w));
  if (kept.length === 0) kept = typed.slice();
  const steps = kept.map((w) => stripSteps(w, lex));
  const stems = steps.map((st) => st[st.length - 1]);

  const units: Unit[] = [];
  for (let i = 0; i < kept.length; ) {
    let matched = false;
    for (let n = Math.min(lex.maxWords, kept.length - i); n >= 2; n--) {
      // Particles attach to the end of a term: only its last word is stripped ("컨트롤 플레인에서").
      const head = kept.slice(i, i + n - 1).join(' ');
      const phrase = phraseTails(kept[i + n - 1], steps[i + n - 1]).map((last) => `${head} ${last}`).find((p) => lookup(p, lex));
      const hit = phrase ? lookup(phrase, lex) : undefined;
      if (phrase && hit) {
        units.push(unitFor(kept.slice(i, i + n).join(' '), phrase, hit));
        i += n;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    const stem = stems[i];
    // A word that is only a filler after stripping ("방법은" → 방법 stays; "뭐야?" → gone).
    if (FILLERS.has(stem.toLowerCase()) && kept.length > 1) {
      i++;
      continue;
    }
    units.push(unitFor(kept[i], stem, lookup(stem, lex)));
    i++;
  }
  const seen = new Set<string>();
  const unique = units.filter((u) => {
    const k = u.concept ?? keyOf(u.stem);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return { raw: raw.trim(), units: unique, combined: unique.map((u) => u.forms[0].q).join(' ') };
}

/** The distinct pagefind queries a plan needs: raw, combined, then every unit's forms. */
export function queriesOf(plan: QueryPlan): string[] {
  const out = new Set<string>();
  if (plan.raw) out.add(plan.raw);
  if (plan.combined) out.add(plan.combined);
  for (const u of plan.units) for (const f of u.forms) out.add(f.q);
  return [...out];
}

/** The forms a plan added beyond what was typed, for the "함께 찾은 표현" line (at most `max`). */
export function alsoSearched(plan: QueryPlan, max = 4): string[] {
  const typed = new Set(words(plan.raw).map((w) => w.toLowerCase()));
  const out: string[] = [];
  for (const u of plan.units) {
    for (const f of u.forms) {
      const q = f.q;
      if (typed.has(q.toLowerCase()) || out.some((o) => o.toLowerCase() === q.toLowerCase())) continue;
      if (u.forms[0] === f && u.stem === u.text) continue;
      out.push(q);
    }
  }
  return out.slice(0, max);
}

/** Words in page titles that do not change what the page is about ("kube-scheduler 개요"). */
const TITLE_NOISE = new Set(['개요', '기초', '소개', '정리', '심화', '실습']);

/**
 * How well a page title names a unit: 2 when the title *is* one of its names (ignoring a
 * parenthesised English name and words like 개요), 1 when one of the title's words (particles
 * stripped) is, else 0. "파드" → 파드: 2; "레플리카셋(ReplicaSet)" → ReplicaSet: 2;
 * "테인트와 톨러레이션" → 테인트: 1.
 */
export function titleMatch(title: string, unit: Unit, lex: Lexicon = lexicon()): 0 | 1 | 2 {
  const names = new Set(unit.names);
  const inParens = [...title.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]);
  const outside = title.replace(/\([^)]*\)/g, ' ');
  const titleWords = words(outside).filter((w) => !TITLE_NOISE.has(w));
  const whole = [titleWords.join(' '), ...inParens];
  if (whole.some((t) => names.has(keyOf(t)))) return 2;
  const parts = words(outside.replace(/[·:]/g, ' ')).flatMap((w) => stripSteps(w, lex));
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= titleWords.length; i++) {
      const head = titleWords.slice(i, i + n - 1).join(' ');
      for (const last of stripSteps(titleWords[i + n - 1], lex)) if (names.has(keyOf(`${head} ${last}`))) return 1;
    }
  }
  return parts.some((p) => names.has(keyOf(p))) ? 1 : 0;
}
