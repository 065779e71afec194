/**
 * The search dialog's text and its section chips. They ride in the dialog's own chunk (loaded on the
 * first open), not in every page's HTML. The chips are written out rather than imported from
 * src/sections.ts: other browser code imports that module too, so the bundler would make it a chunk
 * of its own, which the page's search loader would then have to preload (strings.test.ts keeps the
 * two lists in step).
 */
export interface Section {
  id: string;
  /** The chip's label: the section's short name. */
  title: string;
  full: string;
}

export const SEARCH_SECTIONS: Section[] = [
  { id: 'architecture', title: '핵심', full: '아키텍처와 핵심 오브젝트' },
  { id: 'scheduling', title: '스케줄링', full: '스케줄링' },
  { id: 'logging-monitoring', title: '모니터링', full: '로깅·모니터링' },
  { id: 'lifecycle', title: '라이프사이클', full: '애플리케이션 라이프사이클' },
  { id: 'maintenance', title: '유지보수', full: '클러스터 유지보수' },
  { id: 'exam-tips', title: '시험팁', full: '시험팁' },
];

export const SEARCH_STRINGS = {
  title: '노트 검색',
  label: '검색어',
  placeholder: '예: 테인트, kubectl drain',
  close: '닫기',
  filters: '섹션으로 좁히기',
  all: '전체',
  results: '검색 결과',
  keys: '{up}{down} 이동 {enter} 열기 {esc} 닫기',
  glossary: '용어집 보기',
  loading: '검색 색인을 불러오는 중…',
  failed: '검색을 불러오지 못했습니다. 페이지를 새로 고친 뒤 다시 시도하세요.',
  hint: '파드, 테인트, kubectl drain처럼 용어나 명령어로 찾아보세요. 조사가 붙어도 되고 영어 이름도 됩니다.',
  count: '{n}개 결과',
  countIn: '{section}에서 {n}개 결과',
  empty: '‘{q}’에 맞는 노트가 없습니다.',
  emptyTip: '조사나 어미를 빼거나, 영어 이름(예: taint)이나 다른 표기로 찾아보세요.',
  also: '함께 찾은 표현: ',
  more: '결과 더 보기',
};

export type Strings = typeof SEARCH_STRINGS;
