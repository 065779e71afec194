// @ts-check
/**
 * Browser build only: the simulator worker loads the parts a session may never use (describe, the
 * YAML emitter, most kubectl commands, etcdctl, kubeadm, …) as chunks of their own, on demand.
 *
 * The registry (src/components/run/lazy.ts) names each such module with a loader,
 * `'sim/…/x.ts': () => import('../../sim/…/x.ts')`. Everywhere else an import of that module resolves
 * to a stand-in generated here: the module is evaluated at build time (Node runs the TypeScript
 * sources as the tests do) and each export is written out — numbers, strings and plain data as they
 * are, every function as a forwarder to the real module once loaded. kubectl's command tables (names,
 * aliases, flags) thus stay in the first chunk for parsing and completion while the code behind each
 * `run` waits in its chunk. A forwarder called before its module has loaded reports the miss to the
 * registry, which the worker answers by loading everything and replaying the session (sim.worker.ts).
 *
 * Node (tests, kubesim) never sees any of this: it imports the modules themselves.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PREFIX = '\0kubenote-lazy:';

/**
 * @param {string} registryPath absolute path of the registry module
 * @returns {import('vite').Plugin}
 */
export function lazyModules(registryPath) {
  const srcDir = resolve(dirname(registryPath), '../..');
  const registry = readFileSync(registryPath, 'utf8');
  /** Module key ('sim/kubectl/cmd/rollout.ts') by absolute path. */
  const lazy = new Map();
  for (const [, key = '', path = ''] of registry.matchAll(/'(sim\/[\w/.-]+\.ts)':\s*\(\)\s*=>\s*import\('([^']+)'\)/g)) {
    const abs = resolve(dirname(registryPath), path);
    if (relative(srcDir, abs).replace(/\\/g, '/') !== key) throw new Error(`lazy.ts: key ${key} does not name ${path}`);
    lazy.set(abs, key);
  }
  if (!lazy.size) throw new Error('lazy.ts: no lazy modules found');
  const everywhere = new Set([...(/STAND_IN_EVERYWHERE = \[([^\]]*)\]/.exec(registry)?.[1] ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]));
  /** @type {Set<string>} */
  const core = new Set();
  return {
    name: 'kubenote:lazy-modules',
    enforce: 'pre',
    // The worker's entry and everything it imports statically make one chunk (the group holds the
    // entry module, so the group is the entry chunk), instead of a dozen chunks shared with the
    // on-demand ones: the worker's first request is all it needs, no second round trip found only
    // once the entry is parsed. The on-demand chunks import from it.
    outputOptions(o) {
      return { ...o, codeSplitting: { groups: [{ name: 'sim-core', test: (id) => core.has(id) }] } };
    },
    buildEnd() {
      core.clear();
      const entries = [...this.getModuleIds()].filter((id) => this.getModuleInfo(id)?.isEntry);
      const todo = [...entries];
      for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
        if (core.has(id)) continue;
        core.add(id);
        todo.push(...(this.getModuleInfo(id)?.importedIds ?? []));
      }
    },
    resolveId(source, importer) {
      // The registry's loaders and the lazy modules themselves import the real modules: a lazy
      // module may use another one as it is evaluated (annotate.ts builds its flags with label.ts).
      if (!importer || importer.startsWith(PREFIX) || importer === registryPath) return null;
      if (!/\.ts$/.test(source) || !source.startsWith('.')) return null;
      const abs = resolve(dirname(importer), source);
      if (!lazy.has(abs) || (lazy.has(importer) && !everywhere.has(lazy.get(abs)))) return null;
      return PREFIX + abs;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const abs = id.slice(PREFIX.length);
      return standIn(lazy.get(abs), await import(pathToFileURL(abs).href), registryPath);
    },
  };
}

/**
 * The stand-in's source: every export of `mod` written out, functions forwarding to the real one.
 * An object the module's data holds in several places (a flag shared by many commands) is written
 * once and shared, as it is in the module itself.
 * @param {string} key
 * @param {Record<string, unknown>} mod
 * @param {string} registryPath
 */
function standIn(key, mod, registryPath) {
  /** @type {Map<object, number>} */
  const uses = new Map();
  const count = (/** @type {unknown} */ v) => {
    if (!v || typeof v !== 'object' || v instanceof RegExp) return;
    const n = (uses.get(v) ?? 0) + 1;
    uses.set(v, n);
    if (n === 1) for (const x of Object.values(v)) count(x);
  };
  for (const v of Object.values(mod)) count(v);
  const lines = [`import { lazyModule } from ${JSON.stringify(registryPath)};`, `const m = lazyModule(${JSON.stringify(key)});`];
  /** @type {Map<object, string>} */
  const shared = new Map();
  /** @type {Set<object>} */
  const open = new Set();
  /**
   * @param {unknown} v
   * @param {(string | number)[]} path
   * @returns {string}
   */
  const literal = (v, path) => {
    const where = () => `${key}: ${path.join('.')}`;
    if (v === undefined) return 'undefined';
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return JSON.stringify(v);
    if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v > 0 ? 'Infinity' : v < 0 ? '-Infinity' : 'NaN';
    if (typeof v === 'function') {
      if (/^class\b/.test(Function.prototype.toString.call(v))) throw new Error(`${where()} is a class; a lazy module can only export functions and data`);
      return `function (...a) { return m()${path.map((p) => `[${JSON.stringify(p)}]`).join('')}.apply(this, a); }`;
    }
    if (typeof v !== 'object') throw new Error(`${where()} is a ${typeof v}`);
    if (v instanceof RegExp) return String(v);
    const name = shared.get(v);
    if (name) return name;
    if (open.has(v)) throw new Error(`${where()} refers back to itself`);
    const proto = Object.getPrototypeOf(v);
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) throw new Error(`${where()} is an instance of ${proto?.constructor?.name}; a lazy module can only export functions and data`);
    open.add(v);
    const text = Array.isArray(v)
      ? `[${v.map((x, i) => literal(x, [...path, i])).join(', ')}]`
      : `{${Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${literal(x, [...path, k])}`).join(', ')}}`;
    open.delete(v);
    if ((uses.get(v) ?? 0) < 2) return text;
    const id = `s${shared.size}`;
    shared.set(v, id);
    lines.push(`const ${id} = ${text};`);
    return id;
  };
  for (const [name, value] of Object.entries(mod)) {
    if (typeof value === 'function') lines.push(`export function ${name}(...a) { return m().${name}.apply(this, a); }`);
    else {
      const text = literal(value, [name]);
      lines.push(`export const ${name} = ${text};`);
    }
  }
  return lines.join('\n');
}

export const lazyRegistryPath = fileURLToPath(new URL('../components/run/lazy.ts', import.meta.url));
