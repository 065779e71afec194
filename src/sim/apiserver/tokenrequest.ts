/**
 * serviceaccounts/token (TokenRequest, authentication.k8s.io/v1): the API server issues a service
 * account token. Sources: pkg/registry/core/serviceaccount/storage/token.go (TokenREST.Create: validate,
 * get the ServiceAccount, check the bound Pod, Secret or Node, default audiences, claims, status),
 * pkg/apis/authentication/validation ValidateTokenRequest (10 minutes to 2^32 seconds),
 * pkg/apis/authentication/v1 defaults (expirationSeconds 3600), pkg/serviceaccount/claims.go (the
 * claims), and go-jose's builder, which normalises claims through a map: keys print sorted at every
 * level. kubeadm's kube-apiserver runs with --service-account-issuer=https://kubernetes.default.svc.cluster.local,
 * which is also the default audience.
 *
 * The token is a JWT of the real shape; its signature is filler (there is no key to verify it with).
 */
import type { KubeObject } from '../api/object.ts';
import { invalid, type FieldError } from '../api/validation/field.ts';
import * as errors from './errors.ts';

export const ISSUER = 'https://kubernetes.default.svc.cluster.local';
const KEY_ID = 'kN3xZr0T1wYb6uJmQ8sHdLpV4cF2gE9aKoPiW7nRtSy';
const MIN_SECONDS = 10 * 60;
const MAX_SECONDS = 2 ** 32;

function b64url(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A compact JWS (RS256) of `claims`, with a deterministic 256-byte filler signature made from `seed`. */
export function signedToken(claims: object, seed: string): string {
  const header = b64url(JSON.stringify({ alg: 'RS256', kid: KEY_ID }));
  let h = 0x811c9dc5;
  let sig = '';
  const A = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  for (let i = 0; sig.length < 342; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i % seed.length) ^ i, 0x01000193) >>> 0;
    sig += A[h % 64];
  }
  return `${header}.${b64url(JSON.stringify(claims))}.${sig}`;
}

type Ref = { name: string; uid: string };

/** Whole seconds as metav1.Time writes them. */
const rfc3339 = (seconds: number) => new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');

export interface TokenRequestInput {
  body: unknown;
  serviceAccount: KubeObject;
  /** The bound object, looked up by the caller (Pod or Secret of the same namespace). */
  lookup(kind: 'Pod' | 'Secret' | 'Node', name: string): KubeObject;
  nodeUid(name: string): string | undefined;
  nowMs: number;
  jti: string;
}

/** TokenREST.Create: the TokenRequest answered with its status (token, expirationTimestamp). */
export function issueToken(input: TokenRequestInput): KubeObject {
  const req = (input.body && typeof input.body === 'object' ? input.body : {}) as { spec?: { audiences?: string[] | null; expirationSeconds?: number | null; boundObjectRef?: { kind?: string; apiVersion?: string; name?: string; uid?: string } | null } };
  const spec = req.spec ?? {};
  const expirationSeconds = spec.expirationSeconds ?? 3600;
  const errs: FieldError[] = [];
  if (expirationSeconds < MIN_SECONDS) errs.push(invalid('spec.expirationSeconds', expirationSeconds, 'may not specify a duration less than 10 minutes'));
  if (expirationSeconds > MAX_SECONDS) errs.push(invalid('spec.expirationSeconds', expirationSeconds, 'may not specify a duration larger than 2^32 seconds'));
  if (errs.length) throw errors.invalid('authentication.k8s.io', 'TokenRequest', '', errs);

  const sa = input.serviceAccount;
  const ns = sa.metadata.namespace!;
  // The bound object's claims (a node names itself without uid when it is gone: ref.UID is omitempty).
  let node: { name: string; uid?: string } | undefined;
  let pod: Ref | undefined;
  let secret: Ref | undefined;
  const ref = spec.boundObjectRef;
  if (ref) {
    const group = (ref.apiVersion ?? '').includes('/') ? ref.apiVersion!.split('/')[0] : '';
    let uid: string;
    if (group === '' && ref.kind === 'Pod') {
      const p = input.lookup('Pod', ref.name ?? '');
      const podSpec = p.spec as { serviceAccountName?: string; nodeName?: string } | undefined;
      if (podSpec?.serviceAccountName !== sa.metadata.name) throw errors.badRequest(`cannot bind token for serviceaccount "${sa.metadata.name}" to pod running with different serviceaccount name.`);
      uid = p.metadata.uid ?? '';
      pod = { name: p.metadata.name!, uid };
      // ServiceAccountTokenPodNodeInfo: a pod-bound token names the pod's node.
      const nodeName = podSpec?.nodeName;
      const nodeUid = nodeName ? input.nodeUid(nodeName) : undefined;
      if (nodeName) node = nodeUid ? { name: nodeName, uid: nodeUid } : { name: nodeName };
    } else if (group === '' && ref.kind === 'Node') {
      // ServiceAccountTokenNodeBinding (GA in v1.33).
      const n = input.lookup('Node', ref.name ?? '');
      uid = n.metadata.uid ?? '';
      node = { name: n.metadata.name!, uid };
    } else if (group === '' && ref.kind === 'Secret') {
      const sec = input.lookup('Secret', ref.name ?? '');
      uid = sec.metadata.uid ?? '';
      secret = { name: sec.metadata.name!, uid };
    } else {
      // schema.GroupVersionKind.String(): Group + "/" + Version + ", Kind=" + Kind (the core group too).
      const gvk = `${group}/${(ref.apiVersion ?? '').split('/').pop()}, Kind=${ref.kind ?? ''}`;
      throw errors.badRequest(`cannot bind token to object of type ${gvk}`);
    }
    if (ref.uid && ref.uid !== uid) {
      throw errors.conflict('', ref.kind!, ref.name ?? '', `the UID in the bound object reference (${ref.uid}) does not match the UID in record. The object might have been deleted and then recreated`);
    }
  }
  const audiences = spec.audiences?.length ? spec.audiences : [ISSUER];
  const iat = Math.floor(input.nowMs / 1000);
  const exp = iat + expirationSeconds;
  // Sorted keys at every level, as go-jose's builder prints them.
  const kubernetes = { namespace: ns, ...(node && { node }), ...(pod && { pod }), ...(secret && { secret }), serviceaccount: { name: sa.metadata.name!, uid: sa.metadata.uid ?? '' } };
  const claims = { aud: audiences, exp, iat, iss: ISSUER, jti: input.jti, 'kubernetes.io': kubernetes, nbf: iat, sub: `system:serviceaccount:${ns}:${sa.metadata.name}` };
  const boundObjectRef = ref ? { kind: ref.kind, apiVersion: ref.apiVersion, name: ref.name, ...(ref.uid ? { uid: ref.uid } : {}) } : undefined;
  return {
    kind: 'TokenRequest',
    apiVersion: 'authentication.k8s.io/v1',
    // Filled in by the server: name, namespace and the time of the request since v1.24
    // (kubernetes#107880), the ServiceAccount's uid since v1.34 (kubernetes#132803).
    metadata: { name: sa.metadata.name, namespace: ns, uid: sa.metadata.uid, creationTimestamp: rfc3339(iat) },
    // TokenRequestSpec's fields have no omitempty: a request without a bound object answers null.
    spec: { audiences, expirationSeconds, boundObjectRef: boundObjectRef ?? null },
    status: { token: signedToken(claims, `${input.jti}/${iat}`), expirationTimestamp: rfc3339(exp) },
  } as KubeObject;
}
