import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHighlighter } from 'shiki';
import { compactShiki, PLAIN_PAIR, TOKEN_CLASSES } from './shiki-compact.ts';

const themes = { light: 'github-light-default', dark: 'github-dark-default' } as const;
const highlighter = await createHighlighter({ themes: Object.values(themes), langs: ['sh', 'yaml', 'text'] });

const SH = `kubectl taint nodes node01 app=blue:NoSchedule
kubectl get pods -o wide | grep web  # 주석
cat <<EOF > pod.yaml
apiVersion: v1
EOF
echo "$HOME" 'x' && sleep 5`;
const YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web   # 이름
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: nginx
          image: "nginx:1.27"
          args: ["--port", "8080"]
          enabled: true`;

const html = (code: string, lang: string, compact = true) =>
  highlighter.codeToHtml(code, { lang, themes, defaultColor: false, transformers: compact ? [compactShiki()] : [] });
const decode = (s: string) =>
  s.replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const textOf = (h: string) => decode(h.replace(/<[^>]+>/g, ''));

test('the text of a block is unchanged, newlines included', () => {
  for (const [code, lang] of [[SH, 'sh'], [YAML, 'yaml'], ['plain text\n  indented', 'text']]) {
    assert.equal(textOf(html(code, lang)), code);
  }
});

test('a block is a bare <pre class="astro-code" tabindex="0"> with class-coloured tokens, no line wrappers, no inline styles', () => {
  for (const [code, lang] of [[SH, 'sh'], [YAML, 'yaml']]) {
    const out = html(code, lang);
    assert.match(out, /^<pre class="astro-code" tabindex="0"><code>/);
    assert.doesNotMatch(out, /style=|class="line"|data-language/);
    const classes = new Set([...out.matchAll(/<span class="(\w+)">/g)].map((m) => m[1]));
    assert.ok(classes.size >= 3, `${[...classes]}`);
    for (const c of classes) assert.ok(Object.values(TOKEN_CLASSES).includes(c), c);
    // One span per run of a colour: never two neighbours of the same class.
    assert.doesNotMatch(out, /<span class="(\w+)">[^<]*<\/span>(\s*)<span class="\1">/);
  }
});

test('every token keeps its colour pair: the class stands for exactly the pair shiki gave it', () => {
  for (const [code, lang] of [[SH, 'sh'], [YAML, 'yaml']]) {
    // Token by token: shiki's own pair against the class's pair, text position by text position.
    const colours = (h: string, pairOf: (attrs: string) => string) => {
      const out: string[] = [];
      const body = h.replace(/^<pre[^>]*><code>|<\/code><\/pre>$/g, '');
      for (const m of body.matchAll(/<span([^>]*)>([^<]*)<\/span>|([^<]+)/g)) {
        const text = decode(m[2] ?? m[3] ?? '');
        const pair = m[1] !== undefined ? pairOf(m[1]) : PLAIN_PAIR;
        for (const ch of text) if (/\S/.test(ch)) out.push(pair);
      }
      return out;
    };
    const byClass = Object.fromEntries(Object.entries(TOKEN_CLASSES).map(([pair, cls]) => [cls, pair]));
    const original = colours(html(code, lang, false).replace(/<span class="line">|<\/span>(?=\n|<\/code>)/g, ''), (a) => {
      const m = /--shiki-light:(#\w+);--shiki-dark:(#\w+)/.exec(a);
      return m ? `${m[1]} ${m[2]}`.toLowerCase() : PLAIN_PAIR;
    });
    const compact = colours(html(code, lang), (a) => byClass[/class="(\w+)"/.exec(a)?.[1] ?? ''] ?? 'unknown');
    assert.deepEqual(compact, original);
  }
});

test('a colour pair without a class stays inline', async () => {
  const { compactCode } = await import('./shiki-compact.ts');
  const out = compactCode([
    { type: 'element', tagName: 'span', properties: { class: 'line' }, children: [
      { type: 'element', tagName: 'span', properties: { style: '--shiki-light:#8250DF;--shiki-dark:#D2A8FF' }, children: [{ type: 'text', value: 'fn' }] },
      { type: 'element', tagName: 'span', properties: { style: '--shiki-light:#1F2328;--shiki-dark:#E6EDF3' }, children: [{ type: 'text', value: '()' }] },
    ] },
  ]);
  assert.deepEqual(out, [
    { type: 'element', tagName: 'span', properties: { style: '--shiki-light:#8250DF;--shiki-dark:#D2A8FF' }, children: [{ type: 'text', value: 'fn' }] },
    { type: 'text', value: '()' },
  ]);
});

test('global.css gives every token class its pair, and the code block the themes\' background and text colour', () => {
  const css = readFileSync(new URL('../styles/global.css', import.meta.url), 'utf8');
  for (const [pair, cls] of Object.entries(TOKEN_CLASSES)) {
    const [light, dark] = pair.split(' ');
    assert.ok(css.includes(`.${cls} { --shiki-light: ${light}; --shiki-dark: ${dark}; }`), `.${cls} in global.css`);
  }
  const theme = (name: string) => highlighter.getTheme(name);
  const [lightFg, darkFg] = PLAIN_PAIR.split(' ');
  assert.equal(theme(themes.light).fg.toLowerCase(), lightFg);
  assert.equal(theme(themes.dark).fg.toLowerCase(), darkFg);
  const root = /:root \{([\s\S]*?)\n\}/.exec(css)?.[1] ?? '';
  assert.match(root, new RegExp(`--text: light-dark\\(${lightFg}, ${darkFg}\\)`));
  const bg = (h: string) => (h.toLowerCase() === '#ffffff' ? '#ffffff' : h.toLowerCase());
  assert.match(root, new RegExp(`--bg: light-dark\\(${bg(theme(themes.light).bg)}, ${bg(theme(themes.dark).bg)}\\)`));
  assert.match(css, /\.astro-code \{ background-color: var\(--bg\); color: var\(--text\); \}/);
});
