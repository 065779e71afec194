/**
 * Bootstrap token cleaner (kube-controller-manager's `tokencleaner`, pkg/controller/bootstrap/
 * tokencleaner.go): a Secret of type `bootstrap.kubernetes.io/token` in kube-system whose `expiration`
 * (RFC 3339) has passed is deleted; one that has not is looked at again when it expires
 * (`queue.AddAfter(key, ttl)`). So the token `kubeadm init` creates (TTL 24h) and those of
 * `kubeadm token create` leave `kubeadm token list` when they expire.
 */
import type { KubeObject } from '../api/object.ts';
import { res } from '../apiserver/client.ts';
import { Controller, keyOf, splitKey, type ControllerContext } from './controller.ts';

export const BOOTSTRAP_TOKEN_TYPE = 'bootstrap.kubernetes.io/token';

/** The expiration of a bootstrap token Secret (ms), or undefined when it never expires. */
export function tokenExpiration(secret: KubeObject): number | undefined {
  const data = (secret as { data?: Record<string, string> }).data ?? {};
  const raw = data.expiration;
  if (!raw) return undefined;
  const t = Date.parse(atob(raw));
  return Number.isNaN(t) ? undefined : t;
}

export class TokenCleaner extends Controller {
  readonly name = 'tokencleaner';
  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  start(): void {
    this.watch(res('secrets'), (ev) => {
      const s = ev.object as KubeObject & { type?: string };
      if (ev.type === 'DELETED' || s.metadata.namespace !== 'kube-system' || s.type !== BOOTSTRAP_TOKEN_TYPE) return;
      this.enqueue(keyOf(s));
    });
  }

  protected sync(key: string): void {
    const [ns, name] = splitKey(key);
    const { client, clock } = this.ctx;
    const secret = client.get(res('secrets'), ns, name);
    if (!secret || secret.metadata.deletionTimestamp) return;
    const exp = tokenExpiration(secret);
    if (exp === undefined) return;
    const left = exp - clock.now();
    if (left <= 0) client.delete(res('secrets'), ns, name);
    else this.enqueueAfter(key, left);
  }
}
