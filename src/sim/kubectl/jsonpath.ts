/**
 * kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath): `{.a.b}`, `{.items[*].x}`, `[0]`,
 * `[1:3]`, `['k']`, `..x`, filters `[?(@.k=="v")]`, `{range …}…{end}`, literals `{"\n"}`.
 * Results of one expression are joined by spaces; maps and lists print as JSON.
 */
import { marshalJSON } from './printers/json.ts';
import { CmdError } from './errors.ts';

type Node = { kind: 'text'; text: string } | { kind: 'expr'; path: string } | { kind: 'range'; path: string; body: Node[] } | { kind: 'literal'; text: string };

export function jsonpath(template: string, data: unknown): string {
  const nodes = parseTemplate(template);
  return render(nodes, data, data);
}

function parseTemplate(t: string): Node[] {
  const stack: { path: string; body: Node[] }[] = [];
  const root: Node[] = [];
  let cur = root;
  let i = 0;
  while (i < t.length) {
    const open = t.indexOf('{', i);
    if (open < 0) {
      cur.push({ kind: 'text', text: t.slice(i) });
      break;
    }
    if (open > i) cur.push({ kind: 'text', text: t.slice(i, open) });
    const close = findClose(t, open);
    if (close < 0) throw new CmdError(`error parsing jsonpath ${t}, unclosed action`);
    const inner = t.slice(open + 1, close).trim();
    i = close + 1;
    if (inner.startsWith('range ')) {
      const node = { path: inner.slice(6).trim(), body: [] as Node[] };
      stack.push(node);
      cur.push({ kind: 'range', path: node.path, body: node.body });
      cur = node.body;
    } else if (inner === 'end') {
      if (!stack.length) throw new CmdError(`error parsing jsonpath ${t}, not in range, nothing to end`);
      stack.pop();
      cur = stack.length ? stack[stack.length - 1].body : root;
    } else if (/^"(?:[^"\\]|\\.)*"$/.test(inner) || /^'(?:[^'\\]|\\.)*'$/.test(inner)) {
      cur.push({ kind: 'literal', text: inner.slice(1, -1).replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\"/g, '"') });
    } else cur.push({ kind: 'expr', path: inner });
  }
  return root;
}

function findClose(t: string, open: number): number {
  let q: string | null = null;
  for (let j = open + 1; j < t.length; j++) {
    const c = t[j];
    if (q) {
      if (c === '\\') j++;
      else if (c === q) q = null;
    } else if (c === '"' || c === "'") q = c;
    else if (c === '}') return j;
  }
  return -1;
}

function render(nodes: Node[], data: unknown, root: unknown): string {
  let out = '';
  for (const n of nodes) {
    if (n.kind === 'text' || n.kind === 'literal') out += n.text;
    else if (n.kind === 'expr') out += evaluate(n.path, data, root).map(format).join(' ');
    else for (const item of evaluate(n.path, data, root)) out += render(n.body, item, root);
  }
  return out;
}

function format(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  // client-go util/jsonpath PrintResults: maps and slices through json.Marshal — the objects are
  // unstructured maps, so keys come sorted, and <, >, & are escaped as \u003c, \u003e, \u0026.
  if (typeof v === 'object') return marshalJSON(v, 'sorted');
  return String(v);
}

