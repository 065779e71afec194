/**
 * Small DOM helpers for the run UI. Text goes in as text nodes only: names, labels, logs and YAML
 * from the cluster (or from a share link) can never become markup.
 */
export type Child = Node | string | number | null | undefined | false | Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (k === 'class') el.className = String(v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Element | DocumentFragment, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(typeof c === 'number' ? String(c) : c);
  }
}

export function clear(el: Element): void {
  el.replaceChildren();
}

let uid = 0;
export const nextId = (prefix: string) => `${prefix}-${++uid}`;

/** Transcript entries as a terminal shows them: `$ command`, stdout, stderr (marked). */
export function renderEntries(
  target: HTMLElement,
  entries: readonly { command: string; output: readonly { stream: string; text: string }[]; status?: number }[],
  prompt = '$ ',
): void {
  const frag = document.createDocumentFragment();
  for (const e of entries) {
    if (e.command.startsWith('# ') && e.output.length === 0) frag.append(h('span', { class: 'run-note' }, e.command + '\n'));
    else if (e.command) frag.append(h('span', { class: 'run-cmd' }, prompt + e.command + '\n'));
    // stderr of a command that succeeded (ssh's "Connection … closed.", kubectl's Warning: lines) is
    // information, not an error: marked, but not in the error colour.
    const errClass = e.status === 0 ? 'run-err run-err-ok' : 'run-err';
    for (const o of e.output) frag.append(o.stream === 'stderr' ? h('span', { class: errClass }, o.text) : document.createTextNode(o.text));
  }
  target.append(frag);
}

/** Plain text of entries (for copying): what the terminal shows. */
export function entriesText(entries: readonly { command: string; output: readonly { text: string }[] }[], prompt = '$ '): string {
  return entries.map((e) => (e.command ? `${prompt}${e.command}\n` : '') + e.output.map((o) => o.text).join('')).join('');
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
