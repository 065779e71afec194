// `kubectl create configmap` and `kubectl create secret generic|tls|docker-registry`
// (kubectl pkg/cmd/create/create_configmap.go, create_secret.go, create_secret_tls.go,
// create_secret_docker.go; pkg/util/util.go ParseFileSource/ParseLiteralSource;
// pkg/cmd/util/env_file.go; pkg/util/hash/hash.go for --append-hash).
// Files are read through the caller's FileAccess (the simulated node filesystem).

import { base64Encode, fail, goMap, isConfigMapKey, isEnvVarName, objectMeta, type GenResult, type Obj } from './common.ts';
import { sha256Hex } from './sha256.ts';
import { marshalJSON } from '../printers/json.ts';

/**
 * What kubectl reads from the local filesystem. Errors are Go's: `stat` gives the PathError's Err (kubectl
 * prints `err.Err`, `no such file or directory`), reads the whole PathError (`open <path>: …`).
 */
export interface FileAccess {
  /** os.Stat */
  stat(path: string): 'file' | 'dir' | { error: string };
  /** os.ReadFile; a Uint8Array for content that may not be UTF-8 */
  readFile(path: string): string | Uint8Array | { error: string };
  /** os.ReadDir, sorted by name */
  readDir(path: string): { name: string; regular: boolean }[] | { error: string };
}

export interface DataSources {
  /** --from-literal (repeatable) */
  fromLiteral?: string[];
  /** --from-file (repeatable / comma-separated) */
  fromFile?: string[];
  /** --from-env-file (repeatable) */
  fromEnvFile?: string[];
  /** the environment of the kubectl process, for env-file lines without `=` */
  getenv?: (name: string) => string;
  files?: FileAccess;
}

// The same error texts as the real accessor's.
const NO_FILES: FileAccess = {
  stat: () => ({ error: 'no such file or directory' }),
  readFile: (p) => ({ error: `open ${p}: no such file or directory` }),
  readDir: (p) => ({ error: `open ${p}: no such file or directory` }),
};

/** util.ParseLiteralSource */
export function parseLiteralSource(source: string): [string, string] | string {
  if (source.indexOf('=') === 0 || !source.includes('=')) return `invalid literal source ${source}, expected key=value`;
  const i = source.indexOf('=');
  return [source.slice(0, i), source.slice(i + 1)];
}

/** util.ParseFileSource */
export function parseFileSource(source: string): [string, string] | string {
  const n = source.split('=').length - 1;
  if (n === 0) {
    const parts = source.replace(/\\/g, '/').split('/').filter((p, i, a) => p !== '' || i === a.length - 1);
    let base = parts[parts.length - 1];
    if (base === '' || base === undefined) base = source.startsWith('/') ? '/' : '.';
    return [base, source];
  }
  if (n === 1 && source.startsWith('=')) return `key name for file path ${source.slice(1)} missing`;
  if (n === 1 && source.endsWith('=')) return `file path for key name ${source.slice(0, -1)} missing`;
  if (n > 1) return "key names or file paths cannot contain '='";
  const i = source.indexOf('=');
  return [source.slice(0, i), source.slice(i + 1)];
}

function pathJoin(a: string, b: string): string {
  return (a.endsWith('/') ? a : a + '/') + b;
}

function isUTF8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** cmdutil.AddFromEnvFile: calls add(key, value) for each line; returns an error text. */
export function addFromEnvFile(
  path: string,
  content: string,
  getenv: (k: string) => string,
  add: (key: string, value: string) => string | null,
): string | null {
  const lines = content.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (let n = 0; n < lines.length; n++) {
    let line = lines[n].endsWith('\r') ? lines[n].slice(0, -1) : lines[n];
    if (n === 0 && line.startsWith('\ufeff')) line = line.slice(1);
    line = line.replace(/^[\s\u0085\u00a0]+/, '');
    if (line.length === 0 || line[0] === '#') continue;
    const i = line.indexOf('=');
    const key = i < 0 ? line : line.slice(0, i);
    const errs = isEnvVarName(key);
    if (errs.length !== 0) return `${JSON.stringify(key)} is not a valid key name: ${errs.join(';')}`;
    const value = i < 0 ? getenv(key) : line.slice(i + 1);
    const err = add(key, value);
    if (err) return err;
  }
  void path;
  return null;
}