/** Evaluate a path like `.items[*].metadata.name` against `data` (`$` = root, `@` = current). */
function evaluate(path: string, data: unknown, root: unknown): unknown[] {
  let p = path.trim();
  let cur: unknown[] = [data];
  if (p.startsWith('$')) {
    cur = [root];
    p = p.slice(1);
  } else if (p.startsWith('@')) p = p.slice(1);
  let i = 0;
  while (i < p.length) {
    if (p.startsWith('..', i)) {
      const m = /^\.\.([A-Za-z0-9_-]+)/.exec(p.slice(i));
      if (!m) throw new CmdError(`error parsing jsonpath {${path}}, unrecognized character in action: U+002E '.'`);
      const key = m[1];
      const found: unknown[] = [];
      const walk = (v: unknown) => {
        if (Array.isArray(v)) v.forEach(walk);
        else if (v && typeof v === 'object') {
          for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
            if (k === key) found.push(x);
            walk(x);
          }
        }
      };
      cur.forEach(walk);
      cur = found;
      i += m[0].length;
    } else if (p[i] === '.') {
      // client-go jsonpath parser.go parseField/advance: a field runs to the next terminator
      // (space . , [ ] $ @ { }); a backslash takes the next character literally and is then removed,
      // so `deployment\.kubernetes\.io/revision` is one key. `*` is the wildcard.
      const m = /^\.((?:\\.|[^\s.,[\]$@{}\\])*)/.exec(p.slice(i));
      const raw = m ? m[1] : '';
      const key = raw.replace(/\\/g, '');
      i += 1 + raw.length;
      if (!key) continue;
      if (raw === '*') {
        cur = cur.flatMap((v) => subscript('*', v, root, path));
        continue;
      }
      cur = cur.flatMap((v) => (v && typeof v === 'object' && !Array.isArray(v) && key in (v as object) ? [(v as Record<string, unknown>)[key]] : []));
    } else if (p[i] === '[') {
      const close = matchBracket(p, i);
      const inner = p.slice(i + 1, close).trim();
      i = close + 1;
      cur = cur.flatMap((v) => subscript(inner, v, root, path));
    } else {
      throw new CmdError(`error parsing jsonpath {${path}}, unrecognized character in action: U+${p.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0')} '${p[i]}'`);
    }
  }
  return cur;
}

function matchBracket(p: string, open: number): number {
  let depth = 0;
  let q: string | null = null;
  for (let j = open; j < p.length; j++) {
    const c = p[j];
    if (q) {
      if (c === q) q = null;
      continue;
    }
    if (c === '"' || c === "'") q = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return j;
  }
  throw new CmdError(`error parsing jsonpath {${p}}, unterminated array`);
}

function subscript(inner: string, v: unknown, root: unknown, path: string): unknown[] {
  if (inner === '*') {
    if (Array.isArray(v)) return v;
    if (v && typeof v === 'object') return Object.values(v as object);
    return [];
  }
  // parser.go parseArray: only single quotes make a dict key; anything else must be an index.
  if (/^'.*'$/.test(inner)) {
    const key = inner.slice(1, -1);
    return v && typeof v === 'object' && key in (v as object) ? [(v as Record<string, unknown>)[key]] : [];
  }
  if (inner.startsWith('?(') && inner.endsWith(')')) {
    if (!Array.isArray(v)) return [];
    const expr = inner.slice(2, -1).trim();
    const m = /^(@[^=!<>\s]*)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(expr);
    return v.filter((item) => {
      if (!m) return evaluate(expr, item, root).length > 0;
      const left = evaluate(m[1], item, root)[0];
      let right: unknown = m[3].trim();
      if (/^".*"$|^'.*'$/.test(right as string)) right = (right as string).slice(1, -1);
      else if (!Number.isNaN(Number(right))) right = Number(right);
      switch (m[2]) {
        case '==':
          return String(left) === String(right);
        case '!=':
          return String(left) !== String(right);
        case '<':
          return Number(left) < Number(right);
        case '>':
          return Number(left) > Number(right);
        case '<=':
          return Number(left) <= Number(right);
        case '>=':
          return Number(left) >= Number(right);
      }
      return false;
    });
  }
  const slice = /^(-?\d*)\s*:\s*(-?\d*)(?::(-?\d+))?$/.exec(inner);
  if (slice && Array.isArray(v)) {
    const n = v.length;
    let a = slice[1] === '' ? 0 : Number(slice[1]);
    let b = slice[2] === '' ? n : Number(slice[2]);
    if (a < 0) a += n;
    if (b < 0) b += n;
    return v.slice(Math.max(0, a), Math.min(n, b));
  }
  if (/^-?\d+$/.test(inner)) {
    if (!Array.isArray(v)) return [];
    let idx = Number(inner);
    if (idx < 0) idx += v.length;
    if (idx < 0 || idx >= v.length) throw new CmdError(`error executing jsonpath "{${path}}": Error executing template: array index out of bounds: index ${inner}, length ${v.length}. Printing more information for debugging the template:`);
    return [v[idx]];
  }
  if (inner.includes(',')) return inner.split(',').flatMap((k) => subscript(k.trim(), v, root, path));
  throw new CmdError(`error parsing jsonpath {${path}}, invalid array index ${inner}`);
}
