/**
 * diff (GNU diffutils 3.x): compare two files or two directories line by line — the normal format
 * (`2c2`, `< a`, `---`, `> b`), the unified format (-u, -U N: `--- A\tTIME`, `+++ B\tTIME`,
 * `@@ -l,n +l,n @@`, 3 lines of context, hunks closer than 2×context merged), -q, -N (absent files
 * as empty, dated the epoch), -r, and exit status 0 (same), 1 (different), 2 (trouble). This is the
 * program `kubectl diff` runs (`diff -u -N LIVE-… MERGED-…`). Checked against GNU diff 3.8: a
 * directory comparison prints `diff OPTIONS A/f B/f` before each differing file, `Only in A: f`
 * without -N, `\ No newline at end of file` after a last line without one.
 *
 * The changed lines are chosen as GNU diff chooses them (changedLines), so ties come out the same. The simulated machine's files carry no modification time: a file's time is the
 * simulated clock's now (the files `kubectl diff` compares were just written).
 */
import { FileSystem } from './fs.ts';
import type { CommandContext, CommandFn } from './shell.ts';

function splitLines(s: string): { lines: string[]; noEol: boolean } {
  if (!s) return { lines: [], noEol: false };
  const noEol = !s.endsWith('\n');
  const lines = (noEol ? s : s.slice(0, -1)).split('\n');
  return { lines, noEol };
}

/**
 * Which lines of each file are changed, as GNU diff decides it (analyze.c): the common prefix and
 * suffix set aside but for `horizon` lines (io.c find_identical_ends), lines that match nothing in the
 * other file discarded (discard_confusing_lines), the rest split by Myers' middle snake (diffseq.h
 * diag/compareseq, without the heuristics, which only start past 4096 edit steps), and runs of changes
 * slid to merge with their neighbours (shift_boundaries).
 */