type Sink = (key: string, value: string | Uint8Array) => string | null;

/** handle*FromFileSources: files and (non-recursively) the regular files of directories. */
function fromFileSources(sources: string[], files: FileAccess, add: Sink): string | null {
  for (const source of sources) {
    const parsed = parseFileSource(source);
    if (typeof parsed === 'string') return parsed;
    const [key, path] = parsed;
    const st = files.stat(path);
    if (typeof st !== 'string') return `error reading ${path}: ${st.error}`;
    if (st === 'dir') {
      if (source.includes('=')) return 'cannot give a key name for a directory path';
      const list = files.readDir(path);
      if (!Array.isArray(list)) return `error listing files in ${path}: ${list.error}`;
      for (const item of list) {
        if (!item.regular) continue;
        const data = files.readFile(pathJoin(path, item.name));
        if (typeof data === 'object' && !(data instanceof Uint8Array)) return data.error;
        const err = add(item.name, data);
        if (err) return err;
      }
    } else {
      const data = files.readFile(path);
      if (typeof data === 'object' && !(data instanceof Uint8Array)) return data.error;
      const err = add(key, data);
      if (err) return err;
    }
  }
  return null;
}

function envFileSources(sources: string[], files: FileAccess, getenv: (k: string) => string, add: (k: string, v: string) => string | null): string | null {
  for (const source of sources) {
    const st = files.stat(source);
    if (typeof st !== 'string') return `error reading ${source}: ${st.error}`;
    if (st === 'dir') return 'env config file cannot be a directory';
    const data = files.readFile(source);
    if (typeof data === 'object' && !(data instanceof Uint8Array)) return data.error;
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
    const err = addFromEnvFile(source, text, getenv, add);
    if (err) return err;
  }
  return null;
}

/** hash.encodeHash: the first 10 hex digits with 0,1,3,a,e mapped to g,h,k,m,t. */
function encodeHash(hex: string): string {
  const map: Record<string, string> = { '0': 'g', '1': 'h', '3': 'k', a: 'm', e: 't' };
  return Array.from(hex.slice(0, 10), (c) => map[c] ?? c).join('');
}

// ------------------------------------------------------------------ configmap

export interface CreateConfigMapFlags extends DataSources {
  name: string;
  namespace?: string;
  appendHash?: boolean;
}

export function createConfigMap(f: CreateConfigMapFlags): GenResult {
  const literals = f.fromLiteral ?? [];
  const fileSources = f.fromFile ?? [];
  const envFiles = f.fromEnvFile ?? [];
  if (envFiles.length > 0 && (fileSources.length > 0 || literals.length > 0)) {
    return fail('from-env-file cannot be combined with from-file or from-literal');
  }
  const files = f.files ?? NO_FILES;
  const data = new Map<string, string>();
  const binary = new Map<string, Uint8Array>();
  const validate = (key: string): string | null => {
    const errs = isConfigMapKey(key);
    if (errs.length > 0) return `${JSON.stringify(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`;
    if (data.has(key)) {
      return `cannot add key ${JSON.stringify(key)}, another key by that name already exists in Data for ConfigMap ${JSON.stringify(f.name)}`;
    }
    if (binary.has(key)) {
      return `cannot add key ${JSON.stringify(key)}, another key by that name already exists in BinaryData for ConfigMap ${JSON.stringify(f.name)}`;
    }
    return null;
  };
  const addLiteral = (key: string, value: string): string | null => validate(key) ?? (data.set(key, value), null);
  const addFile: Sink = (key, value) => {
    if (typeof value === 'string') return addLiteral(key, value);
    if (isUTF8(value)) return addLiteral(key, new TextDecoder().decode(value));
    return validate(key) ?? (binary.set(key, value), null);
  };
  let err = fromFileSources(fileSources, files, addFile);
  if (err) return fail(err);
  for (const source of literals) {
    const kv = parseLiteralSource(source);
    if (typeof kv === 'string') return fail(kv);
    err = addLiteral(kv[0], kv[1]);
    if (err) return fail(err);
  }
  err = envFileSources(envFiles, files, f.getenv ?? (() => ''), addLiteral);
  if (err) return fail(err);

  let name = f.name;
  const dataMap = goMap(data);
  const binaryMap = goMap(new Map([...binary].map(([k, v]) => [k, base64Encode(v)])));
  if (f.appendHash) {
    const m: Obj = { kind: 'ConfigMap', name, data: dataMap };
    if (binary.size > 0) m.binaryData = binaryMap;
    name = `${name}-${encodeHash(sha256Hex(marshalJSON(m)))}`;
  }
  const cm: Obj = { kind: 'ConfigMap', apiVersion: 'v1', metadata: objectMeta({ name, namespace: f.namespace }) };
  if (data.size > 0) cm.data = dataMap;
  if (binary.size > 0) cm.binaryData = binaryMap;
  return { ok: true, object: cm };
}

