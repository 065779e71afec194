// `kubectl -o yaml`: cli-runtime pkg/printers/yaml.go YAMLPrinter → sigs.k8s.io/yaml Marshal
// (json.Marshal, then JSONToYAML through go-yaml v2). Keys come out in go-yaml's key order,
// sequences are not indented under their key, strings are quoted by go-yaml's rules and long
// ones folded at 80 columns. Each object after the first is preceded by `---`.

import { marshalYAML } from '../yaml/goyaml/emitter.ts';
import type { JsonValue } from '../yaml/goyaml/decode.ts';

/** Drops `undefined` members the way encoding/json drops omitted fields. */
function toJSONValue(v: unknown): JsonValue {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(toJSONValue);
  if (typeof v === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x === undefined) continue;
      if (k === '__proto__') {
        Object.defineProperty(out, k, { value: toJSONValue(x), enumerable: true, writable: true, configurable: true });
      } else {
        out[k] = toJSONValue(x);
      }
    }
    return out;
  }
  return v as JsonValue;
}

/** The YAML kubectl prints for one object (ends with a newline). */
export function printYAML(obj: unknown): string {
  return marshalYAML(toJSONValue(obj));
}

/** Several objects printed by one YAML printer: `---` before every object but the first. */
export function printYAMLDocuments(objs: unknown[]): string {
  return objs.map((o, i) => (i > 0 ? '---\n' : '') + printYAML(o)).join('');
}
