/**
 * Judging a run against a block's declared outcome. Pure: the page runtime shows the verdict, the
 * notes test fails on a mismatch.
 */
import type { Expectation } from './blocks.ts';

export interface RunOutput {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** One command of a transcript (src/sim/session.ts TranscriptEntry, with its exit status). */
export interface RunEntry {
  command: string;
  output: RunOutput[];
  status?: number;
}

export interface Verdict {
  /** Some command exited non-zero. */
  failed: boolean;
  /** The run did what the block declares. */
  asExpected: boolean;
  /** Why not, in Korean, for the UI and the test message. */
  reason: string;
}

export const textOf = (entries: readonly RunEntry[], stream: 'stdout' | 'stderr'): string =>
  entries.flatMap((e) => e.output.filter((o) => o.stream === stream).map((o) => o.text)).join('');

export function judge(expect: Expectation, entries: readonly RunEntry[]): Verdict {
  const failed = entries.some((e) => (e.status ?? 0) !== 0);
  const stderr = textOf(entries, 'stderr');
  const stdout = textOf(entries, 'stdout');
  const firstError = stderr.split('\n').find((l) => l.trim()) ?? '';
  if (expect.ok && failed) return { failed, asExpected: false, reason: `성공해야 하는데 실패했습니다: ${firstError || '(종료 코드가 0이 아님)'}` };
  if (!expect.ok && !failed) return { failed, asExpected: false, reason: '오류가 나야 하는데 성공했습니다' };
  if (expect.error !== undefined && !stderr.includes(expect.error)) {
    return { failed, asExpected: false, reason: `오류 메시지에 "${expect.error}"가 없습니다: ${firstError}` };
  }
  if (expect.output !== undefined && !stdout.includes(expect.output)) {
    return { failed, asExpected: false, reason: `출력에 "${expect.output}"가 없습니다` };
  }
  return { failed, asExpected: true, reason: '' };
}
