/** The five sections of the source notes, plus the exam tips, in course order. */
export const SECTIONS = [
  { id: 'architecture', title: '아키텍처와 핵심 오브젝트', short: '핵심', summary: '클러스터 구성 요소와 파드, 레플리카셋, 디플로이먼트, 서비스, 네임스페이스' },
  { id: 'scheduling', title: '스케줄링', short: '스케줄링', summary: '수동 스케줄링, 레이블, 테인트와 톨러레이션, 노드 어피니티, 리소스, 데몬셋, 스태틱 파드, 스케줄러' },
  { id: 'logging-monitoring', title: '로깅·모니터링', short: '모니터링', summary: '메트릭 서버와 kubectl top, 애플리케이션 로그' },
  { id: 'lifecycle', title: '애플리케이션 라이프사이클', short: '라이프사이클', summary: '롤아웃과 롤백, 커맨드와 인자, 환경 변수, 컨피그맵, 시크릿, 초기화 컨테이너' },
  { id: 'maintenance', title: '클러스터 유지보수', short: '유지보수', summary: 'OS 업그레이드와 드레인, 버전 차이 정책, kubeadm 업그레이드, 백업' },
  { id: 'exam-tips', title: '시험팁', short: '시험팁', summary: 'CKA 시험에서 시간을 아껴 주는 명령형 명령과 YAML 생성 요령' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];
export const SECTION_IDS = SECTIONS.map((s) => s.id) as [SectionId, ...SectionId[]];

export function sectionOf(id: string) {
  const s = SECTIONS.find((x) => x.id === id);
  if (!s) throw new Error(`unknown section: ${id}`);
  return s;
}
