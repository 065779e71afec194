/**
 * The WebSocket side of pods/exec as kubectl v1.30+ speaks it (k8s.io/client-go tools/remotecommand
 * websocket.go, k8s.io/apimachinery pkg/util/httpstream/wsstream): subprotocol `v5.channel.k8s.io`
 * (or v4), binary messages whose first byte is the channel — 0 stdin, 1 stdout, 2 stderr, 3 error
 * (a metav1.Status JSON), 4 resize, 255 close (v5: the client's "stdin is done" signal `[255, 0]`).
 * RFC 6455 framing only as far as that needs: masked client frames, unmasked server frames,
 * continuation, ping/pong, close. Works on plain byte arrays (no node: imports).
 */

export const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
export const STDIN = 0;
export const STDOUT = 1;
export const STDERR = 2;
export const ERROR = 3;
export const RESIZE = 4;
export const CLOSE = 255;

export interface Frame {
  fin: boolean;
  opcode: number;
  payload: Uint8Array;
}

/** Parses as many complete frames as `buf` holds; returns them and the unconsumed rest. */
export function parseFrames(buf: Uint8Array): { frames: Frame[]; rest: Uint8Array } {
  const frames: Frame[] = [];
  let off = 0;
  for (;;) {
    if (buf.length - off < 2) break;
    const b0 = buf[off];
    const b1 = buf[off + 1];
    const masked = (b1 & 0x80) !== 0;
    let len = b1 & 0x7f;
    let p = off + 2;
    if (len === 126) {
      if (buf.length - p < 2) break;
      len = (buf[p] << 8) | buf[p + 1];
      p += 2;
    } else if (len === 127) {
      if (buf.length - p < 8) break;
      len = 0;
      for (let i = 0; i < 8; i++) len = len * 256 + buf[p + i];
      p += 8;
    }
    const maskLen = masked ? 4 : 0;
    if (buf.length - p < maskLen + len) break;
    const mask = buf.subarray(p, p + maskLen);
    p += maskLen;
    const payload = new Uint8Array(len);
    for (let i = 0; i < len; i++) payload[i] = masked ? buf[p + i] ^ mask[i & 3] : buf[p + i];
    frames.push({ fin: (b0 & 0x80) !== 0, opcode: b0 & 0x0f, payload });
    off = p + len;
  }
  return { frames, rest: buf.subarray(off) };
}

/** An unmasked server frame. */
export function encodeFrame(opcode: number, payload: Uint8Array): Uint8Array {
  const len = payload.length;
  const head = len < 126 ? 2 : len < 65536 ? 4 : 10;
  const out = new Uint8Array(head + len);
  out[0] = 0x80 | opcode;
  if (len < 126) out[1] = len;
  else if (len < 65536) {
    out[1] = 126;
    out[2] = len >> 8;
    out[3] = len & 0xff;
  } else {
    out[1] = 127;
    let n = len;
    for (let i = 9; i >= 2; i--) {
      out[i] = n % 256;
      n = Math.floor(n / 256);
    }
  }
  out.set(payload, head);
  return out;
}

const enc = new TextEncoder();

/** A binary message on one channel. */
export function channelMessage(channel: number, data: string | Uint8Array): Uint8Array {
  const bytes = typeof data === 'string' ? enc.encode(data) : data;
  const payload = new Uint8Array(bytes.length + 1);
  payload[0] = channel;
  payload.set(bytes, 1);
  return encodeFrame(0x2, payload);
}

/** A close frame with status 1000 (normal closure). */
export function closeFrame(code = 1000): Uint8Array {
  return encodeFrame(0x8, new Uint8Array([code >> 8, code & 0xff]));
}

/**
 * Collects what the client sends on stdin until it signals the end (v5 close of channel 0) or
 * closes the connection. Feed it raw bytes; `done` becomes true at the end.
 */
export class StdinCollector {
  private pending: Uint8Array = new Uint8Array(0);
  private message: Uint8Array[] = [];
  private chunks: Uint8Array[] = [];
  done = false;
  closed = false;
  /** Frames the server must answer (pong for ping). */
  replies: Uint8Array[] = [];

  feed(data: Uint8Array): void {
    const all = new Uint8Array(this.pending.length + data.length);
    all.set(this.pending);
    all.set(data, this.pending.length);
    const { frames, rest } = parseFrames(all);
    this.pending = rest.slice();
    for (const f of frames) this.frame(f);
  }

  private frame(f: Frame) {
    if (f.opcode === 0x8) {
      this.done = true;
      this.closed = true;
      return;
    }
    if (f.opcode === 0x9) {
      this.replies.push(encodeFrame(0xa, f.payload));
      return;
    }
    if (f.opcode === 0xa) return;
    this.message.push(f.payload);
    if (!f.fin) return;
    const total = this.message.reduce((n, m) => n + m.length, 0);
    const msg = new Uint8Array(total);
    let o = 0;
    for (const m of this.message) {
      msg.set(m, o);
      o += m.length;
    }
    this.message = [];
    if (!msg.length) return;
    const ch = msg[0];
    if (ch === STDIN) this.chunks.push(msg.subarray(1));
    else if (ch === CLOSE && msg[1] === STDIN) this.done = true;
  }

  text(): string {
    const total = this.chunks.reduce((n, m) => n + m.length, 0);
    const all = new Uint8Array(total);
    let o = 0;
    for (const c of this.chunks) {
      all.set(c, o);
      o += c.length;
    }
    return new TextDecoder().decode(all);
  }
}
