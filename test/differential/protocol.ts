/** Messages between the differential harness's HTTP/process thread ("net") and its simulator thread. */
import type { ExecOutcome } from '../../src/sim/serve/node.ts';
import type { HttpRequest } from '../../src/sim/serve/types.ts';

export interface Chunk {
  stream: 'stdout' | 'stderr';
  text: string;
}

/** net → simulator */
export type FromNet =
  | { type: 'http'; id: number; req: HttpRequest }
  | { type: 'exec'; id: number; req: HttpRequest; stdin: string | undefined }
  | { type: 'cancel'; id: number }
  | { type: 'done'; id: number; code: number; chunks: Chunk[] };

/** simulator → net */
export type ToNet =
  | { type: 'spawn'; id: number; args: string[]; stdin: string; env: Record<string, string>; cwd: string; up: boolean }
  | { type: 'kill'; id: number }
  /** Ctrl+C for a watch that ends as the simulator's does: SIGINT, the process's own exit status kept. */
  | { type: 'interrupt'; id: number }
  | { type: 'httpres'; id: number; res: { status: number; headers: Record<string, string>; body?: string | Uint8Array; timeoutMs?: number }; stream?: boolean }
  | { type: 'chunk'; id: number; data: string }
  | { type: 'end'; id: number }
  | { type: 'execres'; id: number; out: ExecOutcome }
  | { type: 'finished'; transcript: string; own: string };
