// `kubectl -o yaml`: cli-runtime pkg/printers/yaml.go YAMLPrinter → sigs.k8s.io/yaml Marshal
// (json.Marshal, then JSONToYAML through go-yaml v2). Keys come out in go-yaml's key order,
// sequences are not indented under their key, strings are quoted by go-yaml's rules and long
// ones folded at 80 columns. Each object after the first is preceded by `---`.

import { marshalYAML } from '../yaml/goyaml/emitter.ts';

/** The YAML kubectl prints for one object (ends with a newline). */
export function printYAML(obj: unknown): string {
  // `undefined` members are dropped, as encoding/json drops omitted fields.
  return marshalYAML(obj as object);
}

/** Several objects printed by one YAML printer: `---` before every object but the first. */
export function printYAMLDocuments(objs: unknown[]): string {
  return objs.map((o, i) => (i > 0 ? '---\n' : '') + printYAML(o)).join('');
}
