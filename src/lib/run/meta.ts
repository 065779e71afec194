/**
 * Code-fence meta of the notes (the words after the language: ```yaml mistake title="pod.yaml").
 * Bare words are flags, `key="value"` (or 'value', or value without spaces) are attributes.
 * Pure and DOM-free: used at build time (src/lib/remark-runnable.ts) and by the block tests.
 */
export interface FenceMeta {
  flags: Set<string>;
  attrs: Record<string, string>;
}

export function parseMeta(meta: string | null | undefined): FenceMeta {
  const flags = new Set<string>();
  const attrs: Record<string, string> = {};
  const src = meta ?? '';
  const re = /\s*([A-Za-z_][\w-]*)(?:=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"']+)))?/y;
  let i = 0;
  while (i < src.length) {
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m || m[0].length === 0) {
      // Something that is not a word (stray punctuation): skip one character.
      i++;
      continue;
    }
    i = re.lastIndex;
    const [, key, dq, sq, bare] = m;
    const value = dq ?? sq ?? bare;
    if (value === undefined) flags.add(key);
    else attrs[key] = value.replace(/\\(["'\\])/g, '$1');
  }
  return { flags, attrs };
}
