// Reading manifests as `kubectl create|apply -f` does (see ./parse.ts) and the go-yaml v2 port.
export {
  readManifests,
  validateManifest,
  decodeManifest,
  noObjectsPassed,
  parseGroupVersion,
  type ManifestDocument,
  type ManifestStream,
  type DecodedManifest,
  type JsonValue,
} from './parse.ts';
export { yamlToJSON, formatLibyamlError, type YamlToJsonResult } from './goyaml/decode.ts';
export { marshalYAML } from './goyaml/emitter.ts';
