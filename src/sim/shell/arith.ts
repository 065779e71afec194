/**
 * Shell arithmetic (`$((expr))`): integers, variables by name, the C operators POSIX sh and bash share
 * (unary + - ! ~, ** * / % + - << >> < <= > >= == != & ^ | && || ?: and = += -= *= /= %=) plus bash's
 * ++/--. Precedence and error texts follow bash's expr.c: `bash: 1/0: division by 0 (error token is "0")`.
 * Values are JavaScript numbers truncated to integers (exact to 2^53; bash uses 64-bit intmax_t).
 */

export class ArithError extends Error {}

interface Tok {
  v: string;
  at: number;
}

const TOKEN = /\s*(0[xX][0-9a-fA-F]+|\d+|[A-Za-z_][A-Za-z0-9_]*|\*\*=?|<<=?|>>=?|\+\+|--|&&|\|\||[=!<>]=|[-+*/%&^|]=|[-+*/%()!~<>=&^|?:,])/y;

/** Evaluate `src`, reading and assigning variables through `vars`. `prog` prefixes errors (bash, sh). */
export function evalArith(src: string, vars: { get(name: string): string | undefined; set(name: string, v: string): void }, prog = 'bash', depth = 0): number {
  const toks: Tok[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (at < src.length) {
    if (/^\s*$/.test(src.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(src);
    if (!m) {
      const rest = src.slice(at).trimStart();
      throw new ArithError(`${prog}: ${src}: syntax error: invalid arithmetic operator (error token is "${rest}")`);
    }
    toks.push({ v: m[1], at: m.index + m[0].length - m[1].length });
    at = TOKEN.lastIndex;
  }
  let p = 0;
  const fail = (msg: string): never => {
    const last = toks[Math.min(p, toks.length) - 1];
    const token = last ? src.slice(last.at) : '';
    throw new ArithError(`${prog}: ${src}: ${msg} (error token is "${token}")`);
  };
  const peek = () => toks[p]?.v;
  const next = () => toks[p++]?.v;
  const isName = (s: string | undefined) => !!s && /^[A-Za-z_]/.test(s);

  const valueOf = (name: string): number => {
    const raw = (vars.get(name) ?? '').trim();
    if (raw === '') return 0;
    if (/^-?\d+$/.test(raw)) return Number(raw);
    if (depth > 10) fail('expression recursion level exceeded');
    return evalArith(raw, vars, prog, depth + 1);
  };
  const assign = (name: string, v: number) => {
    vars.set(name, String(v));
    return v;
  };

  const binop = (op: string, a: number, b: number): number => {
    switch (op) {
      case '*':
        return a * b;
      case '/':
      case '%':
        if (b === 0) fail('division by 0'); // the divisor is the error token
        return op === '/' ? Math.trunc(a / b) : a % b;
      case '+':
        return a + b;
      case '-':
        return a - b;
      case '<<':
        return a * 2 ** b;
      case '>>':
        return Math.floor(a / 2 ** b);
      case '&':
        return Number(BigInt(a) & BigInt(b));
      case '^':
        return Number(BigInt(a) ^ BigInt(b));
      case '|':
        return Number(BigInt(a) | BigInt(b));
      case '**':
        if (b < 0) fail('exponent less than 0');
        return a ** b;
    }
    return 0;
  };

  // Precedence climbing, lowest first (bash expr.c: expcomma → expassign → expcond → explor → …).
  const LEVELS = [['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '<=', '>', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%']];

  const primary = (): number => {
    const t = next();
    if (t === undefined) fail('syntax error: operand expected');
    if (t === '(') {
      const v = comma();
      if (next() !== ')') fail("missing `)'");
      return v;
    }
    if (/^0[xX]/.test(t!)) return parseInt(t!, 16);
    if (/^0\d+$/.test(t!)) {
      if (/[89]/.test(t!)) fail('value too great for base');
      return parseInt(t!, 8);
    }
    if (/^\d/.test(t!)) return Number(t);
    if (isName(t)) {
      if (peek() === '++' || peek() === '--') {
        const op = next();
        const v = valueOf(t!);
        assign(t!, op === '++' ? v + 1 : v - 1);
        return v;
      }
      return valueOf(t!);
    }
    fail('syntax error: operand expected');
    return 0;
  };
  const unary = (): number => {
    const t = peek();
    if (t === '++' || t === '--') {
      p++;
      const n = next();
      if (!isName(n)) fail('syntax error: operand expected');
      return assign(n!, valueOf(n!) + (t === '++' ? 1 : -1));
    }
    if (t === '-' || t === '+' || t === '!' || t === '~') {
      p++;
      const v = unary();
      return t === '-' ? -v : t === '+' ? v : t === '!' ? (v === 0 ? 1 : 0) : -v - 1;
    }
    return power();
  };
  const power = (): number => {
    const a = primary();
    if (peek() === '**') {
      p++;
      const b = unary();
      return binop('**', a, b);
    }
    return a;
  };
  const level = (i: number): number => {
    if (i === LEVELS.length) return unary();
    let a = level(i + 1);
    while (LEVELS[i].includes(peek()!)) {
      const op = next()!;
      const b = level(i + 1);
      switch (op) {
        case '||':
          a = a || b ? 1 : 0;
          break;
        case '&&':
          a = a && b ? 1 : 0;
          break;
        case '==':
          a = a === b ? 1 : 0;
          break;
        case '!=':
          a = a !== b ? 1 : 0;
          break;
        case '<':
          a = a < b ? 1 : 0;
          break;
        case '<=':
          a = a <= b ? 1 : 0;
          break;
        case '>':
          a = a > b ? 1 : 0;
          break;
        case '>=':
          a = a >= b ? 1 : 0;
          break;
        default:
          a = binop(op, a, b);
      }
    }
    return a;
  };
  const cond = (): number => {
    const c = level(0);
    if (peek() !== '?') return c;
    p++;
    const a = comma();
    if (next() !== ':') fail("`:' expected for conditional expression");
    const b = cond();
    return c ? a : b;
  };
  const assignment = (): number => {
    const t = toks[p]?.v;
    const op = toks[p + 1]?.v;
    if (isName(t) && op && /^(=|\*\*=|<<=|>>=|[-+*/%&^|]=)$/.test(op)) {
      p += 2;
      const v = assignment();
      if (op === '=') return assign(t!, v);
      return assign(t!, binop(op.slice(0, -1), valueOf(t!), v));
    }
    return cond();
  };
  const comma = (): number => {
    let v = assignment();
    while (peek() === ',') {
      p++;
      v = assignment();
    }
    return v;
  };

  if (!toks.length) return 0;
  const v = comma();
  if (p < toks.length) {
    p++;
    fail('syntax error in expression');
  }
  return Math.trunc(v);
}