export function changedLines(a: string[], b: string[], horizon = 0): [Uint8Array, Uint8Array] {
  const classes = new Map<string, number>();
  const eq = (l: string) => {
    let c = classes.get(l);
    if (c === undefined) classes.set(l, (c = classes.size + 1));
    return c;
  };
  const ea = a.map(eq);
  const eb = b.map(eq);
  // Changed flags with a sentinel 0 before and after (index i+1 is line i).
  const ca = new Uint8Array(a.length + 2);
  const cb = new Uint8Array(b.length + 2);
  let pre = 0;
  while (pre < a.length && pre < b.length && ea[pre] === eb[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && ea[a.length - 1 - suf] === eb[b.length - 1 - suf]) suf++;
  const lo = Math.max(0, pre - horizon);
  const hiA = Math.min(a.length, a.length - suf + horizon);
  const hiB = Math.min(b.length, b.length - suf + horizon);
  const files = [
    { eq: ea.slice(lo, hiA), changed: ca, off: lo },
    { eq: eb.slice(lo, hiB), changed: cb, off: lo },
  ];
  // discard_confusing_lines
  const counts = files.map((f) => {
    const m = new Map<number, number>();
    for (const e of f.eq) m.set(e, (m.get(e) ?? 0) + 1);
    return m;
  });
  const undiscarded: number[][] = [[], []];
  const real: number[][] = [[], []];
  files.forEach((f, fi) => {
    const end = f.eq.length;
    const other = counts[1 - fi];
    const d = new Uint8Array(end);
    let many = 5;
    let tem = Math.floor(end / 64);
    while ((tem >>= 2) > 0) many *= 2;
    for (let i = 0; i < end; i++) {
      const n = other.get(f.eq[i]) ?? 0;
      if (n === 0) d[i] = 1;
      else if (n > many) d[i] = 2;
    }
    for (let i = 0; i < end; i++) {
      if (d[i] === 2) d[i] = 0;
      else if (d[i] !== 0) {
        let j: number;
        let provisional = 0;
        for (j = i; j < end; j++) {
          if (d[j] === 0) break;
          if (d[j] === 2) provisional++;
        }
        while (j > i && d[j - 1] === 2) {
          d[--j] = 0;
          provisional--;
        }
        const length = j - i;
        if (provisional * 4 > length) {
          while (j > i) if (d[--j] === 2) d[j] = 0;
        } else {
          let minimum = 1;
          let t = length >> 2;
          while (0 < (t >>= 2)) minimum <<= 1;
          minimum++;
          let consec = 0;
          for (j = 0, consec = 0; j < length; j++) {
            if (d[i + j] !== 2) consec = 0;
            else if (minimum === ++consec) j -= consec;
            else if (minimum < consec) d[i + j] = 0;
          }
          for (j = 0, consec = 0; j < length; j++) {
            if (j >= 8 && d[i + j] === 1) break;
            if (d[i + j] === 2) {
              consec = 0;
              d[i + j] = 0;
            } else if (d[i + j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
          i += length - 1;
          for (j = 0, consec = 0; j < length; j++) {
            if (j >= 8 && d[i - j] === 1) break;
            if (d[i - j] === 2) {
              consec = 0;
              d[i - j] = 0;
            } else if (d[i - j] === 0) consec = 0;
            else consec++;
            if (consec === 3) break;
          }
        }
      }
    }
    for (let i = 0; i < end; i++) {
      if (d[i] === 0) {
        undiscarded[fi].push(f.eq[i]);
        real[fi].push(i + f.off);
      } else f.changed[i + f.off + 1] = 1;
    }
  });
  // compareseq / diag
  const xv = undiscarded[0];
  const yv = undiscarded[1];
  const size = xv.length + yv.length + 3;
  const fdArr = new Float64Array(2 * size);
  const bdArr = new Float64Array(2 * size);
  const O = yv.length + 1;
  const fd = (k: number) => fdArr[k + O];
  const bd = (k: number) => bdArr[k + O];
  const setF = (k: number, v: number) => (fdArr[k + O] = v);
  const setB = (k: number, v: number) => (bdArr[k + O] = v);
  const diag = (xoff: number, xlim: number, yoff: number, ylim: number): [number, number] => {
    const dmin = xoff - ylim;
    const dmax = xlim - yoff;
    const fmid = xoff - yoff;
    const bmid = xlim - ylim;
    let fmin = fmid;
    let fmax = fmid;
    let bmin = bmid;
    let bmax = bmid;
    const odd = ((fmid - bmid) & 1) !== 0;
    setF(fmid, xoff);
    setB(bmid, xlim);
    for (;;) {
      if (fmin > dmin) setF(--fmin - 1, -1);
      else ++fmin;
      if (fmax < dmax) setF(++fmax + 1, -1);
      else --fmax;
      for (let d = fmax; d >= fmin; d -= 2) {
        const tlo = fd(d - 1);
        const thi = fd(d + 1);
        const x0 = tlo < thi ? thi : tlo + 1;
        let x = x0;
        let y = x0 - d;
        while (x < xlim && y < ylim && xv[x] === yv[y]) {
          x++;
          y++;
        }
        setF(d, x);
        if (odd && bmin <= d && d <= bmax && bd(d) <= x) return [x, y];
      }
      if (bmin > dmin) setB(--bmin - 1, Number.MAX_SAFE_INTEGER);
      else ++bmin;
      if (bmax < dmax) setB(++bmax + 1, Number.MAX_SAFE_INTEGER);
      else --bmax;
      for (let d = bmax; d >= bmin; d -= 2) {
        const tlo = bd(d - 1);
        const thi = bd(d + 1);
        const x0 = tlo < thi ? tlo : thi - 1;
        let x = x0;
        let y = x0 - d;
        while (xoff < x && yoff < y && xv[x - 1] === yv[y - 1]) {
          x--;
          y--;
        }
        setB(d, x);
        if (!odd && fmin <= d && d <= fmax && x <= fd(d)) return [x, y];
      }
    }
  };
  const compareseq = (xoff: number, xlim: number, yoff: number, ylim: number): void => {
    while (xoff < xlim && yoff < ylim && xv[xoff] === yv[yoff]) {
      xoff++;
      yoff++;
    }
    while (xoff < xlim && yoff < ylim && xv[xlim - 1] === yv[ylim - 1]) {
      xlim--;
      ylim--;
    }
    if (xoff === xlim) for (; yoff < ylim; yoff++) cb[real[1][yoff] + 1] = 1;
    else if (yoff === ylim) for (; xoff < xlim; xoff++) ca[real[0][xoff] + 1] = 1;
    else {
      const [xmid, ymid] = diag(xoff, xlim, yoff, ylim);
      compareseq(xoff, xmid, yoff, ymid);
      compareseq(xmid, xlim, ymid, ylim);
    }
  };
  compareseq(0, xv.length, 0, yv.length);
  // shift_boundaries, within the lines read (the identical ends set aside stay unchanged); index
  // i+1 of a changed array is line i
  const all = [ea.slice(0, hiA), eb.slice(0, hiB)];
  const ch = [ca, cb];
  for (let f = 0; f < 2; f++) {
    const changed = ch[f];
    const other = ch[1 - f];
    const equivs = all[f];
    const C = (i: number) => changed[i + 1];
    const OC = (j: number) => other[j + 1];
    let i = lo;
    let j = lo;
    const iEnd = equivs.length;
    for (;;) {
      while (i < iEnd && !C(i)) {
        while (OC(j++));
        i++;
      }
      if (i === iEnd) break;
      let start = i;
      while (C(++i));
      while (OC(j)) j++;
      let runlength: number;
      let corresponding: number;
      do {
        runlength = i - start;
        while (start > lo && equivs[start - 1] === equivs[i - 1]) {
          changed[--start + 1] = 1;
          changed[--i + 1] = 0;
          while (C(start - 1)) start--;
          while (OC(--j));
        }
        corresponding = OC(j - 1) ? i : iEnd;
        while (i !== iEnd && equivs[start] === equivs[i]) {
          changed[start++ + 1] = 0;
          changed[i++ + 1] = 1;
          while (C(i)) i++;
          while (OC(++j)) corresponding = i;
        }
      } while (runlength !== i - start);
      while (corresponding < i) {
        changed[--start + 1] = 1;
        changed[--i + 1] = 0;
        while (OC(--j));
      }
    }
  }
  return [ca.slice(1, a.length + 1), cb.slice(1, b.length + 1)];
}

/** A change: old lines [a0, a1), new lines [b0, b1). */
interface Change {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/** The changes (build_script): runs of changed lines in either file, walked side by side. */
function changes(ca: Uint8Array, cb: Uint8Array): Change[] {
  const out: Change[] = [];
  let i = 0;
  let j = 0;
  while (i < ca.length || j < cb.length) {
    if ((i < ca.length && ca[i]) || (j < cb.length && cb[j])) {
      const c: Change = { a0: i, a1: i, b0: j, b1: j };
      while (i < ca.length && ca[i]) i++;
      while (j < cb.length && cb[j]) j++;
      c.a1 = i;
      c.b1 = j;
      out.push(c);
    } else {
      i++;
      j++;
    }
  }
  return out;
}

/** GNU's `l,n` range of a unified hunk header (`n` left out when 1; an empty range starts before). */
function uniRange(start: number, count: number): string {
  if (count === 0) return `${start},0`;
  if (count === 1) return `${start + 1}`;
  return `${start + 1},${count}`;
}

function normalRange(a: number, b: number): string {
  return b - a <= 1 ? `${b === a ? a : a + 1}` : `${a + 1},${b}`;
}

const NO_EOL = '\\ No newline at end of file\n';

/** The unified diff body (hunks) of two texts, or '' when they are the same. */
export function unifiedHunks(oldText: string, newText: string, context = 3): string {
  const A = splitLines(oldText);
  const B = splitLines(newText);
  // A last line without a newline differs from the same line with one.
  const a = A.lines.map((l, i) => (A.noEol && i === A.lines.length - 1 ? l + '\u0000' : l));
  const b = B.lines.map((l, i) => (B.noEol && i === B.lines.length - 1 ? l + '\u0000' : l));
  const cs = changes(...changedLines(a, b, context));
  if (!cs.length) return '';
  const line = (prefix: string, l: string) => (l.endsWith('\u0000') ? `${prefix}${l.slice(0, -1)}\n${NO_EOL}` : `${prefix}${l}\n`);
  let out = '';
  for (let i = 0; i < cs.length; ) {
    let j = i;
    while (j + 1 < cs.length && cs[j + 1].a0 - cs[j].a1 <= 2 * context) j++;
    const first = cs[i];
    const last = cs[j];
    const a0 = Math.max(0, first.a0 - context);
    const a1 = Math.min(a.length, last.a1 + context);
    const b0 = first.b0 - (first.a0 - a0);
    const b1 = last.b1 + (a1 - last.a1);
    out += `@@ -${uniRange(a0, a1 - a0)} +${uniRange(b0, b1 - b0)} @@\n`;
    let ai = a0;
    for (let k = i; k <= j; k++) {
      const c = cs[k];
      for (; ai < c.a0; ai++) out += line(' ', a[ai]);
      for (let x = c.a0; x < c.a1; x++) out += line('-', a[x]);
      for (let x = c.b0; x < c.b1; x++) out += line('+', b[x]);
      ai = c.a1;
    }
    for (; ai < a1; ai++) out += line(' ', a[ai]);
    i = j + 1;
  }
  return out;
}

/** The normal-format diff of two texts. */
export function normalDiff(oldText: string, newText: string): string {
  const A = splitLines(oldText);
  const B = splitLines(newText);
  const a = A.lines.map((l, i) => (A.noEol && i === A.lines.length - 1 ? l + '\u0000' : l));
  const b = B.lines.map((l, i) => (B.noEol && i === B.lines.length - 1 ? l + '\u0000' : l));
  const line = (prefix: string, l: string) => (l.endsWith('\u0000') ? `${prefix}${l.slice(0, -1)}\n${NO_EOL}` : `${prefix}${l}\n`);
  let out = '';
  for (const c of changes(...changedLines(a, b, 0))) {
    const kind = c.a0 === c.a1 ? 'a' : c.b0 === c.b1 ? 'd' : 'c';
    out += `${normalRange(c.a0, c.a1)}${kind}${normalRange(c.b0, c.b1)}\n`;
    for (let x = c.a0; x < c.a1; x++) out += line('< ', a[x]);
    if (kind === 'c') out += '---\n';
    for (let x = c.b0; x < c.b1; x++) out += line('> ', b[x]);
  }
  return out;
}

/** `2026-11-27 14:55:32.269937610 +0000`: the time diff -u prints after a file name (UTC). */
export function diffTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)}000000 +0000`;
}

interface DiffOpts {
  unified: number | undefined;
  newFile: boolean;
  brief: boolean;
  recursive: boolean;
  /** The options as typed, for the `diff …` line before each file of a directory comparison. */
  switches: string[];
}

const USAGE_HINT = "diff: Try 'diff --help' for more information.\n";

export const diff: CommandFn = (ctx) => {
  const o: DiffOpts = { unified: undefined, newFile: false, brief: false, recursive: false, switches: [] };
  const files: string[] = [];
  const args = ctx.args;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, value] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
      o.switches.push(a);
      if (name === '--unified') o.unified = value === undefined ? 3 : Number(value);
      else if (name === '--new-file') o.newFile = true;
      else if (name === '--brief') o.brief = true;
      else if (name === '--recursive') o.recursive = true;
      else if (name === '--color' || name === '--text' || name === '--ignore-all-space') continue;
      else {
        ctx.err(`diff: unrecognized option '${a}'\n${USAGE_HINT}`);
        return 2;
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      o.switches.push(a);
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (c === 'u') o.unified = o.unified ?? 3;
        else if (c === 'N') o.newFile = true;
        else if (c === 'q') o.brief = true;
        else if (c === 'r') o.recursive = true;
        else if (c === 'a') continue;
        else if (c === 'U') {
          const v = a.slice(j + 1) || args[++i];
          if (!a.slice(j + 1)) o.switches.push(v ?? '');
          if (v === undefined || !/^\d+$/.test(v)) {
            ctx.err(`diff: invalid context length '${v ?? ''}'\n${USAGE_HINT}`);
            return 2;
          }
          o.unified = Number(v);
          break;
        } else if (/\d/.test(c)) {
          o.unified = Number(a.slice(j).match(/^\d+/)![0]);
          break;
        } else {
          ctx.err(`diff: invalid option -- '${c}'\n${USAGE_HINT}`);
          return 2;
        }
      }
      continue;
    }
    files.push(a);
  }
  if (files.length < 2) {
    ctx.err(files.length ? `diff: missing operand after '${files[0]}'\n${USAGE_HINT}` : `diff: missing operand after 'diff'\n${USAGE_HINT}`);
    return 2;
  }
  if (files.length > 2) {
    ctx.err(`diff: extra operand '${files[2]}'\n${USAGE_HINT}`);
    return 2;
  }
  const now = ctx.shell.now?.() ?? 0;
  return compare(ctx, o, files[0], files[1], now, true);
};

function compare(ctx: CommandContext, o: DiffOpts, f1: string, f2: string, now: number, top: boolean): number {
  const p1 = FileSystem.normalize(f1, ctx.cwd);
  const p2 = FileSystem.normalize(f2, ctx.cwd);
  const fs = ctx.fs;
  const d1 = fs.isDir(p1);
  const d2 = fs.isDir(p2);
  if (top && !fs.exists(p1) && !fs.exists(p2)) {
    ctx.err(`diff: ${f1}: No such file or directory\ndiff: ${f2}: No such file or directory\n`);
    return 2;
  }
  if (d1 && d2) {
    const names = [...new Set([...fs.list(p1), ...fs.list(p2)])].sort();
    let status = 0;
    for (const n of names) {
      const c1 = `${f1.replace(/\/$/, '')}/${n}`;
      const c2 = `${f2.replace(/\/$/, '')}/${n}`;
      const e1 = fs.exists(`${p1 === '/' ? '' : p1}/${n}`);
      const e2 = fs.exists(`${p2 === '/' ? '' : p2}/${n}`);
      const sub1 = fs.isDir(`${p1 === '/' ? '' : p1}/${n}`);
      const sub2 = fs.isDir(`${p2 === '/' ? '' : p2}/${n}`);
      if ((!e1 || !e2) && !o.newFile) {
        ctx.out(`Only in ${e1 ? f1.replace(/\/$/, '') : f2.replace(/\/$/, '')}: ${n}\n`);
        status = Math.max(status, 1);
        continue;
      }
      if (sub1 || sub2) {
        if (sub1 && sub2 && !o.recursive) {
          ctx.out(`Common subdirectories: ${c1} and ${c2}\n`);
          continue;
        }
        if (sub1 && sub2) {
          status = Math.max(status, compare(ctx, o, c1, c2, now, false));
          continue;
        }
        ctx.out(`File ${c1} is a ${sub1 ? 'directory' : 'regular file'} while file ${c2} is a ${sub2 ? 'directory' : 'regular file'}\n`);
        status = Math.max(status, 1);
        continue;
      }
      status = Math.max(status, compareFiles(ctx, o, c1, c2, now, true));
    }
    return status;
  }
  if (d1 !== d2) {
    // diff DIR FILE compares DIR/basename(FILE) with FILE (and the other way round).
    const [dir, file] = d1 ? [f1, f2] : [f2, f1];
    const inner = `${dir.replace(/\/$/, '')}/${file.slice(file.lastIndexOf('/') + 1)}`;
    return d1 ? compareFiles(ctx, o, inner, f2, now, false) : compareFiles(ctx, o, f1, inner, now, false);
  }
  return compareFiles(ctx, o, f1, f2, now, false);
}

function compareFiles(ctx: CommandContext, o: DiffOpts, f1: string, f2: string, now: number, inDir: boolean): number {
  const t1 = ctx.fs.read(FileSystem.normalize(f1, ctx.cwd));
  const t2 = ctx.fs.read(FileSystem.normalize(f2, ctx.cwd));
  for (const [f, t] of [
    [f1, t1],
    [f2, t2],
  ] as const) {
    if (t === undefined && !o.newFile) {
      ctx.err(`diff: ${f}: No such file or directory\n`);
      return 2;
    }
  }
  const a = t1 ?? '';
  const b = t2 ?? '';
  if (a === b) return 0;
  if (o.brief) {
    ctx.out(`Files ${f1} and ${f2} differ\n`);
    return 1;
  }
  let out = inDir ? `diff ${[...o.switches, f1, f2].join(' ')}\n` : '';
  if (o.unified !== undefined) {
    out += `--- ${f1}\t${diffTime(t1 === undefined ? 0 : now)}\n+++ ${f2}\t${diffTime(t2 === undefined ? 0 : now)}\n`;
    out += unifiedHunks(a, b, o.unified);
  } else out += normalDiff(a, b);
  ctx.out(out);
  return 1;
}
