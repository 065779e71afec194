#!/usr/bin/env node
// Generates src/sim/serve/generated/proto.json: the protobuf message layouts `kubesim serve` needs —
//  - the Kubernetes API types (k8s.io/api/<group>/<version>/generated.proto, k8s.io/apimachinery
//    meta/v1, resource, intstr, runtime) to decode request bodies that kubectl's typed clients send as
//    `application/vnd.kubernetes.protobuf` (kubectl create deployment/secret/…, drain's Eviction);
//  - gnostic's OpenAPI v2 document (github.com/google/gnostic-models openapiv2/OpenAPIv2.proto) to
//    answer GET /openapi/v2 with `Accept: application/com.github.proto-openapi.spec.v2@v1.0+protobuf`.
//
// Source: the FileDescriptorProtos compiled into a real kubectl binary. Every generated.pb.go
// registers its .proto file as a gzipped FileDescriptorProto (gogo/protobuf `proto.RegisterFile`),
// and protobuf-go keeps gnostic's raw descriptor; this script finds them in the binary, decodes them
// and keeps, per message, the fields as [number, name, type, repeated?, typeName?].
//
// Run by a developer (never at build or run time):
//   npx node scripts/gen-proto.mjs [/path/to/kubectl]     (default: kubectl.1.33 of the Google Cloud SDK,
//                                                           else `kubectl` on PATH)
// Output is committed; re-run when moving to another kubectl minor.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'src/sim/serve/generated/proto.json');

function findKubectl() {
  if (process.argv[2]) return process.argv[2];
  const sdk = '/usr/lib/google-cloud-sdk/bin/kubectl.1.33';
  if (existsSync(sdk)) return sdk;
  return realpathSync(execFileSync('sh', ['-c', 'command -v kubectl'], { encoding: 'utf8' }).trim());
}

// ---- a minimal protobuf reader --------------------------------------------------------------------
function varint(buf, pos) {
  let v = 0n;
  let shift = 0n;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const b = buf[pos++];
    v |= BigInt(b & 0x7f) << shift;
    if (!(b & 0x80)) break;
    shift += 7n;
    if (shift > 70n) throw new Error('varint too long');
  }
  return [v, pos];
}

/** Fields of one message: [{no, wire, value}] (value: bigint for varints, Buffer for bytes). */
function fields(buf, maxField = Infinity) {
  const out = [];
  let pos = 0;
  while (pos < buf.length) {
    const start = pos;
    let tag;
    [tag, pos] = varint(buf, pos);
    const no = Number(tag >> 3n);
    const wire = Number(tag & 7n);
    if (no === 0 || no > maxField) return { out, end: start };
    if (wire === 0) {
      let v;
      [v, pos] = varint(buf, pos);
      out.push({ no, wire, value: v });
    } else if (wire === 2) {
      let len;
      [len, pos] = varint(buf, pos);
      const n = Number(len);
      if (pos + n > buf.length) return { out, end: start };
      out.push({ no, wire, value: buf.subarray(pos, pos + n) });
      pos += n;
    } else if (wire === 1) {
      out.push({ no, wire, value: buf.subarray(pos, pos + 8) });
      pos += 8;
    } else if (wire === 5) {
      out.push({ no, wire, value: buf.subarray(pos, pos + 4) });
      pos += 4;
    } else return { out, end: start };
  }
  return { out, end: pos };
}

const str = (b) => Buffer.from(b).toString('utf8');

const TYPES = { 1: 'double', 2: 'float', 3: 'int64', 4: 'uint64', 5: 'int32', 6: 'fixed64', 7: 'fixed32', 8: 'bool', 9: 'string', 11: 'message', 12: 'bytes', 13: 'uint32', 14: 'enum', 15: 'sfixed32', 16: 'sfixed64', 17: 'sint32', 18: 'sint64' };

/** DescriptorProto → {name, fields, nested, mapEntry} */
function message(buf, prefix, into) {
  const { out } = fields(buf);
  const name = str(out.find((f) => f.no === 1).value);
  const full = `${prefix}.${name}`;
  const msg = { fields: [] };
  for (const f of out) {
    if (f.no === 2) {
      const fd = fields(f.value).out;
      const get = (n) => fd.find((x) => x.no === n);
      const field = [Number(get(3).value), str(get(1).value), TYPES[Number(get(5).value)]];
      if (Number(get(4)?.value ?? 1n) === 3) field.push(1);
      else field.push(0);
      const tn = get(6);
      if (tn) field.push(str(tn.value).replace(/^\./, ''));
      msg.fields.push(field);
    } else if (f.no === 3) message(f.value, full, into);
    else if (f.no === 7) {
      const opts = fields(f.value).out;
      if (opts.some((o) => o.no === 7 && o.value === 1n)) msg.mapEntry = true;
    }
  }
  into[full] = msg;
}