// ------------------------------------------------------------------ secrets

function newSecret(name: string, namespace: string | undefined, data: Map<string, string | Uint8Array>, type: string, appendHash: boolean | undefined): Obj {
  const encoded = goMap(new Map([...data].map(([k, v]) => [k, base64Encode(v)])));
  let n = name;
  if (appendHash) {
    n = `${name}-${encodeHash(sha256Hex(marshalJSON({ data: encoded, kind: 'Secret', name, type })))}`;
  }
  const secret: Obj = { kind: 'Secret', apiVersion: 'v1', metadata: objectMeta({ name: n, namespace }) };
  if (data.size > 0) secret.data = encoded;
  if (type) secret.type = type;
  return secret;
}

function secretAdder(data: Map<string, string | Uint8Array>): Sink {
  return (key, value) => {
    const errs = isConfigMapKey(key);
    if (errs.length !== 0) return `${JSON.stringify(key)} is not valid key name for a Secret ${errs.join(';')}`;
    if (data.has(key)) return `cannot add key ${key}, another key by that name already exists`;
    data.set(key, value);
    return null;
  };
}

export interface CreateSecretGenericFlags extends DataSources {
  name: string;
  namespace?: string;
  /** --type */
  type?: string;
  appendHash?: boolean;
}

export function createSecretGeneric(f: CreateSecretGenericFlags): GenResult {
  const literals = f.fromLiteral ?? [];
  const fileSources = f.fromFile ?? [];
  const envFiles = f.fromEnvFile ?? [];
  if (envFiles.length > 0 && (fileSources.length > 0 || literals.length > 0)) {
    return fail('from-env-file cannot be combined with from-file or from-literal');
  }
  const files = f.files ?? NO_FILES;
  const data = new Map<string, string | Uint8Array>();
  const add = secretAdder(data);
  let err = fromFileSources(fileSources, files, add);
  if (err) return fail(err);
  for (const source of literals) {
    const kv = parseLiteralSource(source);
    if (typeof kv === 'string') return fail(kv);
    err = add(kv[0], kv[1]);
    if (err) return fail(err);
  }
  err = envFileSources(envFiles, files, f.getenv ?? (() => ''), add);
  if (err) return fail(err);
  return { ok: true, object: newSecret(f.name, f.namespace, data, f.type ?? '', f.appendHash) };
}

export interface CreateSecretDockerRegistryFlags {
  name: string;
  namespace?: string;
  dockerUsername?: string;
  dockerPassword?: string;
  dockerEmail?: string;
  /** --docker-server, default https://index.docker.io/v1/ */
  dockerServer?: string;
  fromFile?: string[];
  files?: FileAccess;
  appendHash?: boolean;
}

