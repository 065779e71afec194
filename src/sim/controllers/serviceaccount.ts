/**
 * ServiceAccount controller and root-CA publisher (pkg/controller/serviceaccount,
 * pkg/controller/certificates/rootcacertpublisher): every active namespace gets the `default`
 * ServiceAccount and the `kube-root-ca.crt` ConfigMap.
 */
import { res } from '../apiserver/client.ts';
import { Controller, type ControllerContext } from './controller.ts';

/** A placeholder certificate: the model has no real keys (and says so in its header). */
export const ROOT_CA_PEM =
  '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIa3ViZW5vdGUwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE\nAxMKa3ViZXJuZXRlczAeFw0yNjAxMDEwMDAwMDBaFw0zNTEyMzAwMDAwMDBaMBUx\nEzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK\n-----END CERTIFICATE-----\n';

export class ServiceAccountController extends Controller {
  readonly name = 'serviceaccount';
  constructor(ctx: ControllerContext) {
    super(ctx);
  }

  start(): void {
    this.watch(res('namespaces'), (ev) => {
      if (ev.type !== 'DELETED') this.enqueue(ev.object.metadata.name!);
    });
    this.watch(res('serviceaccounts'), (ev) => {
      if (ev.type === 'DELETED' && ev.object.metadata.name === 'default') this.enqueue(ev.object.metadata.namespace!);
    });
    this.watch(res('configmaps'), (ev) => {
      if (ev.object.metadata.name === 'kube-root-ca.crt') this.enqueue(ev.object.metadata.namespace!);
    });
  }

  protected sync(ns: string): void {
    const { client } = this.ctx;
    const namespace = client.get(res('namespaces'), undefined, ns);
    if (!namespace || namespace.metadata.deletionTimestamp) return;
    if (!client.get(res('serviceaccounts'), ns, 'default')) {
      client.create(res('serviceaccounts'), { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: ns } });
    }
    const cm = client.get(res('configmaps'), ns, 'kube-root-ca.crt');
    if (!cm) {
      client.create(res('configmaps'), {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'kube-root-ca.crt', namespace: ns, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
        data: { 'ca.crt': ROOT_CA_PEM },
      });
    } else if ((cm.data as Record<string, string> | undefined)?.['ca.crt'] !== ROOT_CA_PEM) {
      client.mutate(res('configmaps'), ns, 'kube-root-ca.crt', (o) => void (o.data = { 'ca.crt': ROOT_CA_PEM }));
    }
  }
}