function fileDescriptor(buf) {
  const { out } = fields(buf, 14);
  const name = str(out.find((f) => f.no === 1).value);
  const pkg = str(out.find((f) => f.no === 2)?.value ?? Buffer.alloc(0));
  const messages = {};
  for (const f of out) if (f.no === 4) message(f.value, pkg, messages);
  return { name, pkg, messages };
}

// ---- scan the binary ------------------------------------------------------------------------------
const kubectl = findKubectl();
const bin = readFileSync(kubectl);
const version = execFileSync(kubectl, ['version', '--client', '-o', 'json'], { encoding: 'utf8' });
const gitVersion = JSON.parse(version).clientVersion.gitVersion;

const WANTED = new Set([
  'k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto',
  'k8s.io/apimachinery/pkg/api/resource/generated.proto',
  'k8s.io/apimachinery/pkg/util/intstr/generated.proto',
  'k8s.io/apimachinery/pkg/runtime/generated.proto',
  'k8s.io/api/core/v1/generated.proto',
  'k8s.io/api/apps/v1/generated.proto',
  'k8s.io/api/batch/v1/generated.proto',
  'k8s.io/api/autoscaling/v1/generated.proto',
  'k8s.io/api/authentication/v1/generated.proto',
  'k8s.io/api/coordination/v1/generated.proto',
  'k8s.io/api/discovery/v1/generated.proto',
  'k8s.io/api/events/v1/generated.proto',
  'k8s.io/api/policy/v1/generated.proto',
  'k8s.io/api/rbac/v1/generated.proto',
  'k8s.io/api/scheduling/v1/generated.proto',
]);

const files = {};
for (let i = 0; i < bin.length - 3; i++) {
  if (bin[i] !== 0x1f || bin[i + 1] !== 0x8b || bin[i + 2] !== 0x08) continue;
  let raw;
  try {
    raw = gunzipSync(bin.subarray(i, i + 1_000_000));
  } catch {
    continue;
  }
  if (raw[0] !== 0x0a) continue;
  const nameLen = raw[1];
  const name = raw.subarray(2, 2 + nameLen).toString('latin1');
  if (!WANTED.has(name) || files[name]) continue;
  files[name] = fileDescriptor(raw);
}
const missing = [...WANTED].filter((n) => !files[n]);
if (missing.length) throw new Error(`not found in ${kubectl}: ${missing.join(', ')}`);

// gnostic: protobuf-go keeps the raw (not gzipped) descriptor; it starts with field 1 = the file name.
const marker = Buffer.from('\x0a\x19openapiv2/OpenAPIv2.proto', 'latin1');
const at = bin.indexOf(marker);
if (at < 0) throw new Error(`openapiv2/OpenAPIv2.proto not found in ${kubectl}`);
const { end } = fields(bin.subarray(at, at + 200_000), 14);
const gnostic = fileDescriptor(bin.subarray(at, at + end));

// Kubernetes messages keep their fields in declaration order: go-to-protobuf writes them in the Go
// struct's order, which is the order kube-apiserver's JSON has (envFrom = 19 before env = 7).
const messages = {};
for (const f of Object.values(files)) Object.assign(messages, f.messages);
// gnostic's are encoded field by field: by number, as protobuf-go writes them.
for (const m of Object.values(gnostic.messages)) m.fields.sort((a, b) => a[0] - b[0]);
const out = {
  source: `FileDescriptorProtos compiled into kubectl ${gitVersion} (scripts/gen-proto.mjs)`,
  doc: 'message → fields [number, name, type, repeated(0|1), typeName?] (Kubernetes: in declaration = Go struct order; OpenAPI v2: by number); mapEntry: map<key,value> entry messages',
  kubernetes: messages,
  openapiv2: gnostic.messages,
};
mkdirSync(path.dirname(OUT), { recursive: true });
writeFileSync(OUT, JSON.stringify(out) + '\n');
console.log(`wrote ${path.relative(ROOT, OUT)}: ${Object.keys(messages).length} Kubernetes messages, ${Object.keys(gnostic.messages).length} OpenAPI v2 messages (${gitVersion})`);