export function createSecretDockerRegistry(f: CreateSecretDockerRegistryFlags): GenResult {
  const server = f.dockerServer ?? 'https://index.docker.io/v1/';
  const fileSources = f.fromFile ?? [];
  if (fileSources.length === 0 && (!f.dockerUsername || !f.dockerPassword || !server)) {
    return fail('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
  }
  const data = new Map<string, string | Uint8Array>();
  if (fileSources.length > 0) {
    const err = fromFileSources(fileSources, f.files ?? NO_FILES, secretAdder(data));
    if (err) return fail(err);
  } else {
    const entry: Obj = {};
    if (f.dockerUsername) entry.username = f.dockerUsername;
    if (f.dockerPassword) entry.password = f.dockerPassword;
    if (f.dockerEmail) entry.email = f.dockerEmail;
    const auth = base64Encode(`${f.dockerUsername}:${f.dockerPassword}`);
    if (auth) entry.auth = auth;
    data.set('.dockerconfigjson', marshalJSON({ auths: { [server]: entry } }, 'insertion'));
  }
  return { ok: true, object: newSecret(f.name, f.namespace, data, 'kubernetes.io/dockerconfigjson', f.appendHash) };
}

export interface CreateSecretTLSFlags {
  name: string;
  namespace?: string;
  cert?: string;
  key?: string;
  files?: FileAccess;
  appendHash?: boolean;
}

interface PemBlock {
  type: string;
}

/** encoding/pem.Decode over a whole input: the blocks whose body is valid base64. */
function pemBlocks(text: string): PemBlock[] {
  const out: PemBlock[] = [];
  const re = /-----BEGIN ([^\r\n]*?)-----\r?\n([\s\S]*?)-----END \1-----/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const body = m[2]
      .split(/\r?\n/)
      .filter((l) => !/^[A-Za-z-]+:/.test(l))
      .join('')
      .replace(/\s+/g, '');
    if (/^[A-Za-z0-9+/]*={0,2}$/.test(body) && body.length % 4 === 0) out.push({ type: m[1] });
  }
  return out;
}

/**
 * The PEM checks of crypto/tls.X509KeyPair (a CERTIFICATE block in the cert input, a
 * "… PRIVATE KEY" block in the key input). The simulator does not parse DER or match keys.
 */
export function checkKeyPair(cert: string, key: string): string | null {
  const certBlocks = pemBlocks(cert);
  const skipped = certBlocks.filter((b) => b.type !== 'CERTIFICATE').map((b) => b.type);
  if (certBlocks.length === skipped.length) {
    if (skipped.length === 0) return 'tls: failed to find any PEM data in certificate input';
    if (skipped.length === 1 && skipped[0].endsWith('PRIVATE KEY')) {
      return 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched';
    }
    return `tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [${skipped.join(' ')}]`;
  }
  const keySkipped: string[] = [];
  for (const b of pemBlocks(key)) {
    if (b.type === 'PRIVATE KEY' || b.type.endsWith(' PRIVATE KEY')) return null;
    keySkipped.push(b.type);
  }
  if (keySkipped.length === 0) return 'tls: failed to find any PEM data in key input';
  if (keySkipped.length === 1 && keySkipped[0] === 'CERTIFICATE') {
    return 'tls: found a certificate rather than a key in the PEM for the private key';
  }
  return `tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [${keySkipped.join(' ')}]`;
}

export function createSecretTLS(f: CreateSecretTLSFlags): GenResult {
  if (!f.key || !f.cert) return fail('key and cert must be specified');
  const files = f.files ?? NO_FILES;
  const read = (p: string): string | { error: string } => {
    const d = files.readFile(p);
    if (typeof d === 'object' && !(d instanceof Uint8Array)) return { error: `Cannot read file ${p}, ${d.error}` };
    return typeof d === 'string' ? d : new TextDecoder().decode(d);
  };
  const cert = read(f.cert);
  if (typeof cert !== 'string') return fail(cert.error);
  const key = read(f.key);
  if (typeof key !== 'string') return fail(key.error);
  const bad = checkKeyPair(cert, key);
  if (bad) return fail(bad);
  const data = new Map<string, string>([
    ['tls.crt', cert],
    ['tls.key', key],
  ]);
  return { ok: true, object: newSecret(f.name, f.namespace, data, 'kubernetes.io/tls', f.appendHash) };
}
