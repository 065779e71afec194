/**
 * Share links: the session's log (ops), compressed (deflate-raw) and base64url-encoded after
 * `#run=`. Opening one asks before replacing anything; a damaged or oversized link is refused with
 * a message. Decompression stops at a size limit, so a crafted link cannot exhaust memory.
 */
import { fromBase64Url, readShare, STATE_VERSION, toBase64Url, type SharePayload } from '../../lib/run/state.ts';
import { LAB_SEED, type Lab } from './lab.ts';
import { seedOf } from '../../lib/run/runner.ts';
import type { Dock } from './dock.ts';

const MAX_JSON = 3_000_000;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit = Infinity): Promise<Uint8Array | null> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(stream).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export async function shareLink(lab: Lab): Promise<string> {
  const payload: SharePayload = { v: STATE_VERSION, mode: lab.mode, seed: lab.saved.seed, setup: lab.saved.setup, ops: lab.saved.ops, done: lab.saved.done };
  const bytes = await pipe(new TextEncoder().encode(JSON.stringify(payload)), new CompressionStream('deflate-raw'));
  return `${location.origin}${location.pathname}#run=${toBase64Url(bytes!)}`;
}

export async function decodeShare(encoded: string): Promise<SharePayload | null> {
  const bytes = fromBase64Url(encoded);
  if (!bytes || bytes.length === 0) return null;
  try {
    const json = await pipe(bytes, new DecompressionStream('deflate-raw'), MAX_JSON);
    return json ? readShare(new TextDecoder().decode(json)) : null;
  } catch {
    return null;
  }
}

/** A link was opened: offer to load it (it replaces the current session of its mode). */
export async function acceptShare(lab: Lab, dock: Dock, encoded: string): Promise<void> {
  const clean = () => history.replaceState(history.state, '', location.pathname + location.search);
  const payload = await decodeShare(encoded);
  const expected = payload?.mode === 'lab' ? LAB_SEED : seedOf(lab.slug);
  if (!payload || payload.seed !== expected) {
    clean();
    dock.open('cluster');
    lab.notice('공유 링크를 읽을 수 없습니다(손상되었거나 다른 페이지의 링크입니다). 지금 클러스터는 그대로입니다.');
    return;
  }
  dock.open('cluster');
  const commands = payload.ops.filter((o) => o.t === 's' || o.t === 'r').length;
  dock.ask(`공유받은 실습 세션이 있습니다(명령 ${commands}개${payload.mode === 'lab' ? ', 내 실습실' : ''}). 불러오면 지금 ${payload.mode === 'lab' ? '내 실습실' : '이 페이지의'} 클러스터를 대신합니다.`, [
    {
      label: '불러오기',
      run: async () => {
        clean();
        await lab.adopt(payload.mode === 'lab' ? 'lab' : 'page', payload.ops, payload.done);
        if (lab.saved.setup !== payload.setup) lab.notice('이 페이지의 시나리오가 링크를 만들 때와 달라 결과가 다를 수 있습니다.');
        else lab.notice('공유받은 세션을 불러왔습니다.');
      },
    },
    { label: '무시', run: () => clean() },
  ]);
}
