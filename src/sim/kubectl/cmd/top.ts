/**
 * kubectl top node / top pod (k8s.io/kubectl pkg/cmd/top/top_node.go, top_pod.go,
 * pkg/metricsutil/metrics_printer.go) over metrics.k8s.io/v1beta1 (../../cluster/metricsserver.ts).
 * Printing as metrics_printer.go: every cell is written with a trailing tab, so the last column is
 * padded too; CPU `%vm` of MilliValue (rounded up), memory `%vMi` of Value/1Mi (rounded down),
 * percentages int(usage/allocatable×100); nodes without metrics print `<unknown>` cells after the
 * others; default order by name (pods: namespace then name with -A), --sort-by cpu|memory descending.
 * Column names `CPU(cores) CPU(%) MEMORY(bytes) MEMORY(%)` (since kubectl 1.32). All checked against
 * kubectl v1.33.1 with a fake metrics API.
 * Errors: `Metrics API not available` (no available metrics-server), `metrics not available yet`
 * (no node metrics; or only fresh pods), `Metrics not available for pod ns/x, age: 5m3s` (old pods
 * without metrics), `No resources found in ns namespace.` (stderr, no pods at all).
 */
import type { KubeObject } from '../../api/object.ts';
import { quantityOf, type Quantity } from '../../api/quantity.ts';
import { res } from '../../apiserver/client.ts';
import { ApiError } from '../../apiserver/errors.ts';
import type { ApiRequest } from '../../apiserver/types.ts';
import { CmdError, usageError } from '../errors.ts';
import { tabwrite } from '../tabwriter.ts';
import type { Command, KubectlContext } from '../types.ts';
import { listObjects, getObject } from './common.ts';
import { helpText } from '../help.ts';
import { goSort } from '../describe/gosort.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** metrics.k8s.io/v1beta1 request through the aggregation layer. */
function metricsCall(ctx: KubectlContext, req: Omit<ApiRequest, 'group' | 'version'>): Obj {
  const r = ctx.server.handle({ ...req, group: 'metrics.k8s.io', version: 'v1beta1' });
  if (r.code === 503) throw new CmdError('Metrics API not available');
  if (r.code >= 400) throw new ApiError(r.body as never);
  return r.body as Obj;
}

function milli(q: string | undefined): number {
  return quantityOf(q)?.milliValue() ?? 0;
}
function bytes(q: string | undefined): number {
  return quantityOf(q)?.value() ?? 0;
}
const cpuCell = (m: number) => `${m}m`;
const memCell = (b: number) => `${Math.trunc(b / (1024 * 1024))}Mi`;

/** Rows whose every cell ends with a tab (a trailing empty cell makes the last one padded). */
function table(rows: string[][]): string {
  return tabwrite(rows.map((r) => [...r, '']));
}

function sortFlagCheck(sortBy: string): void {
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw new CmdError('--sort-by accepts only cpu or memory');
}

