/**
 * Browser build only: stands in for src/sim/api/schema/generated/descriptions.json (~375 KB, the
 * field descriptions only `kubectl explain` prints), so the simulator chunk does not carry them.
 * astro.config.mjs (lazyDescriptions) points explain.ts's import here; the worker fills the object
 * from the real file, loaded as its own chunk, before it runs a script that says `explain`.
 */
const doc: { descriptions: Record<string, Record<string, string>> } = { descriptions: {} };
export default doc;

let loading: Promise<void> | null = null;

export function loadDescriptions(): Promise<void> {
  loading ??= import('../../sim/api/schema/generated/descriptions.json').then((m) => {
    Object.assign(doc.descriptions, (m.default as unknown as typeof doc).descriptions);
  });
  return loading;
}
