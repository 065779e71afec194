/**
 * kubectl cluster-info (k8s.io/kubectl pkg/cmd/clusterinfo/clusterinfo.go): the kubeconfig's server
 * as "Kubernetes control plane", then every Service labelled kubernetes.io/cluster-service=true in
 * kube-system (or -n) through the API server proxy path
 * `<server>/api/v1/namespaces/<ns>/services/[https:]<name>:<first port name>/proxy`, named by its
 * kubernetes.io/name label (kube-dns → "CoreDNS"), then the `cluster-info dump` hint.
 * Colours: printService wraps the name in green and the link in yellow through go-colortext, which
 * only emits escape codes when stdout is a terminal; kubectl v1.33.1 with stdout piped prints plain
 * text, and run buttons and scripts have no terminal, so the simulator prints plain text too.
 */
import type { KubeObject } from '../../api/object.ts';
import { res } from '../../apiserver/client.ts';
import { ConnectionError, klogStamp } from '../kubeconfig.ts';
import type { Command } from '../types.ts';
import { listObjects } from './common.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const HINT = "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";

export const clusterInfo: Command = {
  name: 'cluster-info',
  run(ctx) {
    const host = (ctx.client?.server ?? 'https://172.30.1.2:6443').replace(/\/$/, '');
    const ns = ctx.namespaceExplicit ? ctx.namespace : 'kube-system';
    let services: KubeObject[];
    try {
      services = listObjects(ctx, res('services'), ns, 'kubernetes.io/cluster-service=true');
    } catch (e) {
      if (!(e instanceof ConnectionError)) throw e;
      for (let i = 0; i < 5; i++) ctx.err(e.discoveryLine(klogStamp(ctx.server.clock.now(), 381 + i * 1437)));
      ctx.out(HINT);
      ctx.err(e.message + '\n');
      return 1;
    }
    let out = `Kubernetes control plane is running at ${host}\n`;
    for (const s of services) {
      const spec = (s.spec ?? {}) as Obj;
      const ingress = (s.status as Obj | undefined)?.loadBalancer?.ingress ?? [];
      let link = '';
      if (ingress.length) {
        const ip = ingress[0].ip || ingress[0].hostname;
        for (const p of spec.ports ?? []) link += `http://${ip}:${p.port} `;
      } else {
        let name = s.metadata.name!;
        const port = (spec.ports ?? [])[0];
        if (port) {
          const scheme = port.name === 'https' || port.port === 443 ? 'https' : '';
          // utilnet.JoinSchemeNamePort: [scheme:]name[:port]
          name = scheme ? `${scheme}:${name}:${port.name ?? ''}` : port.name ? `${name}:${port.name}` : name;
        }
        link = `${host}/api/v1/namespaces/${s.metadata.namespace}/services/${name}/proxy`;
      }
      out += `${s.metadata.labels?.['kubernetes.io/name'] || s.metadata.name} is running at ${link}\n`;
    }
    ctx.out(out + HINT);
  },
};