const topNode: Command = {
  name: 'node',
  aliases: ['nodes', 'no'],
  flags: [
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'sort-by', type: 'string' },
    { name: 'no-headers', type: 'bool' },
    { name: 'use-protocol-buffers', type: 'bool', default: true },
    { name: 'show-capacity', type: 'bool' },
    { name: 'show-swap', type: 'bool' },
  ],
  run(ctx, args, flags) {
    if (args.length > 1) throw usageError('node [NAME | -l label]');
    const name = args[0] ?? '';
    const selector = flags.str('selector');
    const sortBy = flags.str('sort-by');
    sortFlagCheck(sortBy);
    if (name && selector) throw new CmdError('only one of NAME or --selector can be provided');
    const metrics: Obj[] = name ? [metricsCall(ctx, { verb: 'get', resource: 'nodes', name })] : metricsCall(ctx, { verb: 'list', resource: 'nodes', labelSelector: selector || undefined }).items;
    if (!metrics.length) throw new CmdError('metrics not available yet');
    const nodes: KubeObject[] = name ? [getObject(ctx, res('nodes'), undefined, name)] : listObjects(ctx, res('nodes'), undefined, selector);
    const avail = new Map(nodes.map((n) => [n.metadata.name!, ((n.status as Obj)?.[flags.bool('show-capacity') ? 'capacity' : 'allocatable'] ?? {}) as Record<string, string>]));
    const cpu = (m: Obj) => milli(m.usage?.cpu);
    const mem = (m: Obj) => bytes(m.usage?.memory);
    // metrics_printer.go: sort.Sort(NewNodeMetricsSorter(…)) — Go's unstable sort, so nodes with the same usage come out in its order.
    goSort(metrics, (a, b) => (sortBy === 'cpu' ? cpu(a) > cpu(b) : sortBy === 'memory' ? mem(a) > mem(b) : a.metadata.name < b.metadata.name));
    const rows: string[][] = [];
    if (!flags.bool('no-headers')) rows.push(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
    for (const m of metrics) {
      const a = avail.get(m.metadata.name);
      const row = [m.metadata.name, cpuCell(cpu(m))];
      if (a) row.push(`${Math.trunc(milli(a.cpu) ? (cpu(m) / milli(a.cpu)) * 100 : 0)}%`);
      row.push(memCell(mem(m)));
      if (a) row.push(`${Math.trunc(milli(a.memory) ? (milli(m.usage?.memory) / milli(a.memory)) * 100 : 0)}%`);
      rows.push(row);
      avail.delete(m.metadata.name);
    }
    for (const n of [...avail.keys()].sort()) rows.push([n, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
    ctx.out(table(rows));
  },
};

const topPod: Command = {
  name: 'pod',
  aliases: ['pods', 'po'],
  flags: [
    { name: 'selector', short: 'l', type: 'string' },
    { name: 'field-selector', type: 'string' },
    { name: 'sort-by', type: 'string' },
    { name: 'containers', type: 'bool' },
    { name: 'all-namespaces', short: 'A', type: 'bool' },
    { name: 'no-headers', type: 'bool' },
    { name: 'use-protocol-buffers', type: 'bool', default: true },
    { name: 'sum', type: 'bool' },
    { name: 'show-swap', type: 'bool' },
  ],
  run(ctx, args, flags) {
    if (args.length > 1) throw usageError('pod [NAME | -l label]');
    const name = args[0] ?? '';
    const selector = flags.str('selector');
    const fieldSelector = flags.str('field-selector');
    const sortBy = flags.str('sort-by');
    sortFlagCheck(sortBy);
    if (name && (selector || fieldSelector)) throw new CmdError('only one of NAME or selector can be provided');
    const all = flags.bool('all-namespaces');
    const ns = all ? undefined : ctx.namespace;
    const metrics: Obj[] = name ? [metricsCall(ctx, { verb: 'get', resource: 'pods', namespace: ns, name })] : metricsCall(ctx, { verb: 'list', resource: 'pods', namespace: ns, labelSelector: selector || undefined }).items;
    if (!metrics.length) {
      // verifyEmptyMetrics: pods exist but have no metrics — too young, or something is wrong.
      const pods = listObjects(ctx, res('pods'), ctx.namespace, selector, fieldSelector);
      if (pods.length) {
        for (const p of pods) {
          const ageMs = ctx.server.clock.now() - Date.parse(p.metadata.creationTimestamp ?? '');
          if (ageMs > 120_000) throw new CmdError(`Metrics not available for pod ${p.metadata.namespace}/${p.metadata.name}, age: ${goDuration(ageMs)}`);
        }
        throw new CmdError('metrics not available yet');
      }
      ctx.err(all ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
      return;
    }
    const cpuOf = (u: Obj) => milli(u.cpu);
    const memOf = (u: Obj) => bytes(u.memory);
    // metricsutil: a pod's usage and the --sum total add the exact quantities and are rounded (MilliValue) once.
    const zero = () => quantityOf('0')!;
    const exact = (m: Obj, field: 'cpu' | 'memory') => (m.containers as Obj[]).reduce<Quantity>((q, c) => q.add(quantityOf(c.usage?.[field]) ?? zero()), zero());
    // metrics_printer.go PrintPodMetrics: sort.Sort(NewPodMetricsSorter(…)) (PodMetricsSorter.Less: cpu
    // MilliValue / memory Value of the pod's sum, descending; else namespace with -A, then name), and
    // sort.Sort(NewContainerMetricsSorter(…)) per pod — Go's unstable sort: pods or containers with the
    // same usage come out in pdqsort's order, not the list order.
    const key = new Map(metrics.map((m) => [m, sortBy === 'cpu' ? exact(m, 'cpu').milliValue() : sortBy === 'memory' ? exact(m, 'memory').value() : 0]));
    goSort(metrics, (a, b) => {
      if (sortBy === 'cpu' || sortBy === 'memory') return key.get(a)! > key.get(b)!;
      if (all && a.metadata.namespace !== b.metadata.namespace) return a.metadata.namespace < b.metadata.namespace;
      return a.metadata.name < b.metadata.name;
    });
    const containers = flags.bool('containers');
    const rows: string[][] = [];
    if (!flags.bool('no-headers')) rows.push([...(all ? ['NAMESPACE'] : []), ...(containers ? ['POD'] : []), 'NAME', 'CPU(cores)', 'MEMORY(bytes)']);
    let totalCpuQ = zero();
    let totalMemQ = zero();
    for (const m of metrics) {
      const pre = all ? [m.metadata.namespace] : [];
      totalCpuQ = totalCpuQ.add(exact(m, 'cpu'));
      totalMemQ = totalMemQ.add(exact(m, 'memory'));
      if (containers) {
        const cs = goSort([...(m.containers as Obj[])], (a, b) => (sortBy === 'cpu' ? cpuOf(a.usage ?? {}) > cpuOf(b.usage ?? {}) : sortBy === 'memory' ? memOf(a.usage ?? {}) > memOf(b.usage ?? {}) : a.name < b.name));
        for (const c of cs) rows.push([...pre, m.metadata.name, c.name, cpuCell(cpuOf(c.usage ?? {})), memCell(memOf(c.usage ?? {}))]);
      } else rows.push([...pre, m.metadata.name, cpuCell(exact(m, 'cpu').milliValue()), memCell(exact(m, 'memory').value())]);
    }
    const totalCpu = totalCpuQ.milliValue();
    const totalMem = totalMemQ.value();
    if (flags.bool('sum')) {
      const width = 3 + (all ? 1 : 0) + (containers ? 1 : 0);
      rows.push([...Array(width - 2).fill(''), '________', '________']);
      rows.push([...Array(width - 3).fill(''), '', cpuCell(totalCpu), memCell(totalMem)]);
    }
    ctx.out(table(rows));
  },
};

/** Go's time.Duration String() for a whole number of milliseconds: 5m3.25s, 2h0m5s. */
export function goDuration(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const sec = Number.isInteger(s) ? String(s) : String(s).replace(/0+$/, '');
  if (h) return `${h}h${m}m${sec}s`;
  if (m) return `${m}m${sec}s`;
  return `${sec}s`;
}

export const top: Command = {
  name: 'top',
  sub: [topNode, topPod],
  run(ctx, args) {
    if (!args.length) {
      ctx.err(helpText('top')!);
      return 1;
    }
    // cmdutil.DefaultSubCommandRun → RequireNoArguments
    ctx.err(`error: unknown command ${JSON.stringify(args.join(' '))}\nSee 'kubectl top -h' for help and examples\n`);
    return 1;
  },
};
